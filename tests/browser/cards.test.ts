// Hover cards in real browsers (Chromium and Firefox, through the page objects): hover intent and grace period
// (WCAG 2.2 SC 1.4.13), Escape, placement at every viewport edge, dark mode, hostile CSS, touch, keyboard, Spanish,
// and an axe-core accessibility scan.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { it } from 'node:test';
import { forEachBrowser, type Box } from './driver';
import { WebPage, center } from './pages/web-page';

const require = createRequire(import.meta.url);
const inside = (card: Box, vp: { width: number; height: number }) =>
  card.x >= 0 && card.y >= 0 && card.x + card.width <= vp.width + 0.5 && card.y + card.height <= vp.height + 0.5;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

forEachBrowser('hover cards (mouse)', {}, (env) => {
  const open = (path: string, min = 1) => WebPage.open(env.browser, env.server.url(path), min);

  it('opens after the hover delay with the term\'s title, and stays while the pointer is on the term', async () => {
    const a = await open('/own/law-firm-article.html', 60);
    await a.startCardClock();
    await a.hover('Immigration and Nationality Act');
    const card = await a.waitForCard(2000);
    const opened = await a.cardClock();
    // the delay starts at the first move onto the term; the pointer's last step may come a few ms after it
    assert.ok(opened.openedAt - opened.lastMoveAt >= 250, `opened ${Math.round(opened.openedAt - opened.lastMoveAt)} ms after the pointer came to rest`);
    assert.equal(card.heading, 'Immigration and Nationality Act (INA)');
    assert.equal(card.labelledBy, card.headingId);
    await a.cardControl('link', /Read the full explainer/);
    await a.cardControl('button', 'Close');
    assert.match(card.text, /General information, not legal advice\./);
    await a.holdStill(2500);
    assert.equal((await a.cardClock()).closedAt, 0, 'never closes on a timer');
    await a.settledCardBox();
    await a.tab.screenshot('card-light');
    await a.tab.close();
  });

  // Firefox sends the steps of a quick move within one frame: the check queued by a step in the gap between term
  // and card runs after the pointer is on the card. That stale check closed the card under the pointer in 7 of 8
  // runs before the card's pointer controller dropped it (pointer.ts); this test guards it in both browsers.
  it('stays open while the pointer moves onto the card, and closes about 300 ms after it leaves both', async () => {
    const a = await open('/own/law-firm-article.html', 60);
    await a.startCardClock();
    await a.hover('Immigration and Nationality Act');
    await a.waitForCard();
    const card = await a.settledCardBox();
    // in few steps: each input step can take tens of ms on a busy machine, and the gap must be crossed within the grace
    await a.tab.moveMouse(card.x + card.width / 2, card.y + 20, 3);
    await a.holdStill(900);
    assert.equal((await a.cardClock()).closedAt, 0, 'the card stays while hovered');
    await a.tab.moveMouse(5, 5, 4);
    await a.waitForClockClose(2000);
    // measured from the pointer's first move off the card: on a busy machine its last steps can come later still
    const { closedAt, leftCardAt } = await a.cardClock();
    assert.ok(leftCardAt > 0 && closedAt - leftCardAt >= 250, `a grace period before closing (closed ${Math.round(closedAt - leftCardAt)} ms after the pointer left)`);
    await a.tab.close();
  });

  it('closes on Escape without moving the pointer, and moves to another term when that one is hovered', async () => {
    const a = await open('/own/law-firm-article.html', 60);
    await a.hover('Immigration and Nationality Act');
    await a.waitForCard();
    await a.tab.press('Escape');
    await a.waitForCardClosed(1000);
    // a "racial profiling" whose paragraph also says "civil rights", to move to next
    const index = await a.tab.evaluate(() => {
      const text = (r: AbstractRange) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      };
      return ([...CSS.highlights.get('legal-lens-underline')!] as AbstractRange[])
        .filter((r) => /^racial profiling$/i.test(text(r)))
        .findIndex((r) => /civil rights/i.test(r.startContainer.parentElement?.closest('p, li')?.textContent ?? ''));
    });
    await a.hover(/^racial profiling$/i, index);
    assert.equal((await a.waitForCard()).heading, 'Racial profiling');
    // move straight to a visible "civil rights" that the open card does not cover
    const card = (await a.card())!.box;
    const vp = await a.viewport();
    let target: Box | null = null;
    for (let i = 0; i < 16 && !target; i++) {
      const box = await a.termBox(/^civil rights$/i, i, { scroll: false }).catch(() => null);
      if (box && box.y > 0 && box.y + box.height < vp.height && !overlaps(box, card)) target = box;
    }
    assert.ok(target, 'a visible civil rights term outside the card');
    const c = center(target);
    await a.tab.moveMouse(c.x, c.y, 3);
    await a.waitForHeading('Civil rights', 2000);
    await a.tab.close();
  });

  it('swaps to a related term in place, and switches between English and Spanish', async () => {
    const a = await open('/own/law-firm-article.html', 60);
    await a.hover('Immigration and Nationality Act');
    await a.waitForCard();
    const before = await a.settledCardBox();
    await a.clickCardControl('button', 'Ver en español');
    await a.waitForHeading('Ley de Inmigración y Nacionalidad (INA)');
    assert.match((await a.card())!.text, /Información general, no es asesoría legal\./);
    await a.clickCardControl('button', 'View in English');
    await a.waitForHeading('Immigration and Nationality Act (INA)');
    const related = await a.tab.evaluate(() => {
      const chip = document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector('.related-term')!;
      const r = chip.getBoundingClientRect();
      return { title: chip.textContent ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await a.tab.click(related.x, related.y);
    await a.tab.waitFor((title) => (__lens.card()?.heading ?? '').startsWith(title) && __lens.card()?.heading !== 'Immigration and Nationality Act (INA)', related.title, 3000);
    const after = (await a.card())!.box;
    assert.ok(Math.abs(after.x - before.x) < 1, 'same place');
    await a.tab.close();
  });

  it('opens the explainer page for the term in a new tab', async () => {
    const a = await open('/own/law-firm-article.html', 60);
    await a.hover('Immigration and Nationality Act');
    await a.waitForCard();
    await a.settledCardBox();
    const tab = await env.browser.waitForNewTab(() => a.clickCardControl('link', /Read the full explainer/));
    assert.match(tab.url(), /explainer\.html(\?lang=en)?#ina$/);
    await tab.close();
    await a.tab.close();
  });

  // new-user trial: in an 800 px tall window the USCIS card (about 530 px of content) opened on a term mid-window
  // had 386 px of room; its source, "as of" date and disclaimer were 134 px below that fold
  it('keeps a tall card\'s source, "as of" date and disclaimer in view in an 800 px tall window; its body scrolls', async () => {
    const a = await open('/own/law-firm-article.html', 60);
    const vp = await a.viewport();
    assert.equal(vp.height, 800);
    // the term in the middle of the window: less room on either side than the card needs
    const first = await a.termBox(/^USCIS$/);
    await a.tab.evaluate((dy) => window.scrollBy(0, dy), Math.round(first.y + first.height / 2 - vp.height / 2));
    const term = await a.termBox(/^USCIS$/, 0, { scroll: false });
    const c = center(term);
    await a.tab.moveMouse(c.x, c.y, 2);
    assert.equal((await a.waitForCard(3000)).heading, 'USCIS (U.S. Citizenship and Immigration Services)');
    const card = await a.settledCardBox();
    assert.ok(card.y >= 8 - 0.5 && card.y + card.height <= vp.height - 8 + 0.5, `card from y=${card.y} to ${card.y + card.height}: inside the window, 8 px from its edges`);
    const parts = await a.tab.evaluate(() => {
      const d = document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
      const box = d.getBoundingClientRect();
      const shown = (sel: string) => {
        const r = d.querySelector(sel)?.getBoundingClientRect();
        return !!r && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
      };
      const body = d.querySelector<HTMLElement>('.card-body') ?? d;
      const result = {
        source: shown('.source'),
        asOf: shown('.as-of'),
        disclaimer: shown('.disclaimer'),
        title: shown('h2'),
        bodyScrolls: body.scrollHeight > body.clientHeight + 1,
        cardScrolls: d.scrollHeight > d.clientHeight + 1,
        lastRelatedAfterScroll: false,
      };
      body.scrollTop = body.scrollHeight;
      const chips = d.querySelectorAll('.related-term');
      const last = chips[chips.length - 1].getBoundingClientRect();
      const b = body.getBoundingClientRect();
      result.lastRelatedAfterScroll = last.top >= b.top - 0.5 && last.bottom <= b.bottom + 0.5;
      return result;
    });
    assert.deepEqual(parts, { source: true, asOf: true, disclaimer: true, title: true, bodyScrolls: true, cardScrolls: false, lastRelatedAfterScroll: true });
    await a.tab.close();
  });

  it('stays fully inside the viewport at every edge and corner without covering its term', async () => {
    // placement, not timing, is under test here: the shortest hover delay the settings allow
    await env.browser.setSettings({ hoverDelay: 150 });
    for (const viewport of [{ width: 1280, height: 800 }, { width: 640, height: 400 }]) {
      const tab = await env.browser.newTab();
      await tab.setViewport(viewport.width, viewport.height);
      await tab.goto(env.server.url('/own/edges.html'));
      const a = new WebPage(tab);
      await a.waitForMarks(9);
      for (let i = 0; i < 9; i++) {
        await tab.moveMouse(viewport.width / 2 + 7, viewport.height / 2 + 60);
        await tab.press('Escape');
        await a.waitForCardClosed();
        const term = await a.hover('habeas corpus', i);
        await a.waitForCard();
        const card = await a.settledCardBox();
        assert.ok(inside(card, viewport), `card ${JSON.stringify(card)} leaves the ${viewport.width}×${viewport.height} viewport for term ${i}`);
        assert.ok(!overlaps(card, term), `card covers term ${i}`);
      }
      await tab.screenshot(`card-edges-${viewport.width}`);
      await tab.close();
    }
    await env.browser.setSettings({ hoverDelay: 300 });
  });

  it('is not reached by a hostile page\'s CSS', async () => {
    const a = await open('/own/hostile-css.html', 1);
    await a.hover('writ of mandamus');
    await a.settledCardBox();
    const style = await a.tab.evaluate(() => {
      const root = document.querySelector('legal-lens-ui')!.shadowRoot!;
      const h2 = getComputedStyle(root.querySelector('h2')!);
      const card = getComputedStyle(root.querySelector('.card')!);
      return { size: h2.fontSize, color: h2.color, display: card.display, opacity: card.opacity, transform: card.transform };
    });
    // the card's own values (a column: title, scrolling body, footer), not the page's
    assert.deepEqual(style, { size: '17px', color: 'rgb(29, 27, 38)', display: 'flex', opacity: '1', transform: 'none' });
    assert.ok(inside((await a.card())!.box, await a.viewport()));
    await a.tab.screenshot('card-hostile-css');
    await a.tab.close();
  });

  it('passes an axe-core accessibility scan of the open card', async () => {
    const a = await open('/own/law-firm-article.html', 60);
    await a.hover('Immigration and Nationality Act');
    await a.settledCardBox();
    await a.tab.evaluate((source) => (0, eval)(source), readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await a.tab.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run({ include: [['legal-lens-ui', '.card']] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
    assert.deepEqual(violations, []);
    await a.tab.close();
  });

  it('opens cards in a srcdoc frame, an about:blank frame and a child page (the card UI reaches each frame)', async () => {
    const a = await open('/own/frames-card.html', 0);
    for (const [name, term, title] of [['srcdoc', 'writ of mandamus', 'Writ of mandamus'], ['blank', 'racial profiling', 'Racial profiling'], ['child', '287(g) program', '287(g) program']]) {
      const { frame } = await a.frameAt([name]);
      await a.waitForMarks(1, undefined, 15_000, frame);
      const { box } = await a.termBoxIn([name], term);
      await a.pointAt(box);
      await a.waitForHeading(title, 5000, frame);
      await a.tab.moveMouse(1, 1);
      await a.waitForCardClosed(5000, frame);
    }
    assert.deepEqual(env.browser.errors, []);
    await a.tab.close();
  });

  it('shows the card in Spanish on a Spanish page', async () => {
    const a = await open('/own/spanish.html', 5);
    await a.hover('perfil racial');
    const card = await a.waitForCard();
    assert.equal(card.heading, 'Perfil racial');
    assert.equal(card.lang, 'es');
    await a.clickCardControl('button', 'View in English');
    await a.waitForHeading('Racial profiling');
    await a.tab.close();
    assert.deepEqual(env.browser.errors, []);
  });
});

forEachBrowser('hover cards (dark mode, reduced motion)', { colorScheme: 'dark', reducedMotion: 'reduce' }, (env) => {
  it('uses the dark theme and no animation', async () => {
    const a = await WebPage.open(env.browser, env.server.url('/own/law-firm-article.html'), 60);
    await a.hover('Immigration and Nationality Act');
    await a.waitForCard();
    const look = await a.tab.evaluate(() => {
      const card = getComputedStyle(document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector('.card')!);
      return { background: card.backgroundColor, animation: card.animationName };
    });
    assert.deepEqual(look, { background: 'rgb(31, 29, 41)', animation: 'none' });
    await a.tab.evaluate(() => {
      document.body.style.background = '#121212';
      document.body.style.color = '#ddd';
    });
    await a.tab.screenshot('card-dark');
    await a.tab.close();
  });
});

forEachBrowser('hover cards (touch)', { hasTouch: true, viewport: { width: 412, height: 800 } }, (env) => {
  it('opens on tap, closes on a tap elsewhere, and lets a second tap on a linked term follow the link', async () => {
    const a = await WebPage.open(env.browser, env.server.url('/own/links-and-terms.html'), 3);
    await a.tapTerm('287(g) program');
    assert.equal((await a.waitForCard(2000)).heading, '287(g) program');
    await a.tab.tap(200, 700);
    await a.waitForCardClosed(2000);

    const link = center(await a.termBox('writ of mandamus'));
    await a.tab.tap(link.x, link.y);
    await a.waitForCard(2000);
    assert.match(a.tab.url(), /links-and-terms\.html$/, 'the first tap does not follow the link');
    await a.tab.tap(link.x, link.y);
    await a.tab.waitFor(() => /target\.html$/.test(location.href), undefined, 3000);
    await a.tab.close();
  });
});

/** The viewport box of the first element matching `selector` in the open card (scrolled into the card's view). */
function cardPart(page: WebPage, selector: string): Promise<Box> {
  return page.tab.evaluate((sel) => {
    const el = document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector<HTMLElement>(`[role="dialog"] ${sel}`)!;
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
}

for (const width of [320, 390]) {
  forEachBrowser(`hover cards (touch, ${width} px wide)`, { hasTouch: true, viewport: { width, height: 640 } }, (env) => {
    it('taps and swipes inside the card never close it; every control works; it reads to the end and closes (defect 1)', async () => {
      const a = await WebPage.open(env.browser, env.server.url('/own/law-firm-article.html'), 60);
      await a.startCardClock();
      await a.tapTerm('Immigration and Nationality Act');
      await a.waitForCard(2000);
      const card = await a.settledCardBox();
      assert.ok(card.x >= 0 && card.x + card.width <= width + 0.5, `the card fits the width (x=${card.x}, width ${card.width})`);
      const stillOpen = async (what: string) => {
        // past the 300 ms close grace, in the page's own time
        const until = (await a.tab.evaluate(() => performance.now())) + 800;
        await a.tab.waitFor((end) => performance.now() > end, until, 10_000);
        assert.equal((await a.cardClock()).closedAt, 0, `still open after ${what}`);
      };
      const tapOn = async (box: Box) => {
        const c = center(box);
        await a.tab.tap(c.x, c.y);
      };
      await tapOn(await cardPart(a, '.card-summary'));
      await stillOpen('a tap on its text');
      await tapOn((await a.cardControl('button', 'Ver en español')).box);
      await stillOpen('a tap on the language button');
      await a.waitForHeading('Ley de Inmigración y Nacionalidad (INA)');
      // a finger drawn up over the card, as a reader scrolls, until its last line shows
      const lastLineShown = () => a.tab.evaluate(() => {
        const el = document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector('[role="dialog"]')!;
        return el.querySelector('.disclaimer')!.getBoundingClientRect().bottom <= el.getBoundingClientRect().bottom + 1;
      });
      for (let i = 0; i < 6 && !(await lastLineShown()); i++) {
        const box = (await a.card())!.box;
        await a.tab.swipe(box.x + box.width / 2, box.y + box.height * 0.8, -150);
      }
      await stillOpen('swipes inside it');
      if (a.kind === 'firefox' && !(await lastLineShown())) {
        // headless Firefox delivers the swipe's touch and pointer events (the card stayed open through them) but
        // does not pan on synthesized touches: the card is scrolled the way the swipe would have, to read the rest
        await a.tab.evaluate(() => {
          const el = document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector('[role="dialog"]')!;
          el.scrollTop = el.scrollHeight;
        });
      }
      assert.ok(await lastLineShown(), 'its last line can be read');
      const chip = await cardPart(a, '.related-term');
      const chipTitle = await a.tab.evaluate(() => document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector('.related-term')!.textContent);
      await tapOn(chip);
      await stillOpen('a tap on a related term');
      assert.ok((await a.cardHeading())?.startsWith(chipTitle ?? '-'), `${chipTitle} opened`);
      await tapOn(await cardPart(a, 'button.close'));
      await a.waitForCardClosed(2000);
      assert.deepEqual(env.browser.errors, []);
      await a.tab.close();
    });
  });
}

forEachBrowser('hover cards (keyboard)', {}, (env) => {
  /** What the browser command does: the background asks the tab's content script to open the first visible card. */
  const runCommand = () => env.browser.sendToTabs({ type: 'legal-lens:focus-card' });

  it('focuses the first visible term, moves through three terms with Alt+↓/↑, keeps Tab inside, and returns focus on Escape', async () => {
    const a = await WebPage.open(env.browser, env.server.url('/own/links-and-terms.html'), 4);
    await a.tab.evaluate(() => document.getElementById('site-search')!.focus());
    await runCommand();
    await a.tab.bringToFront();
    const card = await a.waitForCard();
    assert.equal(card.focused, 'dialog');
    assert.equal(card.heading, '287(g) program');
    assert.match(card.text, /Alt\+↓/);
    await a.tab.press('Alt+ArrowDown');
    await a.waitForHeading('Writ of mandamus');
    await a.tab.press('Alt+ArrowDown');
    await a.waitForHeading('Racial profiling');
    await a.tab.press('Alt+ArrowDown');
    await a.waitForHeading('Qualified immunity');
    const scrolled = await a.tab.evaluate(() => scrollY);
    assert.ok(scrolled > 500, 'the far term was scrolled into view');
    await a.tab.press('Alt+ArrowUp');
    await a.waitForHeading('Racial profiling');
    // Tab cycles through the card's own controls only
    for (let i = 0; i < 12; i++) {
      await a.tab.press('Tab');
      assert.equal(await a.tab.evaluate(() => document.activeElement?.tagName), 'LEGAL-LENS-UI', `Tab ${i} left the card`);
    }
    await a.tab.press('Escape');
    await a.waitForCardClosed();
    assert.equal(await a.tab.evaluate(() => document.activeElement?.id), 'site-search');
    await a.tab.close();
  });

  it('opens the explainer with Enter on the card', async () => {
    const a = await WebPage.open(env.browser, env.server.url('/own/links-and-terms.html'), 3);
    await runCommand();
    await a.tab.bringToFront();
    await a.waitForCard();
    await a.tab.waitFor(() => __lens.card()?.focused === 'dialog', undefined, 3000);
    const tab = await env.browser.waitForNewTab(() => a.tab.press('Enter'));
    assert.match(tab.url(), /explainer\.html(\?lang=en)?#287g$/);
    await tab.close();
    await a.tab.close();
    assert.deepEqual(env.browser.errors, []);
  });
});
