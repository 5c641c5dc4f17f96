// Page object for a web page with Legal Lens running, in Chromium or Firefox (through driver/): its marks, hovering,
// tapping and pressing keys on them, and the hover card. Everything is read through the page's __lens helpers
// (driver/shared.ts), so tests keep no selectors and work on hostile pages too.
import type { Box, BrowserUnderTest, Evaluator, Tab } from '../driver';

export type { Box };
const UNDERLINE = 'legal-lens-underline';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (text: string | RegExp) => (typeof text === 'string' ? { source: `^${escape(text)}$`, flags: '' } : { source: text.source, flags: text.flags });
export const center = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

export interface CardState {
  heading: string | null;
  headingId: string | null;
  labelledBy: string | null;
  lang: string | null;
  text: string;
  box: Box;
  /** role (or tag) of what has focus inside the card */
  focused: string | null;
}

export class WebPage {
  constructor(readonly tab: Tab) {}

  /**
   * Opens `url` in a new tab and waits until at least `min` terms are marked (0: until the content script of its
   * top frame answers, which a page without terms shows no other way).
   */
  static async open(browser: BrowserUnderTest, url: string, min = 1, timeoutMs = 15_000): Promise<WebPage> {
    const page = new WebPage(await browser.open(url));
    if (min > 0) await page.waitForMarks(min, UNDERLINE, timeoutMs);
    else {
      await WebPage.waitForContentScript(browser, page.tab.url(), timeoutMs);
      // asking may have brought the extension page it asks through to the front (Firefox); a hidden tab's
      // timers and animation frames are throttled
      await page.tab.bringToFront();
    }
    return page;
  }

