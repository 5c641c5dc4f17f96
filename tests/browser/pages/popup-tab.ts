// Page object for the toolbar popup in Chromium or Firefox (through driver/), opened as a tab at the popup's size
// (headless browsers do not open action popups): its search, its results and "On this page", read in the page.
import type { BrowserUnderTest, Tab } from '../driver';
import { popupLayout, type PopupLayout } from './popup-layout';

/** What Chrome gives a popup at most; the popup sets its own width (360 px). */
export const POPUP_SIZE = { width: 360, height: 600 };

export class PopupTab {
  private constructor(readonly tab: Tab) {}

  /**
   * Opens the popup while `activeTab` is the active tab of the window, as when the toolbar button is clicked on
   * it, and waits until its "On this page" list is there (or, with `ready` '.note', its note: a page without terms).
   */
  static async openFor(browser: BrowserUnderTest, activeTab: Tab, ready: '.page-terms li' | '.note' = '.page-terms li'): Promise<PopupTab> {
    const tab = await browser.openExtensionPage('popup.html');
    await tab.setViewport(POPUP_SIZE.width, POPUP_SIZE.height);
    await activeTab.bringToFront();
    // load it again in the background tab, so the article is "the active tab" it asks about
    await tab.evaluate(() => {
      (window as unknown as { __stale: boolean }).__stale = true;
      setTimeout(() => location.reload(), 0);
    });
    await tab.waitFor(
      (selector) => !(window as unknown as { __stale?: boolean }).__stale && document.readyState === 'complete' && !!document.querySelector(`section[aria-labelledby="on-page-heading"] ${selector}`),
      ready,
      15_000,
    );
    return new PopupTab(tab);
  }

  /**
   * Replaces the search field's text with `query`, typed key by key, and waits until the field holds it. Each key's
   * input event renders the results in a microtask (Preact), before the next check can run; no frame is awaited,
   * as a background tab (the popup, while the article is the active tab) may get none.
   */
  async search(query: string): Promise<void> {
    await this.tab.evaluate(() => {
      const field = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      field.focus();
      field.select();
    });
    await this.tab.type(query);
    await this.tab.waitFor((q) => document.querySelector<HTMLInputElement>('input[type="search"]')?.value === q, query);
  }

  /** The text of each search result, in order. */
  results(): Promise<string[]> {
    return this.tab.evaluate(() => [...document.querySelectorAll('[role="option"]')].map((el) => el.textContent ?? ''));
  }

  /** What "On this page" says (its heading and its note or list). */
  onThisPage(): Promise<string> {
    return this.tab.evaluate(() => document.querySelector('section[aria-labelledby="on-page-heading"]')?.textContent ?? '');
  }

  /** How many terms "On this page" lists. */
  pageTermCount(): Promise<number> {
    return this.tab.evaluate(() => document.querySelectorAll('.page-terms li').length);
  }

  /** The text of the status line under the search field ("No term or guide matches…" when nothing does). */
  status(): Promise<string> {
    return this.tab.evaluate(() => document.querySelector('.search-status')?.textContent ?? '');
  }

  /** The labels of the links offered when nothing matches. */
  elsewhereLinks(): Promise<string[]> {
    return this.tab.evaluate(() => [...document.querySelectorAll('.search-elsewhere a')].map((a) => a.textContent ?? ''));
  }

  /** Scrolls the last search result into view and returns the search field's box in the viewport. */
  async searchFieldAfterScrollingToLastResult(): Promise<{ top: number; bottom: number }> {
    return this.tab.evaluate(() => {
      const results = document.querySelectorAll('[role="option"]');
      results[results.length - 1]?.scrollIntoView({ block: 'nearest' });
      const r = document.querySelector('input[type="search"]')!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
  }

  /** What a person sees of the popup now (popup-layout.ts), checking rows that match `rowSelector`. */
  async layout(rowSelector: string): Promise<PopupLayout> {
    // esbuild's keepNames helper, which the measuring function's own helpers call (the test helpers that define
    // it are not installed in extension pages)
    await this.tab.evaluate(() => {
      (globalThis as unknown as { __name: unknown }).__name ??= (f: unknown) => f;
    });
    return this.tab.evaluate(popupLayout, rowSelector);
  }
}
