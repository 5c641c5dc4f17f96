// The popup at its real size (issue #12 item 7), in Chromium and Firefox through the page objects: 360 px wide, at
// most 600 px tall. One region scrolls, no row is cut where it ends, every row can be scrolled into view whole, and
// the links and the disclaimer are in view without scrolling — with a long "On this page" list and with a page of
// search results. Search in the built extension answers what people type.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ROWS } from '../../entrypoints/popup/whole-rows.ts';
import { forEachBrowser } from './driver';
import type { PopupLayout } from './pages/popup-layout';
import { POPUP_SIZE, PopupTab } from './pages/popup-tab';
import { WebPage } from './pages/web-page';

function assertLayout(layout: PopupLayout, minRows: number) {
  assert.equal(layout.documentScrolls, false, 'the document itself does not scroll');
  assert.deepEqual(layout.scrollers, ['main.popup-main'], 'one region scrolls, nothing scrolls inside it');
  assert.ok(layout.popupHeight <= POPUP_SIZE.height, `the popup is ${layout.popupHeight} px tall`);
  assert.deepEqual(layout.outOfView, [], 'links and disclaimer in view without scrolling');
  assert.deepEqual(layout.cutRows, [], 'no row cut where the region ends');
  assert.deepEqual(layout.unreachable, [], 'every row reachable whole');
  assert.ok(layout.rows >= minRows, `${layout.rows} rows checked`);
}

forEachBrowser('popup at its real size', {}, (env) => {
  /** The popup opened on the law firm's article (60 marks and more), and that article. */
  async function openPopup(): Promise<{ popup: PopupTab; article: WebPage }> {
    const article = await WebPage.open(env.browser, env.server.url('/own/law-firm-article.html'), 20);
    return { popup: await PopupTab.openFor(env.browser, article.tab), article };
  }

  it('says a page without terms holds none (the first pass\'s mark, read by the popup\'s probe)', async () => {
    const page = await WebPage.open(env.browser, env.server.url('/own/no-terms.html'), 0);
    const popup = await PopupTab.openFor(env.browser, page.tab, '.note');
    // the first note may be "Looking for terms…" while the popup asks
    await popup.tab.waitFor(() => /No terms found on this page/.test(document.querySelector('section[aria-labelledby="on-page-heading"]')?.textContent ?? ''), undefined, 15_000);
    assert.match(await popup.onThisPage(), /No terms found on this page/);
    await popup.tab.close();
    await page.tab.close();
    assert.deepEqual(env.browser.errors, []);
  });

  it('one scroll, whole rows, everything reachable with a long "On this page" list', async () => {
    const { popup, article } = await openPopup();
    const terms = await popup.pageTermCount();
    assert.ok(terms >= 10, `${terms} terms on the page`);
    assertLayout(await popup.layout(ROWS), terms);
    await popup.tab.screenshot('popup-real-size');
    await popup.tab.close();
    await article.tab.close();
    assert.deepEqual(env.browser.errors, []);
  });

  it('the same with a page of search results, and the search field stays in view', async () => {
    const { popup, article } = await openPopup();
    await popup.search('detainer');
    assert.ok((await popup.results()).length >= 5, 'a page of results');
    assertLayout(await popup.layout(ROWS), 5);
    // scrolled to the last result, the field is still there
    const field = await popup.searchFieldAfterScrollingToLastResult();
    assert.ok(field.top >= 0 && field.bottom <= POPUP_SIZE.height, `search field at ${field.top}–${field.bottom} px`);
    await popup.tab.close();
    await article.tab.close();
    assert.deepEqual(env.browser.errors, []);
  });

  it('finds what people type in the built extension, and offers the index when nothing fits', async () => {
    const { popup, article } = await openPopup();
    for (const [query, first] of [['I-862', /Notice to Appear/], ['perfilamiento racial', /Racial profiling/], ['§ 1983', /Section 1983/], ['dreamers', /DACA/]] as const) {
      await popup.search(query);
      assert.match((await popup.results())[0] ?? '', first, query);
    }
    await popup.search('chocolate cake recipe');
    assert.deepEqual(await popup.results(), []);
    assert.equal(await popup.status(), 'No term or guide matches this search.');
    assert.ok((await popup.elsewhereLinks()).includes('Browse all terms and guides'));
    await popup.tab.close();
    await article.tab.close();
    assert.deepEqual(env.browser.errors, []);
  });
});
