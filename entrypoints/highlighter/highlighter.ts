// The highlighting pipeline: collect ► match ► paint, kept up to date by observe, in slices by schedule. A page
// can do things no mutation record reports: empty the highlight registry, switch the document to designMode, attach
// a shadow root. Those are checked for whenever the page changes or the reader does something (moves the pointer,
// scrolls, types, focuses), at most once per animation frame, and never on a timer of their own.
import type { Match, Matcher } from '@/glossary/runtime/matcher';
import type { Category } from '@/glossary/runtime/types';
import { isCategoryShown, type Settings } from '@/utils/settings';
import { WINDOW_CONTEXT, iterateBlocks, isInsideSkipped, newShadowRoots, type Block } from '@/components/page/collect';
import { DomObserver, type ChangeBatch } from './observe';
import { adoptHighlightStyles } from './shadow-styles';
import { Painter, type PaintedMatch } from '@/components/page/paint';
import { unknownShadowRootAt } from '@/components/page/shadow-at-point';
import { SLICE_BUDGET_MS, runInSlices, yieldToPage } from '@/components/page/schedule';

/**
 * A matcher that holds only what the page needs (glossary/runtime/paged-matcher.ts): its filter comes first
 * (ready), then each text is tested (mayMatch) and the keys of its heads are fetched (load) before find.
 */
export interface PagedMatching extends Matcher {
  readonly isReady: boolean;
  ready(): Promise<boolean>;
  mayMatch(text: string): boolean;
  /** whether keys are wanted or on their way */
  readonly pending: boolean;
  /** fetches the wanted keys: a promise while keys are wanted or on their way, else null */
  load(): Promise<void> | null;
  /** whether the keys loaded hold every head of the document's text, the page unchanged since (once; false after) */
  coversDocument(): boolean;
}

const isPaged = (m: Matcher): m is PagedMatching => typeof (m as Partial<PagedMatching>).mayMatch === 'function';

/** Blocks held for their keys at most, before they are painted (their keys fetched first). */
const MAX_WAITING_CHARS = 50_000;

/** At most one full rescan of the document per this many ms, however much the page changes. */
export const FULL_RESCAN_INTERVAL_MS = 1000;

