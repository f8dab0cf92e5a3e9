import type { Locator, Page } from 'playwright-core';

/**
 * How long a step may take to show its result. The suite runs its files in parallel on a 2-core
 * machine (one server and one Chromium per file), where a save can take many seconds.
 */
export const STEP_MS = 45_000;

/**
 * Waits until the locator shows. On failure, prints what the open dialogs and toasts say (a
 * server refusal is shown there) and keeps a screenshot, so a CI failure explains itself.
 */
export async function visible(locator: Locator, timeout = STEP_MS): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (e) {
    await explain(locator.page(), e);
    throw e;
  }
  return locator;
}

/** Prints the visible dialogs' and messages' text and saves a screenshot under /tmp. */
export async function explain(page: Page, cause: unknown): Promise<void> {
  const texts = await page
    .locator('.ant-modal-wrap:visible, .ant-message-notice:visible, .ant-notification-notice:visible, .ant-form-item-explain-error')
    .allTextContents()
    .catch(() => []);
  const shot = `/tmp/jiceng-e2e-failed-${Date.now()}.png`;
  await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
  console.error(`e2e step failed at ${page.url()}: ${(cause as Error).message.split('\n')[0]}\n  on screen: ${JSON.stringify(texts)}\n  screenshot: ${shot}`);
}

/** antd spaces out two-character Chinese button labels ("保 存"); match either way. */
export function button(scope: Page | Locator, label: string): Locator {
  const chars = [...label];
  const name = chars.length === 2 ? new RegExp(`^${chars[0]}\\s?${chars[1]}$`) : label;
  return scope.getByRole('button', { name });
}
