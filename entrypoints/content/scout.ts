// scout: the content script's first pass over a frame. Most pages hold no legal term, and the content script runs
// in every frame of every page, so it carries nothing but this: it reads the frame's text (frame-text.ts) and
// hands it to the extension's background, which tests its words there, off the page's main thread
// (glossary/runtime/head-screen.ts), and only when they hold a head answers with the keys of those heads, the
// highlighter (entrypoints/highlighter/) then loaded into this frame (imported in Chrome, injected in Firefox:
// background-link.ts); the scout then starts the highlighter with them (utils/highlighter-handoff.ts). Until then it watches for text the page adds
// later (a MutationObserver, as pages that render after load need), open shadow roots attached after the first
// read (at the load event and under the reader's pointer, as the highlighter does), and, while the extension is
// off for the site, for settings changes. A frame without a word never sends a message at all.
import type { LoadAnswer } from '@/glossary/runtime/head-answers';
import { MAX_SCREEN_TEXT } from '@/utils/messages';
import type { Highlighter } from '@/utils/highlighter-handoff';
import type { ScriptContext } from '@/utils/script-context';
import { unknownShadowRootAt } from '@/components/page/shadow-at-point';
import { markFirstPass } from '@/utils/first-pass';
import { FrameTextReader, ShadowRootSearch, blockAround, hasWord } from './frame-text';

/** What the scout needs of the background (background-link.ts); each may reject (the background gone). */
export interface ScoutLink {
  /**
   * The keys of the heads `text` (at most MAX_SCREEN_TEXT characters) holds, the highlighter registered in this
   * frame when there are any (in Chrome imported by the link itself, else injected by the background); 'off'
   * when the extension is off for this frame's site; null when the glossary is unreadable (the background says so
   * on its console).
   */
  screen(text: string): Promise<LoadAnswer | 'off' | null>;
  /** the injected highlighter, once registered */
  highlighter(): Highlighter | null;
  /** calls `listener` when the settings change; returns a function that stops it */
  watchSettings(listener: () => void): () => void;
}

/**
 * Text nodes (and elements passed) read between two looks at the clock, and the characters they may hold: each
 * step's text is one message, whose copying the step pays for (an article is one step; a 4 MB page is sent in
 * pieces that each cost a few ms).
 */
const NODES_PER_STEP = 2000;
/** Elements looked at for shadow roots between two looks at the clock. */
const ELEMENTS_PER_STEP = 200;
const CHARS_PER_STEP = 65_536;
/** The longest the scout works before it lets the page run (ms); well under the 50 ms of a long task. */
const SLICE_MS = 8;
/** The page's changes are read at most once in this many ms (a burst is read once; a change after a quiet spell at once). */
export const CHANGES_SETTLE_MS = 100;

/** Characters the pieces of a text too long for one message share, so that no head is cut in two (heads.ts: MAX_HEAD_LENGTH). */
const SCREEN_OVERLAP = 1000;

/** Failed asks for the highlighter (a frame the background may not script, the background gone) before the first pass gives up. */
export const MAX_LOAD_FAILURES = 3;

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

type State = 'reading' | 'waiting' | 'off' | 'handed-off' | 'stopped';

export class PageScout {
  private state: State = 'waiting';
  /** roots whose text is still to be read, in order (from `nextRoot` on) */
  private queue: Node[] = [];
  private nextRoot = 0;
  private readonly queued = new Set<Node>();
  private readonly shadowRoots = new WeakSet<ShadowRoot>();
  private readonly observer: MutationObserver;
  private settleTimer = 0;
  private loadFailures = 0;
  private lastRead = -Infinity;
  private pointerFrame = 0;
  private pointer: { x: number; y: number } | null = null;
  private readonly stops: (() => void)[] = [];
  /** the page changed after the hand-off, before the highlighter took over watching it */
  private changedSinceHandOff = false;