  /**
   * Waits until the content script of the tab at `url` can answer the popup's question (which terms it holds):
   * its highlighter answers, or its first pass runs (the popup's probe).
   */
  static async waitForContentScript(browser: BrowserUnderTest, url: string, timeoutMs = 15_000): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      const answer = (await browser.askTab(url, { type: 'legal-lens:page-terms' }).catch(() => null)) as { terms?: unknown } | null;
      if (Array.isArray(answer?.terms)) return;
      if (await browser.firstPassRuns(url).catch(() => false)) return;
    }
    throw new Error(`no content script answered in ${url} within ${timeoutMs} ms`);
  }

  get kind() {
    return this.tab.kind;
  }

  /** Waits until highlight `name` holds at least `min` ranges (or, for 0, is registered). */
  async waitForMarks(min = 1, name = UNDERLINE, timeoutMs = 15_000, frame: Evaluator = this.tab): Promise<void> {
    await frame.waitFor(([n, m]) => (m === 0 ? __lens.registered(n) : __lens.markCount(n) >= m), [name, min] as const, timeoutMs);
  }

  marks(name = UNDERLINE, frame: Evaluator = this.tab): Promise<string[]> {
    return frame.evaluate((n) => __lens.marks(n), name);
  }

  markPlaces(name = UNDERLINE, frame: Evaluator = this.tab): Promise<{ text: string; where: string }[]> {
    return frame.evaluate((n) => __lens.markPlaces(n), name);
  }

  /** Names of our highlights that hold ranges. */
  ourHighlights(frame: Evaluator = this.tab): Promise<string[]> {
    return frame.evaluate(() => __lens.ourHighlights());
  }

  /** Waits until no highlight of ours holds a range. */
  async waitForNoMarks(timeoutMs = 5000, frame: Evaluator = this.tab): Promise<void> {
    await frame.waitFor(() => __lens.ourHighlights().length === 0, undefined, timeoutMs);
  }

  /** The n-th mark whose text matches `text`, as a viewport box (scrolled into view first). */
  /** The box of the n-th mark of `text` (of those within `within` viewports of the viewport, when given), scrolled into view. */
  async termBox(text: string | RegExp, n = 0, { scroll = true, highlight = UNDERLINE, frame = this.tab as Evaluator, within = undefined as number | undefined } = {}): Promise<Box> {
    const { source, flags } = pattern(text);
    const box = await frame.evaluate(([s, f, i, h, sc, w]) => __lens.markBox(s, f, i, h, sc, w ?? undefined), [source, flags, n, highlight, scroll, within ?? null] as const);
    if (!box) throw new Error(`no mark ${source} #${n}${within === undefined ? '' : ` within ${within} viewports`}`);
    return box;
  }

  /**
   * Scrolls the page to `share` of its height (0 the top, 1 the bottom), waits until the marks there are registered
   * (on a page of many marks only those near the viewport are: paint.ts, NEAR_ONLY_MARKED_NODES) and brings the
   * n-th mark of `text` within a viewport of there into view; returns its box.
   */
  async markAfterScrolling(share: number, text: string | RegExp, n = 0, timeoutMs = 5000): Promise<Box> {
    await this.tab.evaluate((f) => window.scrollTo(0, f * (document.documentElement.scrollHeight - window.innerHeight)), share);
    const { source, flags } = pattern(text);
    await this.tab.waitFor(([s, f, i, h]) => __lens.markBox(s, f, i, h, false, 1) !== null, [source, flags, n, UNDERLINE] as const, timeoutMs).catch(() => {
      throw new Error(`no mark ${source} #${n} within a viewport, ${timeoutMs} ms after scrolling to ${share * 100}% of the page`);
    });
    return this.termBox(text, n, { within: 1 });
  }

  /**
   * Points at the n-th mark whose text matches `text`, once it is there: a page's marks come in two repaints (what
   * is in view first, the rest once the scan ends), and a test that waited for a few marks may ask for a later one.
   */
  async hover(text: string | RegExp, n = 0, timeoutMs = 5000): Promise<Box> {
    const { source, flags } = pattern(text);
    await this.tab.waitFor(([s, f, i, h]) => __lens.markBox(s, f, i, h, false) !== null, [source, flags, n, UNDERLINE] as const, timeoutMs).catch(() => {});
    const box = await this.termBox(text, n);
    const c = center(box);
    await this.tab.moveMouse(c.x, c.y, 2);
    return box;
  }

  async tapTerm(text: string | RegExp, n = 0): Promise<Box> {
    const box = await this.termBox(text, n);
    const c = center(box);
    await this.tab.tap(c.x, c.y);
    return box;
  }

  card(frame: Evaluator = this.tab): Promise<CardState | null> {
    return frame.evaluate(() => __lens.card());
  }

  async waitForCard(timeoutMs = 5000, frame: Evaluator = this.tab): Promise<CardState> {
    await frame.waitFor(() => __lens.card() !== null, undefined, timeoutMs);
    return (await this.card(frame))!;
  }

  async waitForCardClosed(timeoutMs = 5000, frame: Evaluator = this.tab): Promise<void> {
    await frame.waitFor(() => __lens.card() === null, undefined, timeoutMs);
  }

  /** Waits until the open card's heading is `heading`. */
  async waitForHeading(heading: string, timeoutMs = 5000, frame: Evaluator = this.tab): Promise<void> {
    await frame.waitFor((h) => __lens.card()?.heading === h, heading, timeoutMs);
  }

  async cardHeading(frame: Evaluator = this.tab): Promise<string | null> {
    return (await this.card(frame))?.heading ?? null;
  }

  /** The box of the card's control of `role` whose label matches `name`. */
  async cardControl(role: 'button' | 'link', name: string | RegExp, frame: Evaluator = this.tab): Promise<{ label: string; box: Box }> {
    const { source, flags } = pattern(name);
    const found = await frame.evaluate(([r, s, f]) => __lens.cardControl(r, s, f), [role, source, flags] as const);
    if (!found) throw new Error(`no ${role} ${source} in the card`);
    return found;
  }

  async clickCardControl(role: 'button' | 'link', name: string | RegExp): Promise<string> {
    const { label, box } = await this.cardControl(role, name);
    const c = center(box);
    await this.tab.click(c.x, c.y);
    return label;
  }

  /**
   * The card's box once it has settled: its opening animation finished and its placement the same for two frames
   * in a row.
   */
  async settledCardBox(): Promise<Box> {
    await this.waitForCard();
    await this.tab.evaluate(async () => {
      let last = '';
      for (let i = 0; i < 90; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const card = __lens.card();
        if (!card) return;
        const now = JSON.stringify(card.box);
        if (now === last) return;
        last = now;
      }
    });
    return (await this.card())!.box;
  }

  /**
   * Starts a clock in the page: when the pointer last moved, and when a card opened and closed (checked every
   * frame), all in the page's own time, so timing is measured where it happens rather than guessed with sleeps.
   */
  async startCardClock(): Promise<void> {
    await this.tab.evaluate(() => {
      const clock = { lastMoveAt: 0, openedAt: 0, closedAt: 0, leftCardAt: 0 };
      (window as unknown as { __cardClock: typeof clock }).__cardClock = clock;
      let onCard = false;
      addEventListener('pointermove', (e) => {
        clock.lastMoveAt = performance.now();
        // the first move off the card (events inside it reach the page as its host's)
        const here = e.target instanceof Element && e.target.localName.startsWith('legal-lens');
        if (onCard && !here) clock.leftCardAt = clock.lastMoveAt;
        onCard = here;
      }, true);
      let open = false;
      const tick = () => {
        const now = __lens.card() !== null;
        if (now && !open) clock.openedAt = performance.now();
        if (!now && open) clock.closedAt = performance.now();
        open = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  /**
   * What the card clock has seen (ms of the page's performance.now(); 0 = not yet): the pointer's last move, its
   * first move off the card after it was on it, and when a card last opened and closed.
   */
  async cardClock(): Promise<{ lastMoveAt: number; leftCardAt: number; openedAt: number; closedAt: number; now: number }> {
    return this.tab.evaluate(() => ({ ...(window as unknown as { __cardClock: { lastMoveAt: number; leftCardAt: number; openedAt: number; closedAt: number } }).__cardClock, now: performance.now() }));
  }

  /** Waits until the card clock has seen the open card close (its reading then holds that close). */
  async waitForClockClose(timeoutMs = 5000): Promise<void> {
    await this.tab.waitFor(() => {
      const clock = (window as unknown as { __cardClock: { openedAt: number; closedAt: number } }).__cardClock;
      return clock.closedAt > clock.openedAt;
    }, undefined, timeoutMs);
  }

  /** Waits until `ms` of the page's time have passed since the pointer last moved (a hold, measured in the page). */
  async holdStill(ms: number): Promise<void> {
    await this.tab.waitFor((hold) => performance.now() - (window as unknown as { __cardClock: { lastMoveAt: number } }).__cardClock.lastMoveAt > hold, ms, ms + 10_000);
  }

  async viewport(): Promise<{ width: number; height: number }> {
    return this.tab.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  }

  /**
   * The frame at the end of `path` (window names, from the top page down: ["outer", "inner"]) and where its
   * viewport sits in the tab's viewport. An empty path is the top page.
   */
  async frameAt(path: string[]): Promise<{ frame: Evaluator; offset: { x: number; y: number } }> {
    let frame: Evaluator = this.tab;
    const offset = { x: 0, y: 0 };
    for (const name of path) {
      const box = await frame.evaluate((n) => __lens.frameBox(n), name);
      if (!box) throw new Error(`no frame named ${name}`);
      offset.x += box.x;
      offset.y += box.y;
      frame = await this.tab.frameNamed(name);
    }
    return { frame, offset };
  }

  /** The n-th mark matching `text` inside the frame at `path`, as a box in the tab's viewport. */
  async termBoxIn(path: string[], text: string | RegExp, n = 0): Promise<{ box: Box; frame: Evaluator }> {
    const { frame, offset } = await this.frameAt(path);
    const inner = await this.termBox(text, n, { frame, scroll: true });
    return { box: { ...inner, x: inner.x + offset.x, y: inner.y + offset.y }, frame };
  }

  /** The first occurrence of `text` (marked or not) inside the frame at `path`, as a box in the tab's viewport. */
  async textBoxIn(path: string[], text: string): Promise<{ box: Box; frame: Evaluator }> {
    const { frame, offset } = await this.frameAt(path);
    const inner = await frame.evaluate((t) => __lens.textBox(t), text);
    if (!inner) throw new Error(`no text "${text}" in ${path.join(' > ') || 'the page'}`);
    return { box: { ...inner, x: inner.x + offset.x, y: inner.y + offset.y }, frame };
  }

  /** Moves the pointer to the middle of `box` in two steps. */
  async pointAt(box: Box): Promise<void> {
    const c = center(box);
    await this.tab.moveMouse(c.x, c.y, 2);
  }
}
