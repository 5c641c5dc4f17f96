// paint: register one Range per match with the CSS Custom Highlight API. The page's DOM is never touched;
// the look comes from ::highlight() rules in the manifest's content-script CSS (and, for open shadow roots,
// a constructed style sheet adopted by that root).
import type { Settings } from '@/utils/settings';
import { NearBlocks } from './near-viewport';
import { SLICE_BUDGET_MS, yieldToPage } from './schedule';

const HIGHLIGHT_PREFIX = 'legal-lens';
const ACTIVE_HIGHLIGHT = 'legal-lens-active';
const styleHighlightName = (style: Settings['highlightStyle']) => `${HIGHLIGHT_PREFIX}-${style}`;

/**
 * Text nodes under painted marks from which only the marks of blocks near the viewport are registered
 * (near-viewport.ts); a mark within one text node counts one, a mark across a term's letters in elements of their
 * own counts each of their text nodes. Both engines pay for what is registered, not for what is in view:
 * - Chromium re-registers every range of every highlight whenever any highlight changes (a card's active term, a
 *   mark added), and that grows with the ranges: on the 4.0 MB benchmark page, one range added cost a rendering task
 *   of 37-53 ms with 2 ranges registered and 160-195 ms with 12,000 (PrePaint, issue 13, a 2-core machine).
 * - Firefox pays for each text node a registered range covers: on a page of 57,000 one-letter elements, 500 ranges
 *   of 16 text nodes each held the page 312-549 ms in the frame they were registered in, 50 of them 64-81 ms, the
 *   same 8,000 text nodes as one range each about as much as the 500, and 500 ranges of one text node each on the
 *   same page with its letters unwrapped under 30 ms (Firefox ESR 153, a page script, 2026-12-03).
 */
export const NEAR_ONLY_MARKED_NODES = 1000;

/**
 * One painted term. Its range is a StaticRange: unlike a live Range, the page does not have to update it
 * on every DOM change (thousands of live ranges would slow every mutation the page makes). Geometry comes
 * from a live Range made on demand (liveRange).
 */
export interface PaintedMatch {
  id: string;
  range: StaticRange;
  /** how many text nodes `range` covers, its ends' included (1 when left out: a range within one text node) */
  textNodes?: number;
}

/**
 * A live Range over the same text, for geometry (client rects) and containment tests: `into`, set to `range`'s
 * ends, when given (a caller that measures many reuses one: each live Range made costs the page's every later
 * change until it is collected), else a new one.
 */
