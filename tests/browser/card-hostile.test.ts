// The hover card on pages that get in its way (issue 10): a modal <dialog>, a transformed <html>, a short
// iframe, a page that swallows pointer moves, a page that took the host's element name, a whole-document React
// app that hydrates with a card open, and a page that sweeps unknown elements out of <body>. One fixture per
// attack, each saying what it attacks.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, setSettings, startServer, waitForHighlights, type ExtensionBrowser } from './harness';
import { ArticlePage, type Box } from './pages/article-page';
import { buildReactApp } from './react-app/build';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: ExtensionBrowser;
before(async () => {
  server = await startServer({ react: await buildReactApp() });
  browser = await launchWithExtension();
});
after(async () => {
  await browser?.close();
  server?.server.close();
});

async function openPage(path: string, min = 1): Promise<ArticlePage> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  await waitForHighlights(page, min);
  return new ArticlePage(page);
}

/** The viewport box of the first painted term of `frame` (its own viewport). */
function termBoxIn(frame: Frame): Promise<Box> {
  return frame.evaluate(() => {
    const s = [...CSS.highlights.get('legal-lens-underline')!][0] as AbstractRange;
    const r = document.createRange();
    r.setStart(s.startContainer, s.startOffset);
    r.setEnd(s.endContainer, s.endOffset);
    const b = r.getClientRects()[0];
    return { x: b.left, y: b.top, width: b.width, height: b.height };
  });
}

/** The open card's box in `frame`'s viewport, once it has settled, or null. */
function cardBoxIn(frame: Frame): Promise<Box | null> {
  return frame.evaluate(async () => {
    const card = [...document.querySelectorAll('*')].find((e) => /^legal-lens-ui/.test(e.localName))?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (!card) return null;
    await Promise.all(card.getAnimations().map((a) => a.finished));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const b = card.getBoundingClientRect();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  });
}

