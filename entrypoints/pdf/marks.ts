// marks: the terms of a whole PDF, and their marks in the pages drawn right now. Terms are found page by page
// (page-text.ts) as the text arrives, for the "On this document" list; when a page's text layer is drawn, its
// terms become StaticRanges over the layer's spans, registered with the same Painter (CSS Custom Highlight API)
// as on web pages, keyed by the layer element — the block hit-testing finds for a span — so the same card and
// controllers (components/page/card/) work on them unchanged.
import { Painter, type PaintedMatch } from '@/components/page/paint';
import type { PaintedTerms } from '@/components/page/card/page-card';
import type { Category } from '@/glossary/runtime/types';
import { isCategoryShown, type Settings } from '@/utils/settings';
import type { ItemPosition, PageBreakTerm, PageTerm } from './page-text';

/** One occurrence of a term in the document: one piece, or two when it runs over a page break. */
export interface DocumentTerm {
  id: string;
  pieces: { page: number; start: ItemPosition; end: ItemPosition }[];
}

/** A drawn page's text layer, as the viewer gives it (`textDivs[i]` shows text item i). */
export interface TextLayerView {
  number: number;
  layer: HTMLElement;
  textDivs: readonly HTMLElement[];
}

/** A term of the "On this document" list: how often it occurs (shown categories only), in order of first appearance. */
export interface DocumentTermCount {
  id: string;
  count: number;
}

export class DocumentMarks implements PaintedTerms {
  readonly painter: Painter;
  readonly openShadowRoots: ShadowRoot[] = [];
  /** occurrences, by page of their first piece (pages arrive in any order) */
  private readonly byPage = new Map<number, DocumentTerm[]>();
  /** the pieces to paint on each page */
  private readonly piecesOn = new Map<number, { term: DocumentTerm; piece: DocumentTerm['pieces'][number] }[]>();
  private readonly drawn = new Map<number, TextLayerView>();
  private readonly termOf = new Map<StaticRange, DocumentTerm>();
  private settings: Settings;
  /** term counts of shown categories, by id in order of first appearance; null when they must be counted again */
  private countCache: Map<string, number> | null = null;
  private lastPage = 0;

  constructor(
    private readonly categories: Record<string, Category>,
    settings: Settings,
    private readonly onChange: () => void = () => {},
  ) {
    this.settings = settings;
    this.painter = new Painter(settings.highlightStyle);
    this.refilter();
  }

  /** Adds the terms found on page `number` (each page once), and a term running over into the next page. */
  addPage(number: number, terms: readonly PageTerm[], overBreak: PageBreakTerm | null = null): void {
    const list: DocumentTerm[] = terms.map((t) => ({ id: t.id, pieces: [{ page: number, start: t.start, end: t.end }] }));
    if (overBreak) {
      list.push({
        id: overBreak.id,
        pieces: [
          { page: number, start: overBreak.before.start, end: overBreak.before.end },
          { page: number + 1, start: overBreak.after.start, end: overBreak.after.end },
        ],
      });
    }
    this.byPage.set(number, list);
    // pages arrive in order: extend the counts; a page out of order makes them be counted again
    if (this.countCache && number > this.lastPage) {
      for (const t of list) if (this.isShownCategory(t.id)) this.countCache.set(t.id, (this.countCache.get(t.id) ?? 0) + 1);
    } else this.countCache = null;
    this.lastPage = Math.max(this.lastPage, number);
    for (const term of list) {
      for (const piece of term.pieces) {
        const on = this.piecesOn.get(piece.page);
        if (on) on.push({ term, piece });
        else this.piecesOn.set(piece.page, [{ term, piece }]);
        const view = this.drawn.get(piece.page);
        if (view) this.paintPiece(view, term, piece);
      }
    }
    if (this.settings.firstOnly) this.refilter();
    this.onChange();
  }

  /** A page's text layer is drawn: marks its terms. */
  pageDrawn(view: TextLayerView): void {
    this.drawn.set(view.number, view);
    this.painter.forget(view.layer);
    for (const { term, piece } of this.piecesOn.get(view.number) ?? []) this.paintPiece(view, term, piece);
  }

  /** A page's text layer is going away: drops its marks. */
  pageCleared(view: TextLayerView): void {
    if (this.drawn.get(view.number)?.layer !== view.layer) return;
    this.drawn.delete(view.number);
    for (const m of this.painter.matchesOf(view.layer)) this.termOf.delete(m.range);
    this.painter.forget(view.layer);
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    this.countCache = null;
    this.painter.setStyle(settings.highlightStyle);
    this.refilter();
    this.onChange();
  }

  /** Every occurrence found so far, in document order. */
  occurrences(): DocumentTerm[] {
    return [...this.byPage.keys()].sort((a, b) => a - b).flatMap((page) => {
      const list = this.byPage.get(page)!;
      return list;
    });
  }

  /** The occurrences of shown terms (categories the reader did not turn off). */
  shownOccurrences(): DocumentTerm[] {
    return this.occurrences().filter((t) => this.isShownCategory(t.id));
  }

  /** The "On this document" list (kept up to date as pages are added, so each page costs only its own terms). */
  counts(): DocumentTermCount[] {
    if (!this.countCache) {
      this.countCache = new Map();
      for (const t of this.shownOccurrences()) this.countCache.set(t.id, (this.countCache.get(t.id) ?? 0) + 1);
    }
    return [...this.countCache].map(([id, count]) => ({ id, count }));
  }

  /** The occurrence a painted range belongs to. */
  occurrenceOf(match: PaintedMatch): DocumentTerm | null {
    return this.termOf.get(match.range) ?? null;
  }

  /** The painted ranges of an occurrence on page `number`, if that page is drawn. */
  paintedOn(number: number, term: DocumentTerm): PaintedMatch[] {
    const view = this.drawn.get(number);
    if (!view) return [];
    return this.painter.matchesOf(view.layer).filter((m) => this.termOf.get(m.range) === term);
  }

  destroy(): void {
    this.painter.destroy();
    this.termOf.clear();
  }

  private paintPiece(view: TextLayerView, term: DocumentTerm, piece: DocumentTerm['pieces'][number]): void {
    const startNode = view.textDivs[piece.start.item]?.firstChild;
    const endNode = view.textDivs[piece.end.item]?.firstChild;
    if (!(startNode instanceof Text) || !(endNode instanceof Text)) return;
    const range = new StaticRange({
      startContainer: startNode,
      startOffset: Math.min(piece.start.offset, startNode.length),
      endContainer: endNode,
      endOffset: Math.min(piece.end.offset, endNode.length),
    });
    this.termOf.set(range, term);
    // a text layer holds one text node per item
    this.painter.add(view.layer, [{ id: term.id, range, textNodes: piece.end.item - piece.start.item + 1 }]);
  }

  private isShownCategory(id: string): boolean {
    const category = this.categories[id];
    return !!category && isCategoryShown(this.settings, category);
  }

  private refilter(): void {
    if (!this.settings.firstOnly) {
      this.painter.setFilter((m) => this.isShownCategory(m.id));
      return;
    }
    const first = new Set<DocumentTerm>();
    const seen = new Set<string>();
    for (const t of this.occurrences()) {
      if (!this.isShownCategory(t.id) || seen.has(t.id)) continue;
      seen.add(t.id);
      first.add(t);
    }
    this.painter.setFilter((m) => {
      const term = this.termOf.get(m.range);
      return !!term && first.has(term);
    });
  }
}