export function liveRange(range: AbstractRange, into?: Range): Range {
  const live = into ?? range.startContainer.ownerDocument!.createRange();
  // the start first: an end set before the range's start would move the start
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** Holds every painted range and which highlight it is in; a block's ranges can be replaced at once. */
export class Painter {
  private readonly byBlock = new Map<Element, PaintedMatch[]>();
  /** the registered highlight, and its ranges kept beside it (a Highlight is not iterable from Firefox's content scripts) */
  private highlight: Highlight;
  private shown = new MarkedRanges();
  private readonly active: Highlight;
  private visible: (m: PaintedMatch) => boolean = () => true;
  /**
   * ranges held back (hold): a highlight of their own, not registered, so adding to it repaints nothing; near-only,
   * the blocks they are in instead
   */
  private held: { highlight: Highlight; ranges: MarkedRanges; blocks: Set<Element> } | null = null;
  /** destroyed: nothing is registered again (a scan still on its way when the highlighter stopped) */
  private destroyed = false;
  /**
   * once painted ranges cover NEAR_ONLY_MARKED_NODES text nodes: the blocks whose painted ranges alone are
   * registered (`shown` keeps all)
   */
  private nearOnly: NearBlocks | null = null;
  /** counts changes of the matches (added, forgotten, cleared) */
  private version = 0;
  /** every match in document order as of `version`, once the sliced walk that puts them in order is done */
  private ordering: { version: number; result: Promise<PaintedMatch[]> } | null = null;
  /**
   * every add in the order it came (those forgotten since included, until allMatches drops them), while all of
   * them came in document order (startOrderedAdds): then allMatches walks nothing; null once one did not
   */
  private addedInOrder: AddedRun[] | null = [];
  /** adds come from one walk in document order now (startOrderedAdds) */
  private addingInOrder = false;

  /** `view`: the window whose viewport the marks registered follow on a page with many (none: all registered) */
  constructor(
    private style: Settings['highlightStyle'],
    private readonly view: Window | null = typeof window === 'undefined' ? null : window,
  ) {
    this.highlight = new Highlight();
    this.active = new Highlight();
    this.active.priority = 1;
    CSS.highlights.set(styleHighlightName(style), this.highlight);
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.active);
  }

  /** Adds matches found in a run of `block`'s text (a block may hold several runs). */
  add(block: Element, matches: PaintedMatch[]): void {
    if (!matches.length) return;
    this.version++;
    let list = this.byBlock.get(block);
    if (!list) this.byBlock.set(block, (list = []));
    const start = list.length;
    list.push(...matches);
    if (!this.addingInOrder) this.addedInOrder = null;
    else this.addedInOrder?.push({ block, list, start, end: list.length });
    if (this.held) {
      for (const m of matches) {
        if (!this.visible(m)) continue;
        this.held.ranges.add(m.range, m.textNodes);
        // near-only, release registers the held ranges block by block (their highlight is never swapped in then)
        if (this.nearOnly) this.held.blocks.add(block);
        else this.held.highlight.add(m.range);
      }
      return;
    }
    const register = !this.nearOnly || this.nearOnly.registers(block);
    for (const m of matches) {
      if (!this.visible(m)) continue;
      if (register) this.highlight.add(m.range);
      this.shown.add(m.range, m.textNodes);
    }
    if (!register) this.nearOnly?.noteAdded(block);
    this.startNearOnlyIfMany();
  }

  /**
   * Holds new ranges back from the registered highlight until `release()`: every change to a registered
   * highlight makes the browser repaint at its next frame, and on a long page each of those frames costs the
   * page far more than the matching does. A scan releases once early (what is in view) and once at the end.
   */
  hold(): void {
    this.held ??= { highlight: new Highlight(), ranges: new MarkedRanges(), blocks: new Set() };
  }

  /**
   * Paints the held ranges, in time that grows with the smaller of the painted and the held: the held highlight
   * takes the painted ranges and the registry's place when it is the larger (the end of a long page's scan, with
   * thousands of ranges, which added one by one to the registered highlight took 10 ms in one task).
   */
  release(): void {
    const held = this.held;
    this.held = null;
    if (held) this.startNearOnlyIfMany(held.ranges.textNodes);
    if (held && this.nearOnly) {
      this.shown.addAll(held.ranges);
      // until the first set is measured, what was registered stays; then only registered blocks' ranges are added
      // (a change of the registry, which the blocks far from the reader do not make)
      for (const block of this.nearOnly.hasMeasured ? held.blocks : []) {
        if (!this.nearOnly.registers(block)) this.nearOnly.noteAdded(block);
        else for (const m of this.byBlock.get(block) ?? []) if (held.ranges.has(m.range)) this.highlight.add(m.range);
      }
    } else if (held && held.ranges.size > this.shown.size) {
      for (const range of this.shown) held.highlight.add(range);
      held.ranges.addAll(this.shown);
      this.highlight = held.highlight;
      this.shown = held.ranges;
    } else if (held) {
      for (const range of held.ranges) this.highlight.add(range);
      this.shown.addAll(held.ranges);
    }
    this.register();
  }

  /**
   * Puts our highlights back in the registry if the page took them out (CSS.highlights.clear(), delete, or a
   * highlight of its own under our name); the ranges were kept, so the marks come back as they were.
   */
  register(): void {
    if (this.destroyed) return;
    const name = styleHighlightName(this.style);
    if (CSS.highlights.get(name) !== this.highlight) CSS.highlights.set(name, this.highlight);
    if (CSS.highlights.get(ACTIVE_HIGHLIGHT) !== this.active) CSS.highlights.set(ACTIVE_HIGHLIGHT, this.active);
  }

  /**
   * Says that what is added from now until endOrderedAdds comes from one walk in document order (iterateBlocks
   * over one root with no start in view: the root's light DOM, then its open shadow roots, as allMatches orders
   * them; a block's runs of text as the walk meets them, "a" and "c" of "<div>a <p>b</p> c</div>" on each side of
   * "b"), each run's matches by their place in its text. When the painter holds no match yet, or when `root` is
   * in the document's own tree after every match held there (an element appended to a feed or to <body>), the
   * order they are added in keeps the matches in document order, and allMatches needs no walk of the page until
   * something is added otherwise. Anywhere else (before a match, around one, in a shadow tree, or after matches of
   * a shadow tree, which allMatches puts after the document's) the walk is needed again.
   */
  startOrderedAdds(root: Node): void {
    if (!this.byBlock.size) this.addedInOrder = [];
    else if (!this.addedInOrder || !comesAfter(root, this.liveRuns(this.addedInOrder).at(-1))) return;
    this.addingInOrder = true;
  }

  /** Ends what startOrderedAdds began: later adds may come in any order. */
  endOrderedAdds(): void {
    this.addingInOrder = false;
  }

  matchesOf(block: Element): readonly PaintedMatch[] {
    return this.byBlock.get(block) ?? [];
  }

  forget(block: Element): void {
    const old = this.byBlock.get(block);
    if (!old) return;
    this.version++;
    for (const m of old) {
      this.highlight.delete(m.range);
      this.shown.delete(m.range);
      this.held?.highlight.delete(m.range);
      this.held?.ranges.delete(m.range);
      this.active.delete(m.range);
    }
    this.byBlock.delete(block);
  }

  /** Drops the matches of every block inside `root` (or `root` itself), shadow trees under it included. */
  forgetInside(root: Element): void {
    for (const block of [...this.byBlock.keys()]) if (isInclusiveAncestor(root, block)) this.forget(block);
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
    this.version++;
    this.stopNearOnly();
    this.addedInOrder = [];
    this.held?.highlight.clear();
    this.held?.ranges.clear();
    this.highlight.clear();
    this.shown.clear();
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
    // what it held is added now, if it is to be shown
    this.held?.highlight.clear();
    this.held?.ranges.clear();
    this.highlight.clear();
    this.shown.clear();
    for (const [block, list] of this.byBlock) {
      const register = !this.nearOnly || this.nearOnly.registers(block);
      for (const m of list) {
        if (!visible(m)) continue;
        if (register) this.highlight.add(m.range);
        this.shown.add(m.range, m.textNodes);
      }
    }
    this.startNearOnlyIfMany();
  }

  isPainted(m: PaintedMatch): boolean {
    return this.shown.has(m.range);
  }

  setActive(range: AbstractRange | null): void {
    this.active.clear();
    if (range) this.active.add(range);
  }

  /** Every painted match in document order (see allMatches). */
  async paintedMatches(): Promise<PaintedMatch[]> {
    return (await this.allMatches()).filter((m) => this.shown.has(m.range));
  }

  /**
   * Every match, painted or filtered out, in document order. Putting them in order walks the text of the page up
   * to the last match, which on a page of 200,000 text nodes took over 100 ms in one task: it runs in slices
   * (SLICE_BUDGET_MS each, the page gets a turn between two), once per change of the matches, callers meanwhile
   * sharing the same walk. Matches that change while it runs: those gone are left out, those new come last. No
   * walk at all while every match was added in document order (startOrderedAdds): a page scanned once from the top,
   * and elements scanned since that came after every match (a feed's new items).
   */
  async allMatches(): Promise<PaintedMatch[]> {
    if (this.addedInOrder) return this.liveRuns(this.addedInOrder).flatMap((run) => run.list.slice(run.start, run.end));
    const version = this.version;
    if (this.ordering?.version !== version) this.ordering = { version, result: inDocumentOrder(this.everyMatch()) };
    const ordered = await this.ordering.result;
    if (this.version === version) return [...ordered];
    const now = new Set(this.everyMatch());
    const out = ordered.filter((m) => now.delete(m));
    out.push(...now);
    return out;
  }

  /**
   * Up to `n` painted matches, in the order they were found, with no walk of the page: a scan finds them in
   * document order, or what is in view first (a sample of the text they are in, for the page's language).
   */
  firstFound(n: number): PaintedMatch[] {
    const out: PaintedMatch[] = [];
    for (const list of this.byBlock.values()) {
      for (const m of list) {
        if (out.length === n) return out;
        if (this.shown.has(m.range)) out.push(m);
      }
    }
    return out;
  }

  /**
   * From NEAR_ONLY_MARKED_NODES text nodes under painted ranges on (`adding` more to come), registers only those
   * of blocks near the viewport (near-viewport.ts); what was registered stays until the first set is measured, in a
   * task of its own.
   */
  private startNearOnlyIfMany(adding = 0): void {
    if (this.nearOnly || this.destroyed || !this.view || this.shown.textNodes + adding < NEAR_ONLY_MARKED_NODES) return;
    this.nearOnly = new NearBlocks(this.view, () => this.paintedBlocks(), () => this.registerNear());
    this.nearOnly.start();
  }

  private *paintedBlocks(): Iterable<Element> {
    for (const [block, list] of this.byBlock) if (list.some((m) => this.shown.has(m.range))) yield block;
  }

  private stopNearOnly(): void {
    this.nearOnly?.stop();
    this.nearOnly = null;
  }

  /** Registers, in one change, the painted ranges of the blocks near the viewport, and none other. */
  private registerNear(): void {
    if (!this.nearOnly || this.destroyed) return;
    const highlight = new Highlight();
    for (const block of this.nearOnly.registeredBlocks) for (const m of this.byBlock.get(block) ?? []) if (this.shown.has(m.range)) highlight.add(m.range);
    this.highlight = highlight;
    this.register();
  }

  /** The adds made in document order, less those whose block was forgotten since (dropped for good). */
  private liveRuns(runs: AddedRun[]): AddedRun[] {
    // a block forgotten loses its list; added again, it has a new one
    const live = runs.filter((run) => this.byBlock.get(run.block) === run.list);
    if (live.length !== runs.length) this.addedInOrder = live;
    return live;
  }

  private everyMatch(): PaintedMatch[] {
    const all: PaintedMatch[] = [];
    for (const list of this.byBlock.values()) all.push(...list);
    return all;
  }

  get size(): number {
    return this.shown.size;
  }

  destroy(): void {
    this.destroyed = true;
    this.clear();
    CSS.highlights.delete(styleHighlightName(this.style));
    CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }
}

