// Page object for a web page with Legal Lens running: find terms, hover them, read the hover card.
import type { Locator, Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class ArticlePage {
  constructor(readonly page: Page) {}

  /** The n-th painted range whose text matches `text`, as a viewport box (scrolled into view first). */
  async termBox(text: string | RegExp, n = 0, { scroll = true, highlight = 'legal-lens-underline' } = {}): Promise<Box> {
    const source = typeof text === 'string' ? `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : text.source;
    const flags = typeof text === 'string' ? '' : text.flags;
    return this.page.evaluate(
      ([src, fl, index, name, scrollTo]) => {
        const re = new RegExp(src as string, fl as string);
        const ranges = [...(CSS.highlights.get(name as string) ?? [])].filter((r) => re.test(__rangeText(r as AbstractRange)));
        const found = ranges[index as number] as AbstractRange | undefined;
        if (!found) throw new Error(`no painted term ${src} #${index}`);
        const range = document.createRange();
        range.setStart(found.startContainer, found.startOffset);
        range.setEnd(found.endContainer, found.endOffset);
        const rect = range.getClientRects()[0];
        if (scrollTo && (rect.top < 0 || rect.bottom > innerHeight)) {
          range.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
        }
        const r = range.getClientRects()[0];
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      },
      [source, flags, n, highlight, scroll] as const,
    );
  }

  async hover(text: string | RegExp, n = 0): Promise<Box> {
    const box = await this.termBox(text, n);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
    return box;
  }

  get card(): Locator {
    return this.page.locator('legal-lens-ui [role="dialog"]');
  }

  get cardHeading(): Locator {
    return this.card.locator('h2');
  }

  async cardBox(): Promise<Box> {
    const box = await this.card.boundingBox();
    if (!box) throw new Error('no card');
    return box;
  }

  /**
   * The card's box once it has settled: its opening animation finished and Floating UI's placement the same
   * for two frames in a row.
   */
  async settledCardBox(): Promise<Box> {
    await this.card.evaluate(async (el) => {
      await Promise.all(el.getAnimations().map((a) => a.finished));
      let last = '';
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const r = el.getBoundingClientRect();
        const now = `${r.x},${r.y},${r.width},${r.height}`;
        if (now === last) return;
        last = now;
      }
    });
    return this.cardBox();
  }

  /**
   * Starts a clock in the page: when the pointer last moved, and when a card opened and closed (checked every
   * frame), all in the page's own time, so timing is measured where it happens rather than guessed with sleeps.
   */
  async startCardClock(): Promise<void> {
    await this.page.evaluate(() => {
      const clock = { lastMoveAt: 0, openedAt: 0, closedAt: 0 };
      (window as unknown as { __cardClock: typeof clock }).__cardClock = clock;
      addEventListener('pointermove', () => (clock.lastMoveAt = performance.now()), true);
      let open = false;
      const tick = () => {
        const now = !!document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('[role="dialog"]');
        if (now && !open) clock.openedAt = performance.now();
        if (!now && open) clock.closedAt = performance.now();
        open = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  /** What the card clock has seen (ms of the page's performance.now(); 0 = not yet). */
  async cardClock(): Promise<{ lastMoveAt: number; openedAt: number; closedAt: number; now: number }> {
    return this.page.evaluate(() => ({ ...(window as unknown as { __cardClock: { lastMoveAt: number; openedAt: number; closedAt: number } }).__cardClock, now: performance.now() }));
  }

  /** Waits until `ms` of the page's time have passed since the pointer last moved (a hold, measured in the page). */
  async holdStill(ms: number): Promise<void> {
    await this.page.waitForFunction((hold) => performance.now() - (window as unknown as { __cardClock: { lastMoveAt: number } }).__cardClock.lastMoveAt > hold, ms, { timeout: ms + 10000 });
  }

  /** Waits until `ms` of the page's own time have passed (a hold measured in the page, not a sleep here). */
  async pageTimePasses(ms: number): Promise<void> {
    const until = (await this.page.evaluate(() => performance.now())) + ms;
    await this.page.waitForFunction((end) => performance.now() > end, until, { timeout: ms + 10000 });
  }

  async viewport(): Promise<{ width: number; height: number }> {
    return this.page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  }
}
