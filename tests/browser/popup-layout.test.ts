// The popup at its real size in Chromium (issue #12 item 7): 360 px wide, at most 600 px tall. One region scrolls,
// no row is cut where it ends, every row can be scrolled into view whole, and the links and the disclaimer are in
// view without scrolling — with a long "On this page" list and with a page of search results. (Firefox:
// firefox.test.ts.) Search in the built extension answers what people type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROWS } from '../../entrypoints/popup/whole-rows.ts';
import { saveScreenshot, useExtensionBrowser, waitForHighlights } from './harness';
import { popupLayoutScript, type PopupLayout } from './pages/popup-layout';
import { PopupPage } from './pages/popup-page';

const env = useExtensionBrowser();
/** What Chrome gives a popup at most; the popup sets its own width (360 px). */
const POPUP = { width: 360, height: 600 };

async function openPopupOn(path: string): Promise<PopupPage> {
  const article = await env.browser.context.newPage();
  await article.goto(env.server.url(path));
  await waitForHighlights(article, 20);
  const popup = await PopupPage.openFor(env.browser, article);
  await popup.page.setViewportSize(POPUP);
  await popup.onThisPage.getByRole('link').first().waitFor();
  return popup;
}

function assertLayout(layout: PopupLayout, minRows: number) {
  assert.equal(layout.documentScrolls, false, 'the document itself does not scroll');
  assert.deepEqual(layout.scrollers, ['main.popup-main'], 'one region scrolls, nothing scrolls inside it');
  assert.ok(layout.popupHeight <= POPUP.height, `the popup is ${layout.popupHeight} px tall`);
  assert.deepEqual(layout.outOfView, [], 'links and disclaimer in view without scrolling');
  assert.deepEqual(layout.cutRows, [], 'no row cut where the region ends');
  assert.deepEqual(layout.unreachable, [], 'every row reachable whole');
  assert.ok(layout.rows >= minRows, `${layout.rows} rows checked`);
}

describe('popup at its real size', () => {
  it('one scroll, whole rows, everything reachable with a long "On this page" list', async () => {
    const popup = await openPopupOn('/own/law-firm-article.html');
    const terms = await popup.onThisPage.getByRole('listitem').count();
    assert.ok(terms >= 10, `${terms} terms on the page`);
    assertLayout(await popup.page.evaluate(popupLayoutScript(ROWS)), terms);
    await saveScreenshot(popup.page, 'popup-real-size');
    await popup.page.close();
  });

  it('the same with a page of search results, and the search field stays in view', async () => {
    const popup = await openPopupOn('/own/law-firm-article.html');
    await popup.search.fill('detainer');
    await popup.results.nth(4).waitFor();
    assertLayout(await popup.page.evaluate(popupLayoutScript(ROWS)), 5);
    // scrolled to the last result, the field is still there
    await popup.results.last().scrollIntoViewIfNeeded();
    const field = await popup.search.boundingBox();
    assert.ok(field && field.y >= 0 && field.y + field.height <= POPUP.height, 'search field in view');
    await popup.page.close();
  });

  it('finds what people type in the built extension, and offers the index when nothing fits', async () => {
    const popup = await openPopupOn('/own/law-firm-article.html');
    for (const [query, first] of [['I-862', /Notice to Appear/], ['perfilamiento racial', /Racial profiling/], ['§ 1983', /Section 1983/]] as const) {
      await popup.search.fill(query);
      await popup.page.waitForFunction((q) => (document.querySelector<HTMLInputElement>('input[type="search"]')?.value === q) && !!document.querySelector('[role="option"]'), query);
      assert.match((await popup.results.first().textContent()) ?? '', first, query);
    }
    await popup.search.fill('la migra');
    await popup.page.getByText('No term or guide matches this search.').waitFor();
    assert.equal(await popup.results.count(), 0);
    assert.ok(await popup.page.locator('.search-elsewhere a', { hasText: 'Browse all terms and guides' }).count());
    await popup.page.close();
    assert.deepEqual(env.browser.errors, []);
  });
});
