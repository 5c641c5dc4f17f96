// page-card: the hover card on a web page. It knows which painted term's card is open, and opens, places and
// closes it. When is decided by the input controllers beside it (pointer, touch, keyboard); card-texts fetches
// the words; the card view in components/ draws the card, loaded with the card UI the first time a card is about
// to open (lazy-card-view). Everything it starts ends with destroy().
import { pickLang } from '@/components/card-strings';
import type { CardAnchor } from '@/components/card-placement';
import type { CardUi } from '@/components/card-ui';
import type { CardTexts } from '@/components/card-view';
import { HoverTimers, type SetTimer } from '@/components/hover-timers';
import type { Lang } from '@/glossary/runtime/types';
import type { InputRelay } from '@/utils/input-relay';
import type { Settings } from '@/utils/settings';
import { blockOf } from '../collect';
import { findTermAt, type TermHit } from '../hit-test';
import { liveRange, type PaintedMatch, type Painter } from '../paint';
import { LazyCardView } from './lazy-card-view';

/**
 * Marks painted from which a card opens without its appear animation. In Chromium every frame that repaints
 * anything costs time that grows with the highlight ranges registered in the document: on a page of 20,000 marks,
 * 70-110 ms per frame (0.4-2 ms without them), and the 120 ms animation made the opening three such frames instead
 * of one (measured in issue 13, on a 2-core machine; about 18-26 ms per frame with 2,000 marks). From the same
 * count on (or sooner, for marks across many text nodes each: paint.ts, NEAR_ONLY_MARKED_NODES), only the marks
 * near the viewport are registered, so those frames cost less since; the animation's frames were not measured
 * again, and the card stays still.
 */
export const STILL_CARD_MARKS = 1000;

/** What a card needs from the highlighter that painted the terms (the content script's, or the PDF reader's). */
export interface PaintedTerms {
  readonly painter: Painter;
  readonly openShadowRoots: ShadowRoot[];
}

export interface PageCardOptions {
  doc: Document;
  /** the reader's pointer, clicks and keys, heard before the page's own listeners (utils/input-relay.ts) */
  input: InputRelay;
  /** what is painted on the page, and the open shadow roots hit-testing needs */
  highlighter: PaintedTerms;
  texts: CardTexts;
  settings: Settings;
  /** starts a timer (WXT's ctx.setTimeout in the content script: nothing fires after the script is gone) */
  setTimer: SetTimer;
  explainerHref: (id: string) => string;
  openExplainer: (id: string, lang: Lang) => void;
  /** loads the card UI (card-ui-loader in the content script; the bundled view in tests) */
  loadCardUi: () => Promise<CardUi>;
  /**
   * The frame's language as a BCP 47 tag (page-lang.ts), asked once, when the first card opens; `sample` gives
   * text of the frame to detect it from: the blocks its first painted terms are in (never scripts or code).
   */
  pageLanguage: (sample: () => string) => Promise<string>;
}

interface OpenTerm {
  match: PaintedMatch;
  /** the client rect the card was opened at (a term that wraps has one per line) */
  rect: DOMRect;
  keyboard: boolean;
}

export class PageCard {
  readonly doc: Document;
  readonly input: InputRelay;
  readonly view: LazyCardView;
  /** hover intent and close grace, shared by the controllers so that any opening cancels what is pending */
  readonly timers: HoverTimers;
  readonly texts: CardTexts;
  /** where focus goes back to when a keyboard card closes */
  returnFocus: HTMLElement | null = null;
  private readonly abort = new AbortController();
  private open: OpenTerm | null = null;
  private current: Settings;
  private lang: Lang;
  /** the frame's language as a BCP 47 tag, once the first card has asked for it */
  private pageTag = '';
  private pageLang: Promise<void> | null = null;

  constructor(private readonly options: PageCardOptions) {
    this.doc = options.doc;
    this.input = options.input;
    this.texts = options.texts;
    this.current = options.settings;
    this.lang = pickLang(options.settings.language, this.pageTag);
    this.timers = new HoverTimers(options.setTimer);
    this.view = new LazyCardView(this.doc, {
      texts: options.texts,
      explainerHref: options.explainerHref,
      openExplainer: options.openExplainer,
      onCloseButton: () => this.close(true),
      // the reader's choice holds for the next cards on this page too
      onLangChange: (lang) => (this.lang = lang),
    }, options.loadCardUi);
  }

