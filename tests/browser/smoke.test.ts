// Smoke tests: the built extension loads; the content script runs on the law-firm article without errors;
// the popup, explainer and options pages open without console errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, saveScreenshot, useExtensionBrowser, waitForHighlights } from './harness';
import { ArticlePage } from './pages/article-page';

describe('smoke', () => {
  const env = useExtensionBrowser();

  it('runs the content script on the law-firm article without errors', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/law-firm-article.html'));
    const texts = await waitForHighlights(page, 5);
    assert.ok(texts.length >= 5, `expected highlights, got ${texts.length}`);
    await saveScreenshot(page, 'smoke-law-firm-article');
    assert.deepEqual(env.browser.errors, []);
    await page.close();
  });

  it('keeps the content script within its 100 kB budget', () => {
    const bytes = statSync(join(EXTENSION_DIR, 'content-scripts/content.js')).size;
    assert.ok(bytes <= 100_000, `content.js is ${bytes} bytes`);
  });

  it('makes no network request of its own', async () => {
    const requests: string[] = [];
    env.browser.context.on('request', (r) => requests.push(r.url()));
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(page, 5);
    // open a card (fetches card text from the background), then every extension page
    await new ArticlePage(page).hover(/.+/, 3);
    await page.locator('legal-lens-ui [role="dialog"]').waitFor();
    for (const path of ['popup.html', 'explainer.html', 'explainer.html#287g', 'options.html']) {
      const p = await env.browser.context.newPage();
      await p.goto(env.browser.extensionUrl(path));
      await p.locator('#app *').first().waitFor();
      await p.close();
    }
    const outside = requests.filter((u) => !u.startsWith(env.server.origin) && !u.startsWith('chrome-extension://') && !u.startsWith('data:'));
    assert.deepEqual(outside, []);
    assert.ok(requests.some((u) => u.startsWith('chrome-extension://')), 'requests were recorded');
    await page.close();
  });

  for (const [name, path] of [['popup', 'popup.html'], ['explainer', 'explainer.html'], ['explainer term', 'explainer.html#writ-of-mandamus'], ['options', 'options.html']] as const) {
    it(`opens the ${name} page without console errors`, async () => {
      const page = await env.browser.context.newPage();
      await page.goto(env.browser.extensionUrl(path));
      await page.waitForLoadState('load');
      await page.locator('#app *').first().waitFor({ timeout: 5000 });
      await saveScreenshot(page, `smoke-${name}`);
      assert.deepEqual(env.browser.errors, []);
      await page.close();
    });
  }
});
