import { chromium, type Browser } from 'playwright-core';

/**
 * The browser's time zone: 18 hours behind the centre's (UTC−10 against Asia/Shanghai's UTC+8), so for 18 hours
 * of each day the browser's own date is not the centre's. A page that takes the browser's day for the centre's
 * then fails the browser tests on most runs, not only on those that happen to fall between 16:00 and 24:00 UTC.
 */
const BROWSER_TIME_ZONE = 'Pacific/Honolulu';

/** Headless Chromium from the system package; playwright gives each launch a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    env: { ...process.env, TZ: BROWSER_TIME_ZONE },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