  /** Aborts when the card is destroyed: the controllers' listeners are registered with it. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get settings(): Settings {
    return this.current;
  }

  /** The painted term whose card is open, or null (also when the page took the card away). */
  get openMatch(): PaintedMatch | null {
    if (this.open && !this.view.isShowing) this.forgetRemovedCard();
    return this.open?.match ?? null;
  }

  get openedByKeyboard(): boolean {
    return !!this.open?.keyboard;
  }

  /** The painted term under a point of the viewport (CSS px), if any. */
  termAt(x: number, y: number): TermHit | null {
    const { painter, openShadowRoots } = this.options.highlighter;
    return findTermAt(this.doc, x, y, painter, openShadowRoots);
  }

  /** Every painted term, in document order (a sliced walk of the page: Painter.allMatches). */
  paintedMatches(): Promise<PaintedMatch[]> {
    return this.options.highlighter.painter.paintedMatches();
  }

  /** Starts what the card of `id` needs (its text, the card UI) while the hover delay runs. */
  prepare(id: string): void {
    void this.texts.ensure(id);
    void this.view.load();
    void this.pageLanguage();
  }

  /** Asks once for the frame's language (page-lang.ts), from the text of the blocks its first terms are in. */
  private pageLanguage(): Promise<void> {
    return (this.pageLang ??= this.options
      .pageLanguage(() => this.options.highlighter.painter.firstFound(40).map((m) => blockOf(m.range.startContainer)?.textContent).join(' '))
      .then((tag) => void (this.lang = pickLang(this.current.language, (this.pageTag = tag)))));
  }

  /**
   * Opens the card of `match` next to `rect` (once its text and the card UI are here). A card opened from the keyboard keeps the
   * keyboard hint and gives focus back on closing. Resolves to whether a card is showing.
   */
  async show(match: PaintedMatch, rect: DOMRect, { keyboard = false } = {}): Promise<boolean> {
    if (this.signal.aborted) return false;
    const [, ready] = await Promise.all([this.texts.ensure(match.id), this.view.load(), this.pageLanguage()]);
    if (this.signal.aborted || !ready) return false; // turned off while the text or the UI was on its way
    this.timers.cancel();
    const byKeyboard = keyboard || !!this.open?.keyboard;
    const still = this.options.highlighter.painter.size >= STILL_CARD_MARKS;
    if (!this.view.show({ id: match.id, anchor: anchorFor(match, rect), lang: this.lang, keyboard: byKeyboard, still })) return false;
    this.open = { match, rect, keyboard: byKeyboard };
    this.options.highlighter.painter.setActive(match.range);
    return true;
  }

  /** Closes the card; focus goes back where it was when the card was opened from the keyboard or `restoreFocus`. */
  close(restoreFocus = false): void {
    this.timers.cancel();
    if (!this.open) return;
    const wasKeyboard = this.open.keyboard;
    this.open = null;
    this.view.hide();
    this.options.highlighter.painter.setActive(null);
    const back = this.returnFocus;
    this.returnFocus = null;
    if ((restoreFocus || wasKeyboard) && back?.isConnected) back.focus({ preventScroll: true });
  }

  /** The page removed the card's host: nothing is open any more (hovering the term opens it again). */
  private forgetRemovedCard(): void {
    this.open = null;
    this.view.hide();
    this.options.highlighter.painter.setActive(null);
  }

  /** Opens the explainer page of the card showing (Enter on the card). */
  openExplainer(): void {
    const id = this.view.shownId;
    if (id) this.options.openExplainer(id, this.lang);
  }

  applySettings(settings: Settings): void {
    this.current = settings;
    this.lang = pickLang(settings.language, this.pageTag);
    this.view.setLang(this.lang);
  }

  /** After a repaint: close the card if its term is no longer painted. */
  onRepaint(): void {
    if (this.open && !this.options.highlighter.painter.isPainted(this.open.match)) this.close();
  }

  /** Ends everything: listeners, timers, the card and its host. */
  destroy(): void {
    this.abort.abort();
    this.close();
    this.view.destroy();
  }
}

/** The card's anchor: the line of the term the card was opened at (a term can wrap over two lines). */
function anchorFor(match: PaintedMatch, at: DOMRect): CardAnchor {
  const range = liveRange(match.range);
  return {
    getBoundingClientRect: () => {
      const rects = range.getClientRects();
      for (const r of rects) if (Math.abs(r.top - at.top) < 2 || rects.length === 1) return r;
      return rects[0] ?? range.getBoundingClientRect();
    },
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}