describe('cards on pages that get in the way', () => {
  it('opens above a modal <dialog> and its backdrop, and can be used there (defect 2)', async () => {
    const a = await openPage('/own/modal-dialog.html', 2);
    await a.startCardClock();
    await a.hover('writ of mandamus');
    await a.card.waitFor();
    const card = await a.settledCardBox();
    const center = { x: card.x + card.width / 2, y: card.y + card.height / 2 };
    // the card, not the dialog or its backdrop, is what is under its own middle
    const onTop = await a.page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, center);
    assert.equal(onTop, 'legal-lens-ui');
    await a.page.mouse.move(center.x, center.y, { steps: 4 });
    await a.holdStill(800); // past the 300 ms close grace: a card the pointer is not on would be gone
    assert.equal((await a.cardClock()).closedAt, 0, 'the card stays while the pointer is on it');
    await a.card.locator('button.lang-switch').click();
    assert.equal(await a.cardHeading.textContent(), 'Demanda de mandamus (writ of mandamus)');
    assert.deepEqual(browser.errors, []);
    await a.page.close();
  });

  for (const root of ['transform: translateZ(0)', 'will-change: transform', 'contain: paint', 'perspective: 500px']) {
    it(`stays next to its term after scrolling when <html> has ${root} (defect 4)`, async () => {
      const a = await openPage(`/own/transformed-root.html?root=${encodeURIComponent(root)}`);
      const term = await a.hover('287(g) agreement');
      assert.ok(await a.page.evaluate(() => scrollY) > 500, 'the page is scrolled');
      await a.card.waitFor();
      const card = await a.settledCardBox();
      const vp = await a.viewport();
      assert.ok(card.y >= 0 && card.y + card.height <= vp.height, `card at y=${card.y}, viewport ${vp.height}`);
      const gap = card.y >= term.y ? card.y - (term.y + term.height) : term.y - (card.y + card.height);
      assert.ok(gap >= 0 && gap <= 20, `card ${Math.round(gap)} px from its term (card y=${Math.round(card.y)}, term y=${Math.round(term.y)})`);
      await a.page.close();
    });
  }

  it('is readable as a whole inside a 100 px tall iframe (defect 3)', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/own/short-iframe.html'));
    const frameElement = page.locator('#short');
    const frame = (await (await frameElement.elementHandle())!.contentFrame())!;
    await frame.waitForFunction(() => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) > 0);
    const term = await termBoxIn(frame);
    const at = (await frameElement.boundingBox())!;
    await page.mouse.move(at.x + 1 + term.x + term.width / 2, at.y + 1 + term.y + term.height / 2, { steps: 2 });
    await frame.waitForFunction(() => document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('[role="dialog"]'));
    const card = (await cardBoxIn(frame))!;
    const height = await frame.evaluate(() => innerHeight);
    assert.ok(card.y >= 0 && card.y + card.height <= height + 0.5, `card from y=${card.y} to ${card.y + card.height} in a ${height} px frame`);
    // everything in it can be reached: it scrolls inside itself down to its last line
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
    assert.deepEqual(browser.errors, []);
    await page.close();
  });

  it('opens on a page that swallows pointermove and mousemove in the capture phase on window (defect 5)', async () => {
    const a = await openPage('/own/swallowed-pointermove.html');
    await a.hover('Immigration and Nationality Act');
    await a.card.waitFor({ timeout: 3000 });
    assert.equal(await a.cardHeading.textContent(), 'Immigration and Nationality Act (INA)');
    await a.page.close();
  });

  it('opens in a fallback host when the page defined <legal-lens-ui> itself, never throwing (defect 7)', async () => {
    const a = await openPage('/own/custom-element-name.html');
    await a.hover('racial profiling');
    const heading = await a.page.waitForFunction(() => {
      const host = [...document.body.children].find((e) => /^legal-lens-ui-[a-z0-9]+$/.test(e.localName));
      return host?.shadowRoot?.querySelector('[role="dialog"] h2')?.textContent;
    });
    assert.equal(await heading.jsonValue(), 'Racial profiling');
    assert.deepEqual(browser.errors, []);
    await a.page.close();
  });

  it('keeps cards working on a page that removes unknown children of <html> and <body> (defect 14)', async () => {
    const a = await openPage('/own/janitor.html', 2);
    await a.startCardClock();
    await a.hover('racial profiling');
    await a.card.waitFor();
    await a.holdStill(600); // three more sweeps
    assert.equal((await a.cardClock()).closedAt, 0, 'the card survives the sweeps');
    assert.ok((await a.page.evaluate(() => (window as unknown as { removed: string[] }).removed)).includes('legal-lens-ui'), 'the janitor did remove it once');
    await a.page.keyboard.press('Escape');
    await a.hover('writ of mandamus');
    await a.card.waitFor();
    assert.equal(await a.cardHeading.textContent(), 'Writ of mandamus');
    await a.page.close();
  });

  it('lets a whole-document React app hydrate without a warning, with a card open before and during hydration (defect 12)', async () => {
    const page: Page = await browser.context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && warnings.push(m.text()));
    await page.goto(server.url('/react/index.html'));
    await waitForHighlights(page, 4);
    const a = new ArticlePage(page);
    // before hydration
    await a.hover('ICE');
    await a.card.waitFor();
    await page.evaluate(() => (window as unknown as { __hydrate: () => void }).__hydrate());
    await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated);
    // during hydration: the story below still waits to hydrate (its Suspense boundary is held back)
    await page.keyboard.press('Escape');
    await a.hover('racial profiling');
    await page.waitForFunction(() => document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('h2')?.textContent === 'Racial profiling');
    await page.evaluate(() => (window as unknown as { __resolveLater: () => void }).__resolveLater());
    await page.waitForFunction(() => document.querySelector('#later') && !document.querySelector('main')?.textContent?.includes('Loading'));
    // the server HTML was kept (no client re-render), and the app works
    const state = await page.evaluate(() => ({ recoverable: (window as unknown as { __recoverable: string[] }).__recoverable }));
    assert.deepEqual(state, { recoverable: [] });
    await page.click('#count');
    assert.equal(await page.textContent('#count'), 'Clicked 1 times');
    assert.deepEqual(warnings.filter((w) => !w.includes('React DevTools')), []);
    // the host is there only while a card is open
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('legal-lens-ui').count(), 0);
    assert.deepEqual(browser.errors, []);
    await page.close();
  });

  it('mounts no card when the extension is turned off while the card is on its way (defect 6)', async () => {
    const a = await openPage('/own/law-firm-article.html', 60);
    // the service worker is kept busy, so the card's text and UI wait for it
    const busy = browser.worker.evaluate(() => {
      const end = Date.now() + 4000;
      while (Date.now() < end);
    });
    await a.hover('Immigration and Nationality Act');
    await a.pageTimePasses(500); // the hover delay is over: the card waits for its text
    await setSettings(browser, { enabled: false });
    await a.page.waitForFunction(() => !CSS.highlights.get('legal-lens-underline')?.size);
    await busy; // the answers arrive now
    await a.pageTimePasses(500);
    assert.equal(await a.page.locator('legal-lens-ui').count(), 0);
    assert.deepEqual(browser.errors, []);
    await setSettings(browser, { enabled: true });
    await a.page.close();
  });
});

describe('a card on its way when the extension reloads', () => {
  it('is never mounted by the orphaned content script (defect 6)', async () => {
    const own = await launchWithExtension();
    try {
      const page = await own.context.newPage();
      await page.goto(server.url('/own/law-firm-article.html'));
      await waitForHighlights(page, 60);
      const a = new ArticlePage(page);
      void own.worker.evaluate(() => {
        const end = Date.now() + 4000;
        while (Date.now() < end);
      }).catch(() => {}); // the worker is gone with the reload
      await a.hover('Immigration and Nationality Act');
      await a.pageTimePasses(500);
      const options = await own.context.newPage();
      await options.goto(own.extensionUrl('options.html'));
      await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => {});
      await a.pageTimePasses(4500);
      assert.equal(await page.locator('legal-lens-ui').count(), 0);
    } finally {
      await own.close();
    }
  });
});
