// scout: the content script's first pass over a frame. Most pages hold no legal term, and the first pass runs in
// the top frame of every page (and in any other frame once it can show a word), so it carries nothing but this: it
// reads the frame's text (frame-text.ts) and hands it to the extension's background, which tests its words there,
// off the page's main thread (glossary/runtime/head-screen.ts), and only when they hold a head answers with the
// keys of those heads, the highlighter (entrypoints/highlighter/) then loaded into this frame (imported in Chrome,
// injected in Firefox: background-link.ts); the scout then starts the highlighter with them
// (utils/highlighter-handoff.ts). Until then it watches for text the page adds later (a MutationObserver, as pages
// that render after load need), open shadow roots attached after the first read (at the load event and under the
// reader's pointer, as the highlighter does), and, while the extension is off for the site, for settings changes.
// A frame without a word never sends a message at all.
//
// It is a few functions over one closure, with no script context until the hand-off, where the class it replaced
// had one from the start: on a page without terms it touches only what it needs (an AbortController and its
// signal's listeners are made only for the highlighter). Measured against the class, own CPU on the term-free
// article came out the same within the spread (9.4 against 9.7 ms, 21 loads; docs/performance-history.md). The
// script context the highlighter needs (utils/script-context.ts) is made at the hand-off; until then a newer copy
// of the script stops this one through the same slot (takeScriptSlot), and a timer finds the extension gone by its
// id.
import type { LoadAnswer } from '@/glossary/runtime/head-answers';
import { MAX_SCREEN_TEXT } from '@/utils/messages';
import type { Highlighter } from '@/utils/highlighter-handoff';
import { ContentScriptContext, extensionGone, takeScriptSlot } from '@/utils/script-context';
import { unknownShadowRootAt } from '@/components/page/shadow-at-point';
import { markFirstPass } from '@/utils/first-pass';
import { hasWord } from '@/glossary/runtime/unicode-classes';
import { FrameTextReader, ShadowRootSearch, blockAround } from './frame-text';

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

/** Hears the reader's pointer moves (utils/input-relay.ts) until the returned function is called. */
export type PointerMoves = (listener: (e: PointerEvent) => void) => () => void;

