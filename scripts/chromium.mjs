// How every browser run here launches Debian's Chromium (tests, benchmarks, screenshots).

/** The Chromium binary: Debian's, or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for running headless in a container with nothing to download. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launch options for Playwright's chromium.launch / launchOptions, plus `extra` flags.
 * @example await chromium.launch(chromiumLaunchOptions(['--js-flags=--expose-gc']))
 * @param {string[]} [extra]
 */
export function chromiumLaunchOptions(extra = []) {
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extra] };
}