/** Ranges, with how many text nodes they cover in all (the cost of registering them: NEAR_ONLY_MARKED_NODES). */
class MarkedRanges implements Iterable<StaticRange> {
  private readonly nodes = new Map<StaticRange, number>();
  /** text nodes under the ranges, counted once per range that covers them */
  textNodes = 0;

  /** Adds `range`, which covers `textNodes` text nodes (1 when left out); a range held already stays as it was. */
  add(range: StaticRange, textNodes = 1): void {
    if (this.nodes.has(range)) return;
    this.nodes.set(range, textNodes);
    this.textNodes += textNodes;
  }

  addAll(other: MarkedRanges): void {
    for (const [range, n] of other.nodes) this.add(range, n);
  }

  delete(range: StaticRange): boolean {
    const n = this.nodes.get(range);
    if (n === undefined) return false;
    this.nodes.delete(range);
    this.textNodes -= n;
    return true;
  }

  has(range: StaticRange): boolean {
    return this.nodes.has(range);
  }

  get size(): number {
    return this.nodes.size;
  }

  clear(): void {
    this.nodes.clear();
    this.textNodes = 0;
  }

  [Symbol.iterator](): Iterator<StaticRange> {
    return this.nodes.keys();
  }
}

/** One add: matches `list[start..end)` of `block`, `list` being what byBlock held for it then. */
interface AddedRun {
  block: Element;
  list: PaintedMatch[];
  start: number;
  end: number;
}

