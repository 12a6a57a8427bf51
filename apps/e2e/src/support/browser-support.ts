import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const webIndex = path.join(__dirname, '../../../web/dist/index.html');

/** The browser specs test the built web app the API serves: say how to build it rather than fail obscurely. */
export function assertWebBuilt(): void {
  if (!existsSync(webIndex))
    throw new Error(`${webIndex} is missing: run \`npx nx build web\` before the browser tests`);
}

/**
 * Until no antd motion runs (a dialog zooming, a dropdown sliding, a drawer opening): a click on a moving target
 * can miss it (seen on loaded CI hosts). Bounded: a motion class left on an element for 5 s is no motion a click
 * could miss (once, on a loaded host, one stayed for the whole 30 s of the wait and failed the test), so the test
 * goes on; whatever it then clicks or reads is still awaited by its own locator.
 */
export const settled = (page: Page) =>
  page
    .waitForFunction(
      () =>
        document.querySelector(
          '[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]',
        ) === null,
      undefined,
      { timeout: 5_000 },
    )
    .then(
      () => undefined,
      (error: Error) => {
        if (error.name !== 'TimeoutError') throw error;
      },
    );

/** Full-page screenshots named `<prefix>-<name>.png` into SCREENSHOT_DIR, when it is set (to look at them). */
export const screenshotter =
  (prefix: string) =>
  async (page: Page, name: string): Promise<void> => {
    const dir = process.env.SCREENSHOT_DIR;
    if (dir) await page.screenshot({ path: path.join(dir, `${prefix}-${name}.png`), fullPage: true });
  };
