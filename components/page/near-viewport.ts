// near-viewport: which blocks of a page with many marks have their ranges registered, following the reader's
// scrolling (paint.ts registers those only). Every change to any highlight makes Chromium re-register every range
// of every highlight in a rendering task that also grows with the page (35-60 ms on the 4.0 MB benchmark page
// however few ranges), so the registered blocks change seldom: all those within NEAR_VIEWPORTS of the viewport at
// once, and again once the reader has scrolled MOVE_VIEWPORTS away. Not an IntersectionObserver: observing every
// block with marks (about 8,000 on that page) cost it 5-6 ms of every frame while it scrolled (issue 13), where a
// scroll listener costs a subtraction. Measuring every block's box costs 40-60 ms there, so it runs in slices.
import { runInSlices } from './schedule';

/** Blocks within this many viewport heights above or below the viewport are registered at each change. */
export const NEAR_VIEWPORTS = 5;
/** A change once the document, or a scroll container, has scrolled this many of its heights since the last. */
export const MOVE_VIEWPORTS = 3.5;
/** How long the reader must stop scrolling before a change (ms). */
export const SETTLE_MS = 100;
/** The longest a change waits for the reader to stop scrolling (ms). */
export const MAX_LAG_MS = 300;
/** Added blocks whose boxes are measured in one task, to tell whether they call for a change; more, a change. */
const ADDED_MEASURED_APART = 200;

/**
 * The blocks whose ranges are registered. The first set is measured in slices from a task of its own after start();
 * later ones after the reader scrolled, the window was resized, or a block with marks that is not registered was
 * added near the viewport (changeSoon). `onChange` gets each new set; `blocks()` gives every block with painted
 * marks. Content that moves without a scroll stays covered while it moves less than NEAR_VIEWPORTS (browsers keep
 * what is in view in place when content above it grows: scroll anchoring, which scrolls). A block with an empty box
 * counts as near: one of `display: contents` has no box while its text is laid out in its parent's, and one of
 * `display: none` (a closed section) may be shown without a scroll.
 */
export class NearBlocks {
  private registered = new Set<Element>();
  private measured = false;
  private lagFrom: number | null = null;
  /** blocks added since the last change that are not registered; null once a change is due whatever they are */
  private added: Set<Element> | null = new Set();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** the scroll offsets of the document and of the scroll containers seen, at the last change */
  private readonly scrolledAt = new Map<EventTarget, number>();
  private readonly listening = new AbortController();
  /** the measure on its way, aborted by a newer one or stop() */
  private measuring: AbortController | null = null;

  constructor(
    private readonly view: Window,
    private readonly blocks: () => Iterable<Element>,
    private readonly onChange: (registered: ReadonlySet<Element>) => void,
  ) {}

  start(): void {
    const options = { capture: true, passive: true, signal: this.listening.signal };
    // scroll events of scroll containers do not bubble; a capturing listener on the window hears them all
    this.view.addEventListener('scroll', (e) => this.onScroll(e.target), options);
    this.view.addEventListener('resize', () => this.changeSoon(), options);
    this.timer = setTimeout(() => void this.change(), 0);
  }

  /** Whether the first set was measured (until then, what was registered before stays). */
  get hasMeasured(): boolean {
    return this.measured;
  }

  registers(block: Element): boolean {
    return this.registered.has(block);
  }

  get registeredBlocks(): ReadonlySet<Element> {
    return this.registered;
  }

  /**
   * A block got painted marks: when it is not registered, a change soon if it is near then (its box alone is
   * measured first: a feed's items appended far below the reader change nothing).
   */
  noteAdded(block: Element): void {
    if (!this.measured || this.registered.has(block)) return;
    if (this.added) this.added.add(block);
    this.changeSoon(false);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.measuring?.abort();
    this.listening.abort();
  }

  private onScroll(target: EventTarget | null): void {
    if (!target) return;
    const doc = this.view.document;
    const isDocument = target === doc || target === doc.documentElement || target === this.view;
    const key = isDocument ? doc : target;
    const offset = isDocument ? this.documentScrolled() : (target as Element).scrollTop;
    const height = isDocument ? this.view.innerHeight : (target as Element).clientHeight;
    const at = this.scrolledAt.get(key);
    // a scroll container first heard of: where it is now stands for where it was at the last change
    if (at === undefined) this.scrolledAt.set(key, offset);
    else if (Math.abs(offset - at) >= MOVE_VIEWPORTS * height) this.changeSoon();
  }