/**
 * True when `root` is in the document's own tree, after the text of `run`'s last match (not around it). One
 * comparison of positions: an element appended last to its parent is told at once.
 */
function comesAfter(root: Node, run: AddedRun | undefined): boolean {
  const text = run?.list[run.end - 1]?.range.startContainer;
  const doc = root.ownerDocument;
  if (!text || !doc || root.getRootNode() !== doc || text.getRootNode() !== doc) return false;
  return (text.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** True when `node` is `root` or inside it, across shadow roots (a shadow root's host counts as its parent). */
function isInclusiveAncestor(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === root) return true;
  return false;
}

/** Text nodes walked between two looks at the clock (a few hundred µs of walking). */
const CLOCK_EVERY = 256;

/**
 * Document order, in time linear in the page: one walk over the text nodes of each tree that holds a match (the
 * document, then shadow roots in the order first met), instead of a sort whose every comparison costs as much as
 * the siblings between two nodes. Within a text node, by offset. The walk gives the page a turn once a slice has
 * used SLICE_BUDGET_MS.
 */
async function inDocumentOrder(matches: PaintedMatch[]): Promise<PaintedMatch[]> {
  const byNode = new Map<Node, PaintedMatch[]>();
  const trees = new Set<Node>();
  for (const m of matches) {
    const node = m.range.startContainer;
    const list = byNode.get(node);
    if (list) list.push(m);
    else {
      byNode.set(node, [m]);
      trees.add(node.getRootNode());
    }
  }
  const out: PaintedMatch[] = [];
  const placed = new Set<Node>();
  let sliceStart = performance.now();
  let count = 0;
  for (const tree of [...trees].sort((a, b) => (a.nodeType === Node.DOCUMENT_NODE ? -1 : b.nodeType === Node.DOCUMENT_NODE ? 1 : 0))) {
    const doc = tree.ownerDocument ?? (tree as Document);
    const walker = doc.createTreeWalker(tree, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && placed.size < byNode.size; n = walker.nextNode()) {
      if (++count % CLOCK_EVERY === 0 && performance.now() - sliceStart > SLICE_BUDGET_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
      const here = byNode.get(n);
      if (!here || placed.has(n)) continue; // met again: moved ahead of the walk while the page had its turn
      placed.add(n);
      out.push(...here.sort((a, b) => a.range.startOffset - b.range.startOffset));
    }
  }
  // ranges whose text node has left its tree keep their place at the end
  for (const [node, list] of byNode) if (!placed.has(node)) out.push(...list);
  return out;
}
