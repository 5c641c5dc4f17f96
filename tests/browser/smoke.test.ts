// Smoke tests: the built extension loads; the content script runs on the seed article without errors;
// the popup, explainer and options pages open without console errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchWithExtension, saveScreenshot, startServer, waitForHighlights, type ExtensionBrowser } from './harness';

describe('smoke', () => {
  let browser: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer();
    browser = await launchWithExtension();
  });
  after(async () => {
    await browser?.close();
    server?.server.close();
  });

  it('runs the content script on the seed article without errors', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/shared/seed-article.html'));
    const texts = await waitForHighlights(page, 5);
    assert.ok(texts.length >= 5, `expected highlights, got ${texts.length}`);
    await saveScreenshot(page, 'smoke-seed-article');
    assert.deepEqual(browser.errors, []);
    await page.close();
  });

  for (const [name, path] of [['popup', 'popup.html'], ['explainer', 'explainer.html'], ['explainer term', 'explainer.html#writ-of-mandamus'], ['options', 'options.html']] as const) {
    it(`opens the ${name} page without console errors`, async () => {
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl(path));
      await page.waitForLoadState('load');
      await page.locator('#app *').first().waitFor({ timeout: 5000 });
      await saveScreenshot(page, `smoke-${name}`);
      assert.deepEqual(browser.errors, []);
      await page.close();
    });
  }
});