/** A running first pass. */
export interface FirstPass {
  /** Stops reading and watching (as when a newer copy of the script starts in the frame). */
  stop(): void;
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

/** The name of the content script (and of the context the highlighter is started with): a newer copy stops an older one. */
export const FIRST_PASS_NAME = 'content';

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

type State = 'reading' | 'waiting' | 'off' | 'handed-off' | 'stopped';

/**
 * Reads `doc`'s frame and keeps watching it, until a head the glossary has is found (then the highlighter takes
 * over) or the script is stopped (`stop`, a newer copy named `name` in the frame, the extension gone). Never throws.
 */
export function startFirstPass(doc: Document, link: ScoutLink, pointerMoves: PointerMoves, name = FIRST_PASS_NAME): FirstPass {
  let state: State = 'waiting';
  /** roots whose text is still to be read, in order (from `nextRoot` on) */
  let queue: Node[] = [];
  let nextRoot = 0;
  const queued = new Set<Node>();
  const shadowRoots = new WeakSet<ShadowRoot>();
  const observer = new MutationObserver(onMutations);
  let settleTimer = 0;
  let loadFailures = 0;
  let lastRead = -Infinity;
  let pointerFrame = 0;
  let pointerX = 0;
  let pointerY = 0;
  const stops: (() => void)[] = [];
  /** the page changed after the hand-off, before the highlighter took over watching it */
  let changedSinceHandOff = false;
  /** the page loaded while a read waited for the background: its open shadow roots are looked for once the read ends */
  let searchAfterRead = false;
  const pass: FirstPass = { stop: () => stop() };

  const root = doc.documentElement;
  if (!root) return pass;
  const releaseSlot = takeScriptSlot(name, () => stop());
  stops.push(releaseSlot);
  observer.observe(doc, OBSERVED);
  stops.push(pointerMoves(onPointer));
  // the popup reads this mark when no highlighter answers it: the page holds no term (utils/first-pass.ts)
  markFirstPass(true);
  // the first read looks at text nodes only; the open shadow roots are looked for once the page has loaded
  if (doc.readyState === 'complete') later(searchWhenRead, 0);
  else {
    const target = doc.defaultView ?? doc;
    const onLoad = () => searchWhenRead();
    target.addEventListener('load', onLoad, { once: true });
    stops.push(() => target.removeEventListener('load', onLoad));
  }
  enqueue(root);
  void read();
  return pass;

  /**
   * Stops watching (stopped, or the highlighter started: it watches the frame from then on).
   * `keepObserving`: the highlighter will ask whether the page changed meanwhile (handOff).
   */
  function stop(keepObserving = false): void {
    if (state !== 'handed-off') {
      state = 'stopped';
      markFirstPass(false);
    }
    if (!keepObserving) observer.disconnect();
    clearTimeout(settleTimer);
    if (pointerFrame) cancelAnimationFrame(pointerFrame);
    for (const s of stops.splice(0)) s();
  }

  function active(): boolean {
    return state === 'reading' || state === 'waiting';
  }

  /** Runs `run` after `ms` unless the script has stopped; stops it when the extension has gone meanwhile. */
  function later(run: () => void, ms: number): number {
    return setTimeout(() => {
      if (state === 'stopped') return;
      if (extensionGone()) return stop();
      run();
    }, ms) as unknown as number;
  }

  function enqueue(node: Node): void {
    if (queued.has(node)) return;
    queued.add(node);
    queue.push(node);
  }

  /** Reads `shadow` (once, unless `again`: the extension turned on again) and watches its changes. */
  function addShadowRoot(shadow: ShadowRoot, again = false): void {
    if (shadowRoots.has(shadow)) {
      if (again) enqueue(shadow);
      return;
    }
    shadowRoots.add(shadow);
    observer.observe(shadow, OBSERVED);
    enqueue(shadow);
  }

  /** Reads the queued roots in slices, until a head the glossary has is found or nothing is left. */
  async function read(): Promise<void> {
    if (state !== 'waiting') return;
    state = 'reading';
    lastRead = performance.now();
    try {
      let sliceStart = lastRead;
      while (state === 'reading' && nextRoot < queue.length) {
        const next = queue[nextRoot++];
        if (nextRoot === queue.length) {
          queue = [];
          nextRoot = 0;
        }
        queued.delete(next);
        if (!next.isConnected) continue;
        // the document's elements are looked at for shadow roots apart (findLateShadowRoots); a part the page
        // added, or a shadow root, is read with its elements
        const isDocument = next === doc.documentElement;
        const reader = new FrameTextReader(next, isDocument ? null : addShadowRoot);
        let first = true;
        for (let text = reader.read(NODES_PER_STEP, CHARS_PER_STEP, sliceStart + SLICE_MS); text !== null && state === 'reading'; text = reader.read(NODES_PER_STEP, CHARS_PER_STEP, sliceStart + SLICE_MS)) {
          // the document's whole text in one read and one message, no word of it split between two nodes (whose
          // glued form is not in its place among the other words): its heads are all the page's (handOff checks
          // that nothing else waits)
          const whole = isDocument && first && reader.finished && !reader.splitsWords && text.length <= MAX_SCREEN_TEXT;
          first = false;
          if (text && hasWord(text)) {
            await test(text, whole);
            // the background's answer comes in a task of its own: a new slice
            sliceStart = performance.now();
          } else if (performance.now() - sliceStart > SLICE_MS) {
            await new Promise<void>((resume) => later(resume, 0));
            sliceStart = performance.now();
          }
        }
      }
    } catch {
      // a page can make reading throw (a node removed mid-walk, a getter of its own): the next change reads again
    } finally {
      if (state === 'reading') state = 'waiting';
    }
    if (state === 'waiting' && searchAfterRead) {
      searchAfterRead = false;
      void findLateShadowRoots(); // which reads what is queued when it ends
    } else if (state === 'waiting' && nextRoot < queue.length) void read();
  }

  /**
   * Looks for the open shadow roots once the page has loaded, or, when a read is waiting for the background's
   * answer, once that read ends without a hand-off. On a page with terms the answer is usually the hand-off, and
   * the highlighter then finds the shadow roots in its own walk: a search meanwhile would walk every element for
   * nothing. On the 4.0 MB benchmark page it did, in slices of 14-24 ms of wall time, 5-18 ms of them scavenges
   * of the element wrappers it made, the longest of Legal Lens's tasks in 3 of 8 loads (issue 13).
   */
  function searchWhenRead(): void {
    if (state === 'reading') searchAfterRead = true;
    else void findLateShadowRoots();
  }

  /**
   * Has the background test one text (in pieces, if it is longer than a message may be), and acts on its answer.
   * `whole`: the text is the frame's whole document (its shadow roots aside), read at once, in one message.
   */
  async function test(text: string, whole: boolean): Promise<void> {
    for (let at = 0; at < text.length && state === 'reading'; at += MAX_SCREEN_TEXT - SCREEN_OVERLAP) {
      let answer: LoadAnswer | 'off' | null;
      try {
        answer = await link.screen(text.length <= MAX_SCREEN_TEXT ? text : text.slice(at, at + MAX_SCREEN_TEXT));
      } catch {
        // the background gone, a frame it may not script: read again with the next change, a few times at most
        if (++loadFailures >= MAX_LOAD_FAILURES) stop();
        return;
      }
      if (state !== 'reading') return; // stopped while the background answered
      if (answer === null) return stop(); // the glossary is unreadable: stay inert
      if (answer === 'off') return turnedOff();
      if (answer.loaded) return handOff(answer, whole);
      if (text.length <= MAX_SCREEN_TEXT) return;
    }
  }

  /** The extension is off for this site: read again from the start when the settings change. */
  function turnedOff(): void {
    state = 'off';
    const unwatch = link.watchSettings(() => {
      unwatch();
      if (state !== 'off') return;
      state = 'waiting';
      searchAfterRead = false; // searched below
      const documentRoot = doc.documentElement;
      if (documentRoot) enqueue(documentRoot);
      void read();
      void findLateShadowRoots(true);
    });
    stops.push(unwatch);
  }

  /**
   * Starts the highlighter with the heads the background found, and the script context it runs in (made now:
   * the first pass gives its slot to it). When they are all the heads of the document's text (`whole`), the
   * highlighter is told so, and asks, when it starts watching the page itself, whether the page changed since:
   * until then this scout's observer keeps watching (HeadStart.unchanged).
   */
  function handOff(found: LoadAnswer & { loaded: true }, whole: boolean): void {
    const highlighter = link.highlighter();
    if (!highlighter) return;
    // a change read in the meantime, or one not yet delivered, is text the background has not screened
    const covered = whole && nextRoot >= queue.length && observer.takeRecords().length === 0;
    state = 'handed-off';
    stop(covered);
    const ctx = new ContentScriptContext(name);
    highlighter.start(ctx, { filter: found.filter, found, unchanged: covered ? unchangedSinceHandOff : undefined });
  }

  /** Whether the page has not changed since the hand-off; stops watching it (asked once, by the highlighter). */
  function unchangedSinceHandOff(): boolean {
    const unchanged = !changedSinceHandOff && observer.takeRecords().length === 0;
    changedSinceHandOff = true; // asked once: any later answer is "changed"
    observer.disconnect();
    return unchanged;
  }

  function onMutations(records: MutationRecord[]): void {
    if (state === 'handed-off') changedSinceHandOff = true;
    if (!active()) return;
    for (const record of records) {
      if (record.type === 'characterData') enqueue(blockAround(record.target));
      else if (record.addedNodes.length) {
        for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) enqueue(blockAround(node));
      }
    }
    if (settleTimer || nextRoot >= queue.length) return;
    // a change after a quiet spell is read at once; changes that keep coming, at most once per CHANGES_SETTLE_MS
    settleTimer = later(() => {
      settleTimer = 0;
      void read();
    }, Math.max(0, lastRead + CHANGES_SETTLE_MS - performance.now()));
  }