export class TermHighlighter {
  readonly painter: Painter;
  private readonly observer: DomObserver;
  private scan: AbortController | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** roots enqueued and not yet scanned */
  private readonly queued = new Set<Node>();
  private readonly shadowRoots = new Set<ShadowRoot>();
  private settings: Settings;
  /** main-thread time spent scanning and painting so far, and the longest slice, in ms (for the benchmark) */
  busyMs = 0;
  longestSliceMs = 0;
  private lastFullRescan = -Infinity;
  private pendingRescan = 0;
  /** the document was in designMode at the last check: nothing is painted until it leaves it */
  private editing = false;
  private checkFrame = 0;
  /** where the pointer was last seen (viewport CSS px), to look for shadow roots attached there since */
  private pointer: { x: number; y: number } | null = null;
  private readonly listening = new AbortController();
  /** counts calls of refilter: only the latest applies its filter */
  private refilters = 0;
  /** the matches the walk found in a block's text while testing it (mayHoldTerm), which is painted next */
  private lastFound: { text: string; found: Match[] } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
    private readonly categories: Record<string, Category>,
    settings: Settings,
    private readonly onPainted: () => void = () => {},
  ) {
    this.settings = settings;
    this.painter = new Painter(settings.highlightStyle);
    this.painter.setFilter(this.categoryFilter());
    this.observer = new DomObserver((batch) => this.onChanges(batch));
  }

  start(): Promise<unknown> {
    this.observer.observe(this.doc);
    this.watchReader();
    this.editing = this.doc.designMode === 'on';
    // asked once its own observer watches: later changes are rescanned with the filter
    const covered = isPaged(this.matcher) && this.matcher.coversDocument();
    return this.rescanAll(covered);
  }

  stop(): void {
    clearTimeout(this.pendingRescan);
    this.listening.abort();
    if (this.checkFrame) this.doc.defaultView?.cancelAnimationFrame(this.checkFrame);
    this.scan?.abort();
    this.observer.disconnect();
    this.painter.destroy();
    this.shadowRoots.clear();
  }

  /** Resolves once the marks show the new settings (first occurrence only puts the marks in order first). */
  applySettings(next: Settings): Promise<void> {
    const prev = this.settings;
    this.settings = next;
    this.painter.setStyle(next.highlightStyle);
    if (prev.firstOnly !== next.firstOnly || prev.hiddenCategories.join() !== next.hiddenCategories.join()) return this.refilter();
    return Promise.resolve();
  }

  /**
   * A burst of changes, or churn at the <body> level, asks for a full rescan; a page that changes nonstop gets
   * at most one a second, so it never keeps the extension busy.
   */
  private rescanSoon(): void {
    if (this.pendingRescan) return;
    const wait = Math.max(0, this.lastFullRescan + FULL_RESCAN_INTERVAL_MS - performance.now());
    this.pendingRescan = setTimeout(() => {
      this.pendingRescan = 0;
      void this.rescanAll();
    }, wait) as unknown as number;
  }

  /** `covered`: the matcher's keys hold every head of the document's text (PagedMatcher.coversDocument). */
  rescanAll(covered = false): Promise<unknown> {
    this.lastFullRescan = performance.now();
    this.scan?.abort();
    this.scan = null;
    this.queued.clear();
    this.painter.clear();
    // a page opened scrolled down (a restored position, an anchor) gets its visible part marked first;
    // at the top, document order already is visible-first, and asking would force a layout
    const win = this.doc.defaultView;
    const startNear = win && win.scrollY > win.innerHeight ? this.doc.elementFromPoint(win.innerWidth / 2, 1) : null;
    return this.enqueue([this.doc.body ?? this.doc.documentElement], startNear, covered);
  }

  /**
   * What the reader does is when to check for what no mutation record reports (see the file comment): listeners
   * on the document, passive, in the capture phase, one check per animation frame at most.
   */
  private watchReader(): void {
    const opts = { capture: true, passive: true, signal: this.listening.signal };
    const soon = () => this.checkSoon();
    this.doc.addEventListener('pointermove', (e) => {
      this.pointer = { x: e.clientX, y: e.clientY };
      this.checkSoon();
    }, opts);
    for (const type of ['pointerdown', 'keydown', 'focusin', 'scroll', 'input']) this.doc.addEventListener(type, soon, opts);
    // shadow roots attached by the page's scripts while it loaded
    if (this.doc.readyState !== 'complete') this.doc.defaultView?.addEventListener('load', () => void this.findNewShadowRoots(), { once: true, signal: this.listening.signal });
  }

  private checkSoon(): void {
    const win = this.doc.defaultView;
    if (this.checkFrame || !win) return;
    this.checkFrame = win.requestAnimationFrame(() => {
      this.checkFrame = 0;
      this.check();
    });
  }

  /**
   * Puts things right that the page changed without a mutation record: our highlights taken out of the registry
   * (CSS.highlights.clear(), delete) are registered again; a document switched to designMode loses its marks (and
   * gets them back when it leaves it); an open shadow root attached under the pointer since is scanned.
   */
  check(): void {
    this.painter.register();
    const editing = this.doc.designMode === 'on';
    if (editing !== this.editing) {
      this.editing = editing;
      if (editing) {
        this.scan?.abort();
        this.scan = null;
        this.queued.clear();
        this.painter.clear();
        this.onPainted();
      } else void this.rescanAll();
      return;
    }
    if (!editing && this.pointer) this.findShadowRootsAt(this.pointer.x, this.pointer.y);
  }

  /** Open shadow roots at a point of the viewport, through nested ones, that no scan has met: scanned now. */
  private findShadowRootsAt(x: number, y: number): void {
    // scanning the host walks the shadow roots inside it too; one inside what is never marked is passed through
    const shadow = unknownShadowRootAt(this.doc, x, y, (root) => this.shadowRoots.has(root) || isInsideSkipped(root.host));
    if (shadow) void this.enqueue([shadow.host]);
  }

  /** Every open shadow root that no scan has met (attached after its host was scanned): scanned now, in slices. */
  private async findNewShadowRoots(): Promise<void> {
    const signal = this.listening.signal;
    const found: ShadowRoot[] = [];
    await runInSlices(newShadowRoots(this.doc, this.shadowRoots), (root) => root && found.push(root), signal);
    if (found.length && !signal.aborted && !this.editing) await this.enqueue(found);
  }

  private onChanges(batch: ChangeBatch): void {
    this.check();
    if (this.editing) return;
    for (const el of batch.reset) this.painter.forgetInside(el);
    if (batch.full) {
      this.rescanSoon();
      return;
    }
    if (batch.removed) this.painter.sweep();
    // a root already waiting to be scanned, or inside one, is covered by that scan
    const roots = [...batch.roots].filter((root) => !isInsideSkipped(root) && !this.isQueued(root));
    if (roots.length) void this.enqueue(roots);
    else if (batch.removed || batch.reset.size) void this.afterPaint();
  }

  /** True when `node` or one of its ancestors is waiting in the scan queue. */
  private isQueued(node: Node): boolean {
    for (let n: Node | null = node; n; n = n.parentNode) if (this.queued.has(n)) return true;
    return false;
  }

  /** Rescans `roots` after any scan already running; a full rescan cancels what is queued. `covered`: see scanBlocks. */
  private enqueue(roots: Node[], startNear: Element | null = null, covered = false): Promise<unknown> {
    const controller = (this.scan ??= new AbortController());
    const signal = controller.signal;
    for (const root of roots) this.queued.add(root);
    const run = async () => {
      for (const root of roots) this.queued.delete(root);
      if (signal.aborted) return;
      // a block of inline elements that holds no term is passed over by the walk itself, without reading its
      // nodes: tested as scanBlocks would test it (matched at once when `covered`; with the filter once it is
      // here: until then every block is read, and scanBlocks waits for the filter)
      const paged = isPaged(this.matcher) ? this.matcher : null;
      const mayHoldTerm = paged
        ? (text: string, block: Element) => {
            if (covered && block.getRootNode() === this.doc) {
              const found = paged.find(text);
              this.lastFound = { text, found };
              return found.length > 0;
            }
            return paged.isReady ? paged.mayMatch(text) : undefined;
          }
        : undefined;
      const blocks = (function* (self: TermHighlighter) {
        for (const root of roots) {
          if (!root.isConnected) continue;
          if (root.nodeType === Node.ELEMENT_NODE) self.painter.forget(root as Element);
          if (root instanceof ShadowRoot) self.watchShadowRoot(root);
          yield* iterateBlocks(root, {
            onBlock: (el) => self.painter.forget(el),
            onShadowRoot: (sr) => self.watchShadowRoot(sr),
            startNear,
            mayHoldTerm,
          });
        }
      })(this);
      let shown = false;
      this.painter.hold();
      // one root walked from its start adds in document order: the page's terms in order need no walk of their own
      if (roots.length === 1 && !startNear) this.painter.startOrderedAdds(roots[0]);
      let done: boolean;
      try {
        done = await this.scanBlocks(blocks, covered, signal, (ms, painted) => {
          this.busyMs += ms;
          this.longestSliceMs = Math.max(this.longestSliceMs, ms);
          if (!shown && painted) {
            // the first marks are what the reader is looking at: show them now, hold the rest for one repaint
            shown = true;
            this.painter.release();
            this.painter.hold();
          }
        });
      } finally {
        this.painter.endOrderedAdds();
      }
      this.painter.release();
      if (done) await this.afterPaint();
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  /**
   * Matches and paints `blocks` in slices (schedule.ts): no slice runs past SLICE_BUDGET_MS but for one item, and
   * the page gets a turn between two. With a paged matcher, a frame's first words wait for its filter; a block
   * whose words hold no head is passed over; one whose heads are not all known yet waits, with the blocks after
   * it that may hold a term (so marks come in page order), until their keys arrive: fetched when a slice ends or
   * enough text waits, the main thread free meanwhile. `covered`: the matcher already holds the keys of every
   * head of the document's text (the first scan after the first pass, PagedMatcher.coversDocument), so a block
   * of the document (not of a shadow root) is matched without testing its words first. Returns false when
   * `signal` aborted the scan, or when the glossary could not be had.
   */
  private async scanBlocks(blocks: Iterable<Block | null>, covered: boolean, signal: AbortSignal, onSlice: (ms: number, painted: boolean) => void): Promise<boolean> {
    const paged = isPaged(this.matcher) ? this.matcher : null;
    // a scan starts in a task of its own: what ran before it in this one (the highlighter's start, the page's
    // own task whose mutations asked for it) is not counted in a slice's budget
    await yieldToPage();
    if (signal.aborted) return false;
    let sliceStart = performance.now();
    let painted = 0;
    const paint = (block: Block) => {
      painted += this.paintBlock(block);
    };
    /** ends the slice, and gives the page its turn (or waits for `until`, which leaves the thread free) */
    const pause = async (until?: Promise<unknown>) => {
      onSlice(performance.now() - sliceStart, painted > 0);
      await (until ?? yieldToPage());
      sliceStart = performance.now();
    };
    const waiting: Block[] = [];
    let waitingChars = 0;
    /** paints the blocks held for their keys, once the keys are in */
    const flush = async (): Promise<boolean> => {
      const loading = paged?.load();
      if (loading) await pause(loading);
      for (const block of waiting) {
        if (signal.aborted) return false;
        if (performance.now() - sliceStart > SLICE_BUDGET_MS) await pause();
        paint(block);
      }
      waiting.length = 0;
      waitingChars = 0;
      return !signal.aborted;
    };
    for (const block of blocks) {
      if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
        // what this slice found is painted before the page gets its turn
        if (waiting.length && !(await flush())) return false;
        await pause();
      }
      if (signal.aborted) return false;
      if (!block) continue; // a pause point of the walk
      if (!paged) {
        paint(block);
        continue;
      }
      if (!paged.isReady) {
        const ready = paged.ready();
        await pause(ready);
        if (!(await ready) || signal.aborted) return false;
      }
      if (!block.screened && !(covered && block.element.getRootNode() === this.doc) && !paged.mayMatch(windowOf(block).text)) continue;
      if (!waiting.length && !paged.pending) {
        paint(block);
        continue;
      }
      waiting.push(block);
      waitingChars += block.text.length;
      if (waitingChars > MAX_WAITING_CHARS && !(await flush())) return false;
    }
    if (waiting.length && !(await flush())) return false;
    onSlice(performance.now() - sliceStart, painted > 0);
    return !signal.aborted;
  }

  /** Matches one block and paints what it finds; returns how many matches. */
  private paintBlock(block: Block): number {
    const last = this.lastFound;
    this.lastFound = null;
    const found = last && block.from === undefined && last.text === block.text ? last.found : findIn(this.matcher, block);
    if (!found.length) return 0;
    const matches: PaintedMatch[] = [];
    for (const m of found) {
      const start = locateIn(block, m.start, false);
      const end = locateIn(block, m.end, true);
      const range = new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
      matches.push({ id: m.id, range, textNodes: end.index - start.index + 1 });
    }
    this.painter.add(block.element, matches);
    return matches.length;
  }

  private watchShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.observer.observe(root);
    adoptHighlightStyles(root);
  }

  /** Open shadow roots met so far (hit-testing needs them for caretPositionFromPoint). */
  get openShadowRoots(): ShadowRoot[] {
    return [...this.shadowRoots].filter((r) => r.host.isConnected);
  }

  private categoryFilter(): (m: PaintedMatch) => boolean {
    const settings = this.settings;
    return (m) => {
      const category = this.categories[m.id];
      return !!category && isCategoryShown(settings, category);
    };
  }

  /**
   * Applies the category and first-occurrence settings to every match. The first occurrence of a term needs the
   * matches in document order, which takes a sliced walk (Painter.allMatches): a later call, or a change of the
   * settings meanwhile, wins over an earlier one still on its way.
   */
  private async refilter(): Promise<void> {
    const call = ++this.refilters;
    const byCategory = this.categoryFilter();
    if (!this.settings.firstOnly) {
      this.painter.setFilter(byCategory);
      return;
    }
    const ordered = await this.painter.allMatches();
    if (call !== this.refilters || this.listening.signal.aborted) return; // a later call wins; stopped meanwhile
    const first = new Set<StaticRange>();
    const seen = new Set<string>();
    for (const m of ordered) {
      if (!byCategory(m) || seen.has(m.id)) continue;
      seen.add(m.id);
      first.add(m.range);
    }
    this.painter.setFilter((m) => first.has(m.range));
  }

  private async afterPaint(): Promise<void> {
    if (this.settings.firstOnly) await this.refilter();
    this.onPainted();
  }

  /** Terms painted on the page with how often each occurs, in order of first appearance (a sliced walk: Painter.allMatches). */
  async pageTerms(): Promise<{ id: string; count: number }[]> {
    const counts = new Map<string, number>();
    for (const m of await this.painter.paintedMatches()) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    return [...counts].map(([id, count]) => ({ id, count }));
  }
}

