// Makes sure the browser the end-to-end tests drive is here: Debian's Chromium.
// Installs it with apt-get when it is missing and we may (root with apt-get), or says
// exactly what to install. Never downloads a browser of Playwright's own.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
  console.log(`Chromium is missing at ${path}; installing Debian's chromium with apt-get…`);
  try {
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core',
      {
        stdio: 'inherit',
      },
    );
  } catch {
    // reported below
  }
  if (existsSync(path)) process.exit(0);
}
console.error(
  [
    `The end-to-end tests need Chromium at ${path}, and it is not there.`,
    "Install Debian's Chromium as root:  apt-get update && apt-get install -y chromium",
    'or point CHROMIUM_PATH at another Chromium or Chrome binary.',
    '(Do not run "npx playwright install": the tests use the system browser.)',
  ].join('\n'),
);
process.exit(1);
