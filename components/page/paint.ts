// paint: register one Range per match with the CSS Custom Highlight API. The page's DOM is never touched;
// the look comes from ::highlight() rules in the manifest's content-script CSS (and, for open shadow roots,
// a constructed style sheet adopted by that root).
import type { Settings } from '@/utils/settings';

const HIGHLIGHT_PREFIX = 'legal-lens';
const ACTIVE_HIGHLIGHT = 'legal-lens-active';
const styleHighlightName = (style: Settings['highlightStyle']) => `${HIGHLIGHT_PREFIX}-${style}`;

/**
 * One painted term. Its range is a StaticRange: unlike a live Range, the page does not have to update it
 * on every DOM change (thousands of live ranges would slow every mutation the page makes). Geometry comes
 * from a live Range made on demand (liveRange).
 */
export interface PaintedMatch {
  id: string;
  range: StaticRange;
}

/** A live Range over the same text, for geometry (client rects) and containment tests. */
export function liveRange(range: AbstractRange): Range {
  const live = range.startContainer.ownerDocument!.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** Holds every painted range and which highlight it is in; a block's ranges can be replaced at once. */
export class Painter {
  private readonly byBlock = new Map<Element, PaintedMatch[]>();
  private highlight: Highlight;
  private readonly active: Highlight;
  private visible: (m: PaintedMatch) => boolean = () => true;
  private held: Set<StaticRange> | null = null;

  constructor(private style: Settings['highlightStyle']) {
    this.highlight = new Highlight();
    this.active = new Highlight();
    this.active.priority = 1;
    CSS.highlights.set(styleHighlightName(style), this.highlight);
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.active);
  }

  /** Adds matches found in a run of `block`'s text (a block may hold several runs). */
  add(block: Element, matches: PaintedMatch[]): void {
    if (!matches.length) return;
    const list = this.byBlock.get(block);
    if (list) list.push(...matches);
    else this.byBlock.set(block, matches);
    for (const m of matches) if (this.visible(m)) (this.held ?? this.highlight).add(m.range);
  }

  /**
   * Holds new ranges back from the registered highlight until `release()`: every change to a registered
   * highlight makes the browser repaint at its next frame, and on a long page each of those frames costs the
   * page far more than the matching does. A scan releases once early (what is in view) and once at the end.
   */
  hold(): void {
    this.held ??= new Set();
  }

  release(): void {
    const held = this.held;
    this.held = null;
    if (held) for (const range of held) this.highlight.add(range);
  }

  matchesOf(block: Element): readonly PaintedMatch[] {
    return this.byBlock.get(block) ?? [];
  }

  forget(block: Element): void {
    const old = this.byBlock.get(block);
    if (!old) return;
    for (const m of old) {
      this.highlight.delete(m.range);
      this.held?.delete(m.range);
      this.active.delete(m.range);
    }
    this.byBlock.delete(block);
  }

  /** Drops the matches of blocks that left the document. */
  sweep(): number {
    let dropped = 0;
    for (const block of this.byBlock.keys()) {
      if (!block.isConnected) {
        this.forget(block);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.held?.clear();
    this.highlight.clear();
    this.active.clear();
    this.byBlock.clear();
  }

  /** Re-registers the ranges under the highlight for `style` (underline, background, none). */
  setStyle(style: Settings['highlightStyle']): void {
    if (style === this.style) return;
    CSS.highlights.delete(styleHighlightName(this.style));
    this.style = style;
    CSS.highlights.set(styleHighlightName(style), this.highlight);
  }

  /** Which matches are painted (first occurrence only, categories); re-applies to every block. */
  setFilter(visible: (m: PaintedMatch) => boolean): void {
    this.visible = visible;
    this.highlight.clear();
    for (const list of this.byBlock.values()) for (const m of list) if (visible(m)) this.highlight.add(m.range);
  }

  isPainted(m: PaintedMatch): boolean {
    return this.highlight.has(m.range);
  }

  setActive(range: AbstractRange | null): void {
    this.active.clear();
    if (range) this.active.add(range);
  }

  /** Every painted match in document order. */
  paintedMatches(): PaintedMatch[] {
    const out: PaintedMatch[] = [];
    for (const list of this.byBlock.values()) for (const m of list) if (this.highlight.has(m.range)) out.push(m);
    return sortInDocumentOrder(out);
  }

  /** Every match, painted or filtered out, in document order. */
  allMatches(): PaintedMatch[] {
    const out: PaintedMatch[] = [];
    for (const list of this.byBlock.values()) out.push(...list);
    return sortInDocumentOrder(out);
  }

  get size(): number {
    return this.highlight.size;
  }

  destroy(): void {
    this.clear();
    CSS.highlights.delete(styleHighlightName(this.style));
    CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }
}

/** Document order; ranges in different trees (shadow roots) keep their relative order. */
function sortInDocumentOrder(matches: PaintedMatch[]): PaintedMatch[] {
  return matches.sort((a, b) => {
    const na = a.range.startContainer;
    const nb = b.range.startContainer;
    if (na === nb) return a.range.startOffset - b.range.startOffset;
    const pos = na.compareDocumentPosition(nb);
    if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  });
}