  constructor(
    private readonly doc: Document,
    private readonly link: ScoutLink,
    private readonly ctx: ScriptContext,
    /** `onPointerMove` hears the reader's pointer (utils/input-relay.ts); the scout looks under it for late shadow roots */
    onPointerMove: (listener: (e: PointerEvent) => void, signal: AbortSignal) => void,
  ) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    onPointerMove((e) => this.onPointer(e), ctx.signal);
    ctx.onInvalidated(() => this.stop());
  }

  /** Reads the frame and keeps watching it. Never throws. */
  start(): void {
    const root = this.doc.documentElement;
    if (!root) return;
    this.observer.observe(this.doc, OBSERVED);
    // the popup reads this mark when no highlighter answers it: the page holds no term (utils/first-pass.ts)
    markFirstPass(true);
    // the first read looks at text nodes only; the open shadow roots are looked for once the page has loaded
    if (this.doc.readyState === 'complete') this.ctx.setTimeout(() => void this.findLateShadowRoots(), 0);
    else (this.doc.defaultView ?? this.doc).addEventListener('load', () => void this.findLateShadowRoots(), { once: true, signal: this.ctx.signal });
    this.enqueue(root);
    void this.read();
  }

  /**
   * Stops watching (the extension gone, or the highlighter started: it watches the frame from then on).
   * `keepObserving`: the highlighter will ask whether the page changed meanwhile (handOff).
   */
  stop(keepObserving = false): void {
    if (this.state !== 'handed-off') {
      this.state = 'stopped';
      markFirstPass(false);
    }
    if (!keepObserving) this.observer.disconnect();
    clearTimeout(this.settleTimer);
    if (this.pointerFrame) cancelAnimationFrame(this.pointerFrame);
    for (const stop of this.stops.splice(0)) stop();
  }

  private get active(): boolean {
    return this.state === 'reading' || this.state === 'waiting';
  }

  private enqueue(root: Node): void {
    if (this.queued.has(root)) return;
    this.queued.add(root);
    this.queue.push(root);
  }

  /** Reads `root` (once, unless `again`: the extension turned on again) and watches its changes. */
  private addShadowRoot(root: ShadowRoot, again = false): void {
    if (this.shadowRoots.has(root)) {
      if (again) this.enqueue(root);
      return;
    }
    this.shadowRoots.add(root);
    this.observer.observe(root, OBSERVED);
    this.enqueue(root);
  }

  /** Reads the queued roots in slices, until a head the glossary has is found or nothing is left. */
  private async read(): Promise<void> {
    if (this.state !== 'waiting') return;
    this.state = 'reading';
    this.lastRead = performance.now();
    try {
      let sliceStart = performance.now();
      while (this.state === 'reading' && this.nextRoot < this.queue.length) {
        const root = this.queue[this.nextRoot++];
        if (this.nextRoot === this.queue.length) {
          this.queue = [];
          this.nextRoot = 0;
        }
        this.queued.delete(root);
        if (!root.isConnected) continue;
        // the document's elements are looked at for shadow roots apart (findLateShadowRoots); a part the page
        // added, or a shadow root, is read with its elements
        const isDocument = root === this.doc.documentElement;
        const reader = new FrameTextReader(root, isDocument ? null : (shadow) => this.addShadowRoot(shadow));
        let first = true;
        const step = () => reader.read(NODES_PER_STEP, CHARS_PER_STEP, sliceStart + SLICE_MS);
        for (let text = step(); text !== null && this.state === 'reading'; text = step()) {
          // the document's whole text in one read and one message, no word of it split between two nodes (whose
          // glued form is not in its place among the other words): its heads are all the page's (handOff checks
          // that nothing else waits)
          const whole = isDocument && first && reader.finished && !reader.splitsWords && text.length <= MAX_SCREEN_TEXT;
          first = false;
          if (text && hasWord(text)) {
            await this.test(text, whole);
            // the background's answer comes in a task of its own: a new slice
            sliceStart = performance.now();
          } else if (performance.now() - sliceStart > SLICE_MS) {
            await new Promise<void>((resume) => this.ctx.setTimeout(resume, 0));
            sliceStart = performance.now();
          }
        }
      }
    } catch {
      // a page can make reading throw (a node removed mid-walk, a getter of its own): the next change reads again
    } finally {
      if (this.state === 'reading') this.state = 'waiting';
    }
    if (this.state === 'waiting' && this.nextRoot < this.queue.length) void this.read();
  }

  /**
   * Has the background test one text (in pieces, if it is longer than a message may be), and acts on its answer.
   * `whole`: the text is the frame's whole document (its shadow roots aside), read at once, in one message.
   */
  private async test(text: string, whole: boolean): Promise<void> {
    for (let at = 0; at < text.length && this.state === 'reading'; at += MAX_SCREEN_TEXT - SCREEN_OVERLAP) {
      let answer: LoadAnswer | 'off' | null;
      try {
        answer = await this.link.screen(text.length <= MAX_SCREEN_TEXT ? text : text.slice(at, at + MAX_SCREEN_TEXT));
      } catch {
        // the background gone, a frame it may not script: read again with the next change, a few times at most
        if (++this.loadFailures >= MAX_LOAD_FAILURES) this.stop();
        return;
      }
      if (answer === null) return this.stop(); // the glossary is unreadable: stay inert
      if (answer === 'off') return this.turnedOff();
      if (answer.loaded) return this.handOff(answer, whole);
      if (text.length <= MAX_SCREEN_TEXT) return;
    }
  }

  /** The extension is off for this site: read again from the start when the settings change. */
  private turnedOff(): void {
    if (this.state === 'off') return;
    this.state = 'off';
    const unwatch = this.link.watchSettings(() => {
      unwatch();
      if (this.state !== 'off') return;
      this.state = 'waiting';
      const root = this.doc.documentElement;
      if (root) this.enqueue(root);
      void this.read();
      void this.findLateShadowRoots(true);
    });
    this.stops.push(unwatch);
  }

  /**
   * Starts the highlighter with the heads the background found. When they are all the heads of the document's
   * text (`whole`), the highlighter is told so, and asks, when it starts watching the page itself, whether the
   * page changed since: until then this scout's observer keeps watching (HeadStart.unchanged).
   */
  private handOff(found: LoadAnswer & { loaded: true }, whole: boolean): void {
    const highlighter = this.link.highlighter();
    if (!highlighter) return;
    // a change read in the meantime, or one not yet delivered, is text the background has not screened
    const covered = whole && this.nextRoot >= this.queue.length && this.observer.takeRecords().length === 0;
    this.state = 'handed-off';
    this.stop(covered);
    highlighter.start(this.ctx, { filter: found.filter, found, unchanged: covered ? () => this.unchangedSinceHandOff() : undefined });
  }

  /** Whether the page has not changed since the hand-off; stops watching it (asked once, by the highlighter). */
  private unchangedSinceHandOff(): boolean {
    const unchanged = !this.changedSinceHandOff && this.observer.takeRecords().length === 0;
    this.changedSinceHandOff = true; // asked once: any later answer is "changed"
    this.observer.disconnect();
    return unchanged;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.state === 'handed-off') this.changedSinceHandOff = true;
    if (!this.active) return;
    for (const record of records) {
      if (record.type === 'characterData') this.enqueue(blockAround(record.target));
      else if (record.addedNodes.length) {
        for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) this.enqueue(blockAround(node));
      }
    }
    if (this.settleTimer || this.nextRoot >= this.queue.length) return;
    // a change after a quiet spell is read at once; changes that keep coming, at most once per CHANGES_SETTLE_MS
    const wait = Math.max(0, this.lastRead + CHANGES_SETTLE_MS - performance.now());
    this.settleTimer = this.ctx.setTimeout(() => {
      this.settleTimer = 0;
      void this.read();
    }, wait);
  }

  /**
   * Open shadow roots in the page once it has loaded (attached while it was parsed or by its scripts), which no
   * read has met (or, `again`, every one: the extension turned on again), looked for in slices like the reading.
   */
  private async findLateShadowRoots(again = false): Promise<void> {
    const root = this.doc.documentElement;
    if (!this.active || !root) return;
    try {
      const search = new ShadowRootSearch(root);
      let sliceStart = performance.now();
      for (let found = search.next(ELEMENTS_PER_STEP); found !== null && this.active; found = search.next(ELEMENTS_PER_STEP)) {
        for (const shadow of found) this.addShadowRoot(shadow, again);
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise<void>((resume) => this.ctx.setTimeout(resume, 0));
          sliceStart = performance.now();
        }
      }
    } catch {
      // a page can make the search throw (a node removed mid-walk, a getter of its own): pointing reads them later
    }
    void this.read();
  }

  private onPointer(e: PointerEvent): void {
    if (!this.active) return;
    this.pointer = { x: e.clientX, y: e.clientY };
    if (this.pointerFrame) return;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      if (this.active && this.pointer) this.findShadowRootsAt(this.pointer.x, this.pointer.y);
    });
  }

  /** An open shadow root at a point of the viewport that no read has met: read now. */
  private findShadowRootsAt(x: number, y: number): void {
    const shadow = unknownShadowRootAt(this.doc, x, y, (root) => this.shadowRoots.has(root));
    if (!shadow) return;
    this.addShadowRoot(shadow);
    void this.read();
  }
}
