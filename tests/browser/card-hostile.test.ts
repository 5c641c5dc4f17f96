// The hover card on pages that get in its way (issue 10), in Chromium and Firefox: a modal <dialog>, a transformed
// <html>, a short iframe, a page that swallows pointer moves, a page that took the host's element name, a page that
// sweeps unknown elements out of <body>, and a whole-document React app that hydrates with a card open. One
// fixture per attack, each saying what it attacks. Last, in Chromium only: no card mounts when the extension is
// turned off or reloaded while the card is on its way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachBrowser } from './driver';
import { launchWithExtension, setSettings, startServer, waitForHighlights } from './harness';
import { ArticlePage } from './pages/article-page';
import { WebPage, center } from './pages/web-page';
import { buildReactApp } from './react-app/build';

/** Serves the whole-document React app (server HTML and client bundle) as /react/. */
let react: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  react = await startServer({ react: await buildReactApp() });
});
after(() => react?.server.close());

forEachBrowser('cards on pages that get in the way', {}, (env) => {
  const open = (path: string, min = 1) => WebPage.open(env.browser, env.server.url(path), min);

  it('opens above a modal <dialog> and its backdrop, and can be used there (defect 2)', async () => {
    const a = await open('/own/modal-dialog.html', 2);
    await a.startCardClock();
    await a.hover('writ of mandamus');
    await a.waitForCard();
    const card = await a.settledCardBox();
    assert.ok(await a.tab.evaluate(() => __lens.cardOnTop()), 'the card, not the dialog or its backdrop, is on top');
    await a.tab.moveMouse(card.x + card.width / 2, card.y + Math.min(card.height / 2, 40), 4);
    await a.holdStill(800); // past the 300 ms close grace: a card the pointer is not on would be gone
    assert.equal((await a.cardClock()).closedAt, 0, 'the card stays while the pointer is on it');
    await a.clickCardControl('button', 'Ver en español');
    await a.waitForHeading('Demanda de mandamus (writ of mandamus)');
    assert.deepEqual(env.browser.errors, []);
    await a.tab.close();
  });

  for (const root of ['transform: translateZ(0)', 'will-change: transform', 'contain: paint', 'perspective: 500px']) {
    it(`stays next to its term after scrolling when <html> has ${root} (defect 4)`, async () => {
      const a = await open(`/own/transformed-root.html?root=${encodeURIComponent(root)}`);
      const term = await a.hover('287(g) agreement');
      assert.ok((await a.tab.evaluate(() => scrollY)) > 500, 'the page is scrolled');
      const card = await a.settledCardBox();
      const vp = await a.viewport();
      assert.ok(card.y >= 0 && card.y + card.height <= vp.height, `card at y=${card.y}, viewport ${vp.height}`);
      const gap = card.y >= term.y ? card.y - (term.y + term.height) : term.y - (card.y + card.height);
      assert.ok(gap >= 0 && gap <= 20, `card ${Math.round(gap)} px from its term (card y=${Math.round(card.y)}, term y=${Math.round(term.y)})`);
      await a.tab.close();
    });
  }

  it('is readable as a whole inside a 100 px tall iframe (defect 3)', async () => {
    const a = await open('/own/short-iframe.html', 0);
    const { frame } = await a.frameAt(['short']);
    await a.waitForMarks(1, undefined, 15_000, frame);
    await a.pointAt((await a.termBoxIn(['short'], 'writ of mandamus')).box);
    const card = (await a.waitForCard(5000, frame)).box;
    const height = await frame.evaluate(() => innerHeight);
    assert.ok(card.y >= 0 && card.y + card.height <= height + 0.5, `card from y=${card.y} to ${card.y + card.height} in a ${height} px frame`);
    // everything in it can be reached: its heading is in view, and it scrolls inside itself down to its last line
    const reach = await frame.evaluate(() => {
      const el = document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
      const heading = el.querySelector('h2')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      el.scrollTop = el.scrollHeight;
      const last = el.querySelector('.disclaimer')!.getBoundingClientRect();
      const after = el.getBoundingClientRect();
      return { headingInside: heading.top >= box.top && heading.top < box.bottom, lastInside: last.bottom <= after.bottom + 1 && last.top >= after.top - 1 };
    });
    assert.deepEqual(reach, { headingInside: true, lastInside: true });
    assert.deepEqual(env.browser.errors, []);
    await a.tab.close();
  });

  it('opens on a page that swallows pointermove and mousemove in the capture phase on window (defect 5)', async () => {
    const a = await open('/own/swallowed-pointermove.html');
    await a.hover('Immigration and Nationality Act');
    assert.equal((await a.waitForCard(3000)).heading, 'Immigration and Nationality Act (INA)');
    await a.tab.close();
  });

  it('opens in a fallback host when the page defined <legal-lens-ui> itself, never throwing (defect 7)', async () => {
    const a = await open('/own/custom-element-name.html');
    await a.hover('racial profiling');
    assert.equal((await a.waitForCard()).heading, 'Racial profiling');
    const host = await a.tab.evaluate(() => [...document.body.children].map((e) => e.localName).find((n) => n.startsWith('legal-lens-ui')));
    assert.match(host ?? '', /^legal-lens-ui-[a-z0-9]+$/);
    assert.deepEqual(env.browser.errors, []);
    await a.tab.close();
  });

  it('keeps cards working on a page that removes unknown children of <html> and <body> (defect 14)', async () => {
    const a = await open('/own/janitor.html', 2);
    await a.startCardClock();
    await a.hover('racial profiling');
    await a.waitForCard();
    await a.holdStill(600); // three more sweeps
    assert.equal((await a.cardClock()).closedAt, 0, 'the card survives the sweeps');
    assert.ok((await a.tab.evaluate(() => (window as unknown as { removed: string[] }).removed)).includes('legal-lens-ui'), 'the janitor did remove it once');
    await a.tab.press('Escape');
    await a.waitForCardClosed();
    await a.hover('writ of mandamus');
    await a.waitForHeading('Writ of mandamus');
    await a.tab.close();
  });

  it('marks a page again, and opens its cards, after it replaced its <html> element (defect 12)', async () => {
    const a = await open('/own/replaced-root.html');
    await a.tab.evaluate(() => (window as unknown as { replaceRoot: () => void }).replaceRoot());
    await a.tab.waitFor(() => __lens.marks().join('|') === 'writ of mandamus|287(g) program', undefined, 10_000);
    await a.hover('287(g) program');
    assert.equal((await a.waitForCard()).heading, '287(g) program');
    assert.deepEqual(env.browser.errors, []);
    await a.tab.close();
  });

  it('lets a whole-document React app hydrate without a warning, with a card open before and during hydration (defect 12)', async () => {
    const a = new WebPage(await env.browser.open(react.url('/react/index.html')));
    await a.waitForMarks(4);
    // before hydration
    await a.hover('ICE');
    await a.waitForCard();
    await a.tab.evaluate(() => (window as unknown as { __hydrate: () => void }).__hydrate());
    await a.tab.waitFor(() => (window as unknown as { __hydrated?: boolean }).__hydrated);
    // during hydration: the story below still waits to hydrate (its Suspense boundary is held back)
    await a.tab.press('Escape');
    await a.waitForCardClosed();
    await a.hover('racial profiling');
    await a.waitForHeading('Racial profiling');
    await a.tab.evaluate(() => (window as unknown as { __resolveLater: () => void }).__resolveLater());
    await a.tab.waitFor(() => document.querySelector('#later') && !document.querySelector('main')?.textContent?.includes('Loading'));
    // React kept the server HTML (nothing to recover from, no re-render) and the app works
    assert.deepEqual(await a.tab.evaluate(() => (window as unknown as { __recoverable: string[] }).__recoverable), []);
    const button = await a.tab.evaluate(() => {
      const r = document.querySelector('#count')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const c = center(button);
    await a.tab.press('Escape');
    await a.tab.click(c.x, c.y);
    await a.tab.waitFor(() => document.querySelector('#count')?.textContent === 'Clicked 1 times');
    // React reports a mismatch with console.error: none
    assert.deepEqual(env.browser.errors, []);
    // the host is there only while a card is open
    assert.equal(await a.tab.evaluate(() => __lens.hostCount()), 0);
    await a.tab.close();
  });
});

// Chromium only: Firefox runs extension pages and the background page on one thread, so the background cannot be
// held busy while an extension page turns Legal Lens off; and it unloads a reloaded extension's content scripts.
describe('a card on its way when the extension goes (chromium)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.server.close());

  /** Holds the service worker busy for `ms`, so the card's text and UI wait for it. */
  const holdWorker = (worker: { evaluate: (fn: (ms: number) => void, ms: number) => Promise<unknown> }, ms: number) =>
    worker.evaluate((wait) => {
      const end = Date.now() + wait;
      while (Date.now() < end);
    }, ms).catch(() => {}); // a worker gone with a reload

  it('mounts no card when the extension is turned off meanwhile (defect 6)', async () => {
    const browser = await launchWithExtension();
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/own/law-firm-article.html'));
      await waitForHighlights(page, 60);
      const a = new ArticlePage(page);
      const busy = holdWorker(browser.worker, 4000);
      await a.hover('Immigration and Nationality Act');
      await a.pageTimePasses(500); // the hover delay is over: the card waits for its text
      await setSettings(browser, { enabled: false });
      await page.waitForFunction(() => !CSS.highlights.get('legal-lens-underline')?.size);
      await busy; // the answers arrive now
      await a.pageTimePasses(500);
      assert.equal(await page.locator('legal-lens-ui').count(), 0);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
    }
  });

  it('mounts no card from the content script a reload orphaned (defect 6)', async () => {
    const browser = await launchWithExtension();
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/own/law-firm-article.html'));
      await waitForHighlights(page, 60);
      const a = new ArticlePage(page);
      void holdWorker(browser.worker, 4000);
      await a.hover('Immigration and Nationality Act');
      await a.pageTimePasses(500);
      const options = await browser.context.newPage();
      await options.goto(browser.extensionUrl('options.html'));
      await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => {});
      await a.pageTimePasses(4500);
      assert.equal(await page.locator('legal-lens-ui').count(), 0);
    } finally {
      await browser.close();
    }
  });
});
