// Makes sure redis-server is here for the scale-out test (two sync servers joined by Redis).
// Installs Debian's redis-server with apt-get when it is missing and we may (root with
// apt-get), or says exactly what to install. Prints the path of redis-server.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  process.env.REDIS_SERVER,
  '/usr/bin/redis-server',
  '/usr/local/bin/redis-server',
];
const found = () => candidates.find((p) => p && existsSync(p));
if (!found()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.error("redis-server is missing; installing Debian's redis-server with apt-get…");
    try {
      execSync(
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server',
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
    } catch {
      // reported below
    }
  }
}
const path = found();
if (!path) {
  console.error(
    [
      'The scale-out test needs redis-server, and it is not installed.',
      "Install Debian's package as root:  apt-get update && apt-get install -y redis-server",
      'or point REDIS_SERVER at a redis-server binary.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(path);
