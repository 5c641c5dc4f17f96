// The card's language in real browsers (issue #12 item 4), Chromium and Firefox through the page objects: a Spanish
// page that does not declare its language gets Spanish cards, from what the browser's own i18n.detectLanguage finds
// in the page's text; an English page without <html lang> stays English.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBrowser } from './driver';
import { WebPage } from './pages/web-page';

forEachBrowser('card language', {}, (env) => {
  const open = async (path: string) => {
    const page = await WebPage.open(env.browser, env.server.url(path), 2);
    assert.equal(await page.tab.evaluate(() => document.documentElement.lang), '', 'the fixture declares no language');
    return page;
  };

  it('gives a Spanish page without <html lang> Spanish cards', async () => {
    const a = await open('/own/spanish-no-lang.html');
    await a.hover('perfil racial');
    await a.waitForHeading('Perfil racial');
    const card = (await a.card())!;
    assert.equal(card.lang, 'es');
    assert.match(card.text, /Información general, no es asesoría legal\./);
    await a.settledCardBox();
    await a.tab.screenshot('card-spanish-undeclared');
    await a.tab.close();
    assert.deepEqual(env.browser.errors, []);
  });

  it('keeps an English page without <html lang> in English', async () => {
    const a = await open('/own/english-no-lang.html');
    await a.hover('racial profiling');
    await a.waitForHeading('Racial profiling');
    assert.equal((await a.card())!.lang, 'en');
    await a.tab.close();
    assert.deepEqual(env.browser.errors, []);
  });
});
