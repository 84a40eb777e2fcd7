/**
 * How every test, benchmark and script launches Debian's Chromium: Playwright's own browser
 * builds cannot be downloaded here, and without the background-networking flags Chromium keeps
 * trying to reach Google's servers, which this machine's closed network refuses.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
