// scout: the content script's first pass over a frame. Most pages hold no legal term, and the content script runs
// in every frame of every page, so it carries nothing but this: it reads the frame's text (frame-text.ts), tests
// its words against the heads' Bloom filter (glossary/runtime/head-finder.ts), and only when they hold a head
// that the glossary has does it ask the background to inject the highlighter (entrypoints/highlighter/), which it
// then starts with what it learned (utils/highlighter-handoff.ts). Until then it watches for text the page adds
// later (a MutationObserver, as pages that render after load need), open shadow roots attached after the first
// read (at the load event and under the reader's pointer, as the highlighter does), and, while the extension is
// off for the site, for settings changes. A frame without a word never sends a message at all.
import { HeadFinder } from '@/glossary/runtime/head-finder';
import { HeadFilter } from '@/glossary/runtime/heads';
import type { FilterResponse } from '@/glossary/runtime/head-index';
import type { LoadAnswer } from '@/glossary/runtime/head-answers';
import type { Highlighter } from '@/utils/highlighter-handoff';
import type { ScriptContext } from '@/utils/script-context';
import { unknownShadowRootAt } from '@/components/page/shadow-at-point';
import { FrameTextReader, blockAround } from './frame-text';

/** What the scout needs of the background (background-link.ts); each may reject (the background gone). */
export interface ScoutLink {
  /** the heads' filter, or 'off' when the extension is off for this frame's site */
  filter(): Promise<FilterResponse | 'off'>;
  /** what the glossary has of `heads`; the background has injected the highlighter when it has any */
  load(heads: string[]): Promise<LoadAnswer | 'off'>;
  /** the injected highlighter, once registered */
  highlighter(): Highlighter | null;
  /** calls `listener` when the settings change; returns a function that stops it */
  watchSettings(listener: () => void): () => void;
  /** answers the popup's "which terms are on this page" for a frame with none; returns a function that stops it */
  answerNoTerms(): () => void;
}

/** Text nodes (and elements passed) read between two looks at the clock. */
const NODES_PER_STEP = 500;
/** The longest the scout works before it lets the page run (ms); well under the 50 ms of a long task. */
const SLICE_MS = 8;
/** The page's changes are read at most once in this many ms (a burst is read once; a change after a quiet spell at once). */
export const CHANGES_SETTLE_MS = 100;

/** Failed asks for the highlighter (a frame the background may not script, the background gone) before the first pass gives up. */
export const MAX_LOAD_FAILURES = 3;

const HAS_WORD = /[\p{L}\p{N}]/u;
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

type State = 'reading' | 'waiting' | 'off' | 'handed-off' | 'stopped';

export class PageScout {
  private state: State = 'waiting';
  private finder: HeadFinder | null = null;
  private filterResponse: FilterResponse | null = null;
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
    this.stops.push(this.link.answerNoTerms());
    if (this.doc.readyState !== 'complete') {
      (this.doc.defaultView ?? this.doc).addEventListener('load', () => this.findLateShadowRoots(), { once: true, signal: this.ctx.signal });
    }
    this.enqueue(root);
    void this.read();
  }

  /** Stops watching (the extension gone, or the highlighter started: it watches the frame from then on). */
  stop(): void {
    if (this.state !== 'handed-off') this.state = 'stopped';
    this.observer.disconnect();
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

  private addShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.has(root)) return;
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
        const reader = new FrameTextReader(root, (shadow) => this.addShadowRoot(shadow));
        for (let text = reader.read(NODES_PER_STEP); text !== null && this.state === 'reading'; text = reader.read(NODES_PER_STEP)) {
          if (text && HAS_WORD.test(text)) await this.test(text);
          if (performance.now() - sliceStart > SLICE_MS) {
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

  /** Tests one text: the filter first (asked once), then the heads its words hold, if any. */
  private async test(text: string): Promise<void> {
    const finder = this.finder ?? (await this.loadFilter());
    if (!finder || !finder.mayMatch(text) || !finder.hasWanted || this.state !== 'reading') return;
    const heads = finder.takeWanted();
    let answer: LoadAnswer | 'off';
    try {
      answer = await this.link.load(heads);
    } catch {
      // asked again with the next text that holds them, a few times at most
      for (const head of heads) finder.forget(head);
      if (++this.loadFailures >= MAX_LOAD_FAILURES) this.stop();
      return;
    }
    if (answer === 'off') return this.turnedOff();
    for (const head of heads) finder.settle(head, Object.hasOwn(answer.heads, head));
    if (answer.loaded) this.handOff(finder, answer);
  }

  private async loadFilter(): Promise<HeadFinder | null> {
    const answer = await this.link.filter().catch(() => null);
    if (answer === null) {
      // the background gone or the glossary unreadable (the background says so on its console): stay inert
      this.stop();
      return null;
    }
    if (answer === 'off') {
      this.turnedOff();
      return null;
    }
    this.filterResponse = answer;
    this.finder = new HeadFinder(new HeadFilter(answer.filter), answer.always.length > 0);
    return this.finder;
  }

  /** The extension is off for this site: read again from the start when the settings change. */
  private turnedOff(): void {
    if (this.state === 'off') return;
    this.state = 'off';
    this.finder = null;
    const unwatch = this.link.watchSettings(() => {
      unwatch();
      if (this.state !== 'off') return;
      this.state = 'waiting';
      const root = this.doc.documentElement;
      if (root) this.enqueue(root);
      void this.read();
    });
    this.stops.push(unwatch);
  }

  private handOff(finder: HeadFinder, found: LoadAnswer): void {
    const highlighter = this.link.highlighter();
    if (!highlighter || !this.filterResponse) return;
    this.state = 'handed-off';
    this.stop();
    highlighter.start(this.ctx, { filter: this.filterResponse, finder, found });
  }

  private onMutations(records: MutationRecord[]): void {
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

  /** Open shadow roots attached by the page's scripts while it loaded, which no read has met. */
  private findLateShadowRoots(): void {
    if (!this.active) return;
    const root = this.doc.documentElement;
    if (!root) return;
    try {
      const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
        const shadow = el.shadowRoot;
        if (shadow !== null) this.addShadowRoot(shadow);
      }
    } catch {
      return;
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