  /**
   * Open shadow roots in the page once it has loaded (attached while it was parsed or by its scripts), which no
   * read has met (or, `again`, every one: the extension turned on again), looked for in slices like the reading.
   */
  async function findLateShadowRoots(again = false): Promise<void> {
    const documentRoot = doc.documentElement;
    if (!active() || !documentRoot) return;
    try {
      const search = new ShadowRootSearch(documentRoot);
      let sliceStart = performance.now();
      for (let found = search.next(ELEMENTS_PER_STEP); found !== null && active(); found = search.next(ELEMENTS_PER_STEP)) {
        for (const shadow of found) addShadowRoot(shadow, again);
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise<void>((resume) => later(resume, 0));
          sliceStart = performance.now();
        }
      }
    } catch {
      // a page can make the search throw (a node removed mid-walk, a getter of its own): pointing reads them later
    }
    void read();
  }

  function onPointer(e: PointerEvent): void {
    if (!active()) return;
    pointerX = e.clientX;
    pointerY = e.clientY;
    if (pointerFrame) return;
    pointerFrame = requestAnimationFrame(() => {
      pointerFrame = 0;
      if (active()) findShadowRootsAt(pointerX, pointerY);
    });
  }

  /** An open shadow root at a point of the viewport that no read has met: read now. */
  function findShadowRootsAt(x: number, y: number): void {
    const shadow = unknownShadowRootAt(doc, x, y, (known) => shadowRoots.has(known));
    if (!shadow) return;
    addShadowRoot(shadow);
    void read();
  }
}
