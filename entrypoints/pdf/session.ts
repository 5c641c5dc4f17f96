// session: one open PDF in the reader — its pages (viewer.ts), its terms (page-text.ts → marks.ts), the hover
// card on them (the same PageCard and pointer, touch and keyboard controllers as on web pages), and find.
// Terms are looked for page by page in the background, one page per task (the text comes from the worker), so
// the first page shows at once and no task runs long however many pages there are.
import type { CardUi } from '@/components/card-ui';
import { bundledCardTexts } from '@/components/card-view';
import { watchKeyboard } from '@/components/page/card/keyboard';
import { PageCard } from '@/components/page/card/page-card';
import { watchPointer } from '@/components/page/card/pointer';
import { watchTouch } from '@/components/page/card/touch';
import { liveRange } from '@/components/page/paint';
import { yieldToPage } from '@/components/page/schedule';
import type { Matcher } from '@/glossary/runtime/matcher';
import type { CardData, Category, Lang } from '@/glossary/runtime/types';
import type { InputRelay } from '@/utils/input-relay';
import type { Settings } from '@/utils/settings';
import { detectLanguage } from './document-language';
import { findOnPage, foldForFind, foldQuery, type FindHit } from './find';
import { DocumentMarks, type DocumentTerm, type DocumentTermCount } from './marks';
import { findPageBreakTerm, findPageTerms, pageText, withoutBreakOverlap, type PageText, type PageTerm, type TextRun } from './page-text';
import type { PDFDocumentProxy, PDFPageProxy } from './pdfjs';
import { PdfViewer, type DrawnPage } from './viewer';

const FIND_HIGHLIGHT = 'legal-lens-find';
const FIND_CURRENT_HIGHLIGHT = 'legal-lens-find-current';

export interface SessionDeps {
  matcher: Matcher;
  cards: CardData;
  categories: Record<string, Category>;
  settings: Settings;
  explainerHref: (id: string) => string;
  openExplainer: (id: string, lang: Lang) => void;
  /** the page's pointer, clicks and keys (utils/input-relay.ts), as the card's controllers hear them on web pages */
  input: InputRelay;
  /** the card UI: on web pages injected by the background on first use; in the reader, its bundled card view */
  loadCardUi: () => Promise<CardUi>;
}

/** What the reader UI shows about the document; `onUpdate` fires when any of it changes. */
export interface SessionState {
  pageCount: number;
  currentPage: number;
  scale: number;
  /** pages whose text has been read (and matched) so far */
  pagesRead: number;
  terms: DocumentTermCount[];
  /** pages with no text at all (scanned images), among those read */
  pagesWithoutText: number;
  /** pages that could not be drawn */
  pageErrors: number[];
  find: { query: string; hits: number; current: number };
}

export class ReaderSession {
  readonly viewer: PdfViewer;
  readonly marks: DocumentMarks;
  readonly card: PageCard;
  private readonly texts: (PageText | undefined)[] = [];
  private readonly pageTerms: (PageTerm[] | undefined)[] = [];
  private readonly abort = new AbortController();
  /** settles once the document's language is known (settleLanguage), or reading stopped before it was */
  private languageKnown!: () => void;
  private readonly languageSettled = new Promise<void>((done) => (this.languageKnown = done));
  private readonly findAll = new Highlight();
  private readonly findCurrent = new Highlight();
  private hits: FindHit[] = [];
  private hitIndex = -1;
  private query = '';
  private readonly cycle = new Map<string, number>();
  private updateFrame = 0;
  /** the longest time one page's text took to match and mark, in ms (one page is one task) */
  longestPageMs = 0;
  readonly state: SessionState;
  /** resolves when every page's text has been read */
  readonly reading: Promise<void>;

