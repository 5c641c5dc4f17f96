// The card's language in real Chromium (issue #12 item 4): a Spanish page that does not declare its language gets
// Spanish cards, from what the browser's own i18n.detectLanguage finds in the page's text; an English page
// without <html lang> stays English. (Firefox: firefox.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saveScreenshot, useExtensionBrowser, waitForHighlights } from './harness';
import { ArticlePage } from './pages/article-page';

const env = useExtensionBrowser();

async function open(path: string): Promise<ArticlePage> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(path));
  await waitForHighlights(page, 2);
  return new ArticlePage(page);
}

describe('card language', () => {
  it('gives a Spanish page without <html lang> Spanish cards', async () => {
    const a = await open('/own/spanish-no-lang.html');
    assert.equal(await a.page.evaluate(() => document.documentElement.lang), '', 'the fixture declares no language');
    await a.hover('perfil racial');
    await a.card.waitFor();
    assert.equal(await a.cardHeading.textContent(), 'Perfil racial');
    assert.equal(await a.card.getAttribute('lang'), 'es');
    assert.match((await a.card.textContent()) ?? '', /Información general, no es asesoría legal\./);
    await saveScreenshot(a.page, 'card-spanish-undeclared');
    await a.page.close();
    assert.deepEqual(env.browser.errors, []);
  });

  it('keeps an English page without <html lang> in English', async () => {
    const a = await open('/own/english-no-lang.html');
    assert.equal(await a.page.evaluate(() => document.documentElement.lang), '');
    await a.hover('racial profiling');
    await a.card.waitFor();
    assert.equal(await a.cardHeading.textContent(), 'Racial profiling');
    assert.equal(await a.card.getAttribute('lang'), 'en');
    await a.page.close();
  });
});
