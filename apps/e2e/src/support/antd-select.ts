import type { Page } from 'playwright-core';

/**
 * Clicks the option of the open antd Select that shows `text`, once the dropdown has finished sliding in: a
 * click while it still moves can land beside the option (seen on loaded CI hosts).
 */
export async function pickOption(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('.ant-select-dropdown[class*="ant-slide-up-"]') === null,
  );
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}