/**
 * The matches of a block, or of one window of a long block: the window is read with WINDOW_CONTEXT characters on
 * each side, so a term across its edge is found by exactly one window (the one it starts in).
 */
function findIn(matcher: Matcher, block: Block): Match[] {
  if (block.from === undefined || block.until === undefined) return matcher.find(block.text);
  const { from, until } = block;
  const { text, offset } = windowOf(block);
  const out: Match[] = [];
  for (const m of matcher.find(text)) {
    const start = m.start + offset;
    if (start >= from && start < until) out.push({ start, end: m.end + offset, id: m.id });
  }
  return out;
}

/** The text a block (or a window of a long one, with its context) is matched in, and where it starts in the block's. */
function windowOf(block: Block): { text: string; offset: number } {
  if (block.from === undefined || block.until === undefined) return { text: block.text, offset: 0 };
  const offset = Math.max(0, block.from - WINDOW_CONTEXT);
  return { text: block.text.slice(offset, Math.min(block.text.length, block.until + WINDOW_CONTEXT)), offset };
}

/**
 * Where `offset` in `block`'s text is: its text node, the offset in that node, and the node's index in
 * `block.nodes`; at the boundary of two nodes, the end of the first when `preferEnd`, else the start of the second.
 */
function locateIn(block: Block, offset: number, preferEnd: boolean): { node: Text; offset: number; index: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo], offset: offset - starts[lo], index: lo };
}