  constructor(
    scroller: HTMLElement,
    pagesElement: HTMLElement,
    readonly doc: PDFDocumentProxy,
    firstPage: PDFPageProxy,
    private readonly deps: SessionDeps,
    private readonly onUpdate: (state: SessionState) => void,
  ) {
    this.state = {
      pageCount: doc.numPages,
      currentPage: 1,
      scale: 1,
      pagesRead: 0,
      terms: [],
      pagesWithoutText: 0,
      pageErrors: [],
      find: { query: '', hits: 0, current: 0 },
    };
    this.marks = new DocumentMarks(deps.categories, deps.settings, () => this.update({ terms: this.marks.counts() }));
    this.findCurrent.priority = 2;
    CSS.highlights.set(FIND_HIGHLIGHT, this.findAll);
    CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, this.findCurrent);
    this.card = new PageCard({
      doc: document,
      input: deps.input,
      highlighter: this.marks,
      texts: bundledCardTexts(deps.cards),
      settings: deps.settings,
      setTimer: (run, ms) => window.setTimeout(run, ms),
      explainerHref: deps.explainerHref,
      openExplainer: deps.openExplainer,
      loadCardUi: deps.loadCardUi,
      // the card asks once, on the first hover; it waits (a page or two) until the first pages are read
      pageLanguage: () => this.languageSettled.then(() => document.documentElement.lang || navigator.language),
    });
    watchPointer(this.card);
    watchTouch(this.card);
    watchKeyboard(this.card);
    this.viewer = new PdfViewer(scroller, pagesElement, doc, firstPage, {
      onDrawn: (page) => {
        this.marks.pageDrawn(page);
        this.paintFind(page);
      },
      onCleared: (page) => {
        if (this.card.openMatch && page.layer.contains(this.card.openMatch.range.startContainer)) this.card.close();
        this.marks.pageCleared(page);
        this.unpaintFind(page);
      },
      onPageError: (n, error) => {
        console.warn(`Legal Lens: page ${n} could not be drawn`, error);
        this.update({ pageErrors: [...this.state.pageErrors, n].sort((a, b) => a - b) });
      },
      onCurrentPage: (n) => this.update({ currentPage: n }),
    });
    // a page wider than the window (a phone) starts at the width of the window
    const fit = this.viewer.fitWidthScale();
    if (fit < 1) {
      const scale = Math.round(fit * 100) / 100;
      this.viewer.setScale(scale);
      this.state.scale = scale;
    }
    this.reading = this.readAll();
  }

  /** Sets the document's language for cards ("page" language): declared in the PDF, else detected from its text. */
  private async settleLanguage(): Promise<void> {
    let declared: string | null = null;
    try {
      const meta = await this.doc.getMetadata();
      const lang = (meta.info as { Language?: unknown }).Language;
      declared = typeof lang === 'string' && lang ? lang : null;
    } catch {
      // no metadata: detect
    }
    const sample = this.texts.slice(1, 4).map((t) => t?.text ?? '').join('\n');
    document.documentElement.lang = declared ?? detectLanguage(sample) ?? document.documentElement.lang;
    this.languageKnown();
  }

  /** Reads every page's text in order, one page per task, and finds its terms. */
  private async readAll(): Promise<void> {
    const n = this.doc.numPages;
    let withoutText = 0;
    for (let page = 1; page <= n; page++) {
      if (this.abort.signal.aborted) return;
      let items: TextRun[];
      try {
        items = await this.viewer.textItems(page);
      } catch {
        items = [];
      }
      if (this.abort.signal.aborted) return;
      const started = performance.now();
      const text = pageText(items);
      this.texts[page] = text;
      this.pageTerms[page] = findPageTerms(text, this.deps.matcher);
      if (!/[\p{L}\p{N}]/u.test(text.text)) withoutText++;
      if (page > 1) this.addPage(page - 1);
      // the last page's terms are listed in the same task that says every page is read (they came a task later,
      // after the reader had shown the list as complete)
      if (page === n) this.addPage(n);
      this.longestPageMs = Math.max(this.longestPageMs, performance.now() - started);
      if (page === Math.min(3, n)) await this.settleLanguage();
      this.update({ pagesRead: page, pagesWithoutText: withoutText });
      if (this.query) this.extendFind(page);
      await yieldToPage();
    }
    this.languageKnown(); // a document with no pages
    // for the tests (this is the extension's own page: no web page can read its performance timeline)
    performance.mark('legal-lens:pdf-read', { detail: { pages: n, longestPageMs: this.longestPageMs } });
  }

  private addPage(page: number): void {
    const text = this.texts[page];
    const next = this.texts[page + 1];
    const overBreak = text && next ? findPageBreakTerm(text, next, this.deps.matcher) : null;
    const { earlier, later } = withoutBreakOverlap(this.pageTerms[page] ?? [], this.pageTerms[page + 1] ?? [], overBreak);
    this.pageTerms[page + 1] = later;
    this.marks.addPage(page, earlier, overBreak);
  }

  applySettings(settings: Settings): void {
    this.deps.settings = settings;
    this.marks.applySettings(settings);
    this.card.applySettings(settings);
  }

  goToPage(page: number): void {
    void this.viewer.goTo(page);
  }

  setScale(scale: number): void {
    this.card.close();
    this.viewer.setScale(scale);
    this.update({ scale });
  }

  /** Opens the card of the next occurrence of `id` (cycling), scrolled into view, with focus in the card. */
  async showTerm(id: string, returnFocus: HTMLElement | null): Promise<boolean> {
    const occurrences = this.marks.shownOccurrences().filter((t) => t.id === id);
    if (!occurrences.length) return false;
    const i = (this.cycle.get(id) ?? -1) + 1;
    const term = occurrences[i % occurrences.length];
    this.cycle.set(id, i % occurrences.length);
    return this.showOccurrence(term, returnFocus);
  }

  private async showOccurrence(term: DocumentTerm, returnFocus: HTMLElement | null): Promise<boolean> {
    const piece = term.pieces[0];
    await this.viewer.goTo(piece.page);
    const [match] = this.marks.paintedOn(piece.page, term);
    if (!match) return false;
    match.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const live = liveRange(match.range);
    const rect = live.getClientRects()[0] ?? live.getBoundingClientRect();
    this.card.returnFocus = returnFocus;
    const shown = await this.card.show(match, rect, { keyboard: true });
    if (shown) this.card.view.focus();
    return shown;
  }

  /** Finds `query` in every page read so far (and in later pages as they are read); shows the first hit. */
  find(query: string): void {
    this.query = foldQuery(query);
    this.hits = [];
    this.hitIndex = -1;
    for (let page = 1; page < this.texts.length; page++) this.extendFind(page, false);
    this.repaintFind();
    if (this.hits.length) void this.findStep(1);
    else this.update({ find: { query, hits: 0, current: 0 } });
  }

  /** Moves to the next (1) or previous (-1) hit. */
  async findStep(direction: 1 | -1): Promise<void> {
    if (!this.hits.length) return;
    this.hitIndex = (this.hitIndex + direction + this.hits.length) % this.hits.length;
    const hit = this.hits[this.hitIndex];
    this.update({ find: { query: this.query, hits: this.hits.length, current: this.hitIndex + 1 } });
    const drawn = await this.viewer.goTo(hit.page);
    if (!drawn || this.hits[this.hitIndex] !== hit) return;
    this.repaintFind();
    const range = this.rangeOf(drawn, hit);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }

  private extendFind(page: number, notify = true): void {
    const text = this.texts[page];
    if (!this.query || !text) return;
    const found = findOnPage(page, text, foldForFind(text.text), this.query);
    if (!found.length) return;
    this.hits.push(...found);
    const drawn = this.viewer.drawnPage(page);
    if (drawn) this.paintFind(drawn);
    if (notify) this.update({ find: { query: this.query, hits: this.hits.length, current: this.hitIndex + 1 } });
  }

  private rangeOf(page: DrawnPage, hit: FindHit): StaticRange | null {
    const start = page.textDivs[hit.start.item]?.firstChild;
    const end = page.textDivs[hit.end.item]?.firstChild;
    if (!(start instanceof Text) || !(end instanceof Text)) return null;
    return new StaticRange({ startContainer: start, startOffset: Math.min(hit.start.offset, start.length), endContainer: end, endOffset: Math.min(hit.end.offset, end.length) });
  }

  private readonly findRanges = new Map<HTMLElement, StaticRange[]>();

  private paintFind(page: DrawnPage): void {
    this.unpaintFind(page);
    const ranges: StaticRange[] = [];
    const current = this.hits[this.hitIndex];
    for (const hit of this.hits) {
      if (hit.page !== page.number) continue;
      const range = this.rangeOf(page, hit);
      if (!range) continue;
      ranges.push(range);
      (hit === current ? this.findCurrent : this.findAll).add(range);
    }
    this.findRanges.set(page.layer, ranges);
  }

  private unpaintFind(page: DrawnPage): void {
    for (const r of this.findRanges.get(page.layer) ?? []) {
      this.findAll.delete(r);
      this.findCurrent.delete(r);
    }
    this.findRanges.delete(page.layer);
  }

  private repaintFind(): void {
    this.findAll.clear();
    this.findCurrent.clear();
    this.findRanges.clear();
    for (let n = 1; n <= this.viewer.pageCount; n++) {
      const drawn = this.viewer.drawnPage(n);
      if (drawn) this.paintFind(drawn);
    }
  }

  /** Applies `patch` and tells the UI once per animation frame at most (pages are read many to a frame). */
  private update(patch: Partial<SessionState>): void {
    Object.assign(this.state, patch);
    this.updateFrame ||= requestAnimationFrame(() => {
      this.updateFrame = 0;
      if (!this.abort.signal.aborted) this.onUpdate({ ...this.state });
    });
  }

  /** Ends everything; resolves once pdf.js has closed the document (open the next one only after). */
  destroy(): Promise<void> {
    this.abort.abort();
    this.card.destroy();
    cancelAnimationFrame(this.updateFrame);
    const closed = this.viewer.destroy();
    this.marks.destroy();
    CSS.highlights.delete(FIND_HIGHLIGHT);
    CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT);
    return closed.catch(() => {});
  }
}