  /**
   * Changes once the reader stops scrolling for SETTLE_MS, or MAX_LAG_MS after the first call at most; when only
   * added blocks asked for it (`always` false), only if one of them is near by then.
   */
  private changeSoon(always = true): void {
    if (always) this.added = null;
    const now = performance.now();
    this.lagFrom ??= now;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const added = this.added;
      if (!added || added.size > ADDED_MEASURED_APART || [...added].some((block) => this.isNear(block.getBoundingClientRect()))) void this.change();
      else this.settled();
    }, Math.max(0, Math.min(SETTLE_MS, this.lagFrom + MAX_LAG_MS - now)));
  }

  private settled(): void {
    clearTimeout(this.timer);
    this.lagFrom = null;
    this.added = new Set();
  }

  /** Whether a box (in the viewport's coordinates) is within NEAR_VIEWPORTS of the viewport, or empty. */
  private isNear(box: DOMRectReadOnly): boolean {
    return (box.width === 0 && box.height === 0) || overlaps(this.nearZone(0), box.top, box.bottom);
  }

  /**
   * How far the document is scrolled (px): how far its root element's box is above the viewport. Not
   * `window.scrollY`, which measured up to 15 ms a read on the 4.0 MB benchmark page between a scan's slices, right
   * after a block's box had been read at next to no cost (issue 13).
   */
  private documentScrolled(): number {
    return -(this.view.document.documentElement?.getBoundingClientRect().top ?? 0);
  }

  /** NEAR_VIEWPORTS above and below the viewport scrolled by `scrolled` (px, in the coordinates of the boxes it is compared with). */
  private nearZone(scrolled: number): Zone {
    const height = this.view.innerHeight;
    return { top: scrolled - NEAR_VIEWPORTS * height, bottom: scrolled + (NEAR_VIEWPORTS + 1) * height };
  }

  /**
   * Measures every block's box, in slices, and hands the near ones to onChange. Boxes are read in the document's
   * coordinates (the document may scroll between two slices) and compared with where it is scrolled at the end.
   * On a long page every part of this counts: 8,000 blocks on the 4.0 MB benchmark page, where reading the
   * window's scroll offset for each block, and an object per box, made the last slice and the step after it one
   * task of 64 ms (issue 13).
   */
  private async change(): Promise<void> {
    this.settled();
    this.measuring?.abort();
    const measuring = (this.measuring = new AbortController());
    // scrolling from now on counts towards the next change
    for (const key of this.scrolledAt.keys()) if (key !== this.view.document) this.scrolledAt.set(key, (key as Element).scrollTop);
    this.scrolledAt.set(this.view.document, this.documentScrolled());
    const blocks: Element[] = [];
    const tops: number[] = [];
    const bottoms: number[] = [];
    // how far the document is scrolled, read once a slice, after its first box: the layout that box may force can
    // move the document (scroll anchoring), and nothing else does until the slice ends
    let scrolled: number | null = null;
    const done = await runInSlices(
      this.blocks(),
      (block) => {
        const box = block.getBoundingClientRect();
        scrolled ??= this.documentScrolled();
        blocks.push(block);
        // an empty box: in view whatever the scrolling
        const empty = box.width === 0 && box.height === 0;
        tops.push(empty ? -Infinity : box.top + scrolled);
        bottoms.push(empty ? Infinity : box.bottom + scrolled);
      },
      measuring.signal,
      () => (scrolled = null),
    );
    if (!done) return;
    const zone = this.nearZone(this.documentScrolled());
    const near = new Set<Element>();
    for (let i = 0; i < blocks.length; i++) if (overlaps(zone, tops[i], bottoms[i])) near.add(blocks[i]);
    this.measured = true;
    this.registered = near;
    this.onChange(near);
  }
}

/** A stretch of the page from `top` to `bottom` (px). */
interface Zone {
  top: number;
  bottom: number;
}

const overlaps = (zone: Zone, top: number, bottom: number) => bottom > zone.top && top < zone.bottom;
