// collect: gather the page's text per block, so "writ of <em>mandamus</em>" is one string, while skipping
// what must never be marked: code, form fields, editors, hidden templates and the extension's own UI.
// Reading a page's text is the floor of what this can cost, so the walk is a native TreeWalker over text
// nodes only, with each element above some text looked at once (kept while the walk is inside it) and nothing else.

import { CARD_HOST_TAG, isCardHostName } from '@/components/card-host';
import { INLINE_TAGS, canHostShadow } from './tags';
import { hasWord } from '@/glossary/runtime/unicode-classes';

/** Elements whose text is never marked (and not walked into), by local name. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'kbd',
  'samp', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'button',
  CARD_HOST_TAG,
]);

/** A run of text nodes that read as one string. `starts[i]` is where nodes[i] begins in `text`. */
export interface Block {
  element: Element;
  text: string;
  nodes: Text[];
  starts: number[];
  /** `text` passed iterateBlocks' mayHoldTerm (the whole of it: the block is one run) */
  screened?: boolean;
  /** a window of a long block: only matches starting in [from, until) of `text` belong to this item */
  from?: number;
  until?: number;
}

export function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.localName);
}

function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName) || isCardHostName(el.localName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The element whose text a change inside `node` can affect: its nearest non-inline ancestor (or shadow host). */
export function blockOf(node: Node): Element | null {
  let el: Element | null;
  if (node.nodeType === Node.ELEMENT_NODE) el = node as Element;
  else if (node.parentElement) el = node.parentElement;
  else return node.parentNode instanceof ShadowRoot ? node.parentNode.host : null;
  while (isInline(el)) {
    if (el.parentElement) el = el.parentElement;
    else if (el.parentNode instanceof ShadowRoot) return el.parentNode.host;
    else break;
  }
  return el;
}

/** True if `node` sits inside something we never mark (an editor, code, our own UI). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el) || (el as HTMLElement).isContentEditable) return true;
  }
  const root = node.getRootNode();
  if (root instanceof ShadowRoot) return isInsideSkipped(root.host);
  return (node.ownerDocument ?? (node as Document)).designMode === 'on';
}

/** Elements inside a block that end a run of text there: line breaks, replaced elements, and skipped ones. */
const BREAK_TAGS = new Set([
  'br', 'hr', 'img', 'code', 'kbd', 'samp', 'pre', 'button', 'select', 'input', 'textarea', 'svg', 'math', 'canvas', 'iframe',
  'object', 'embed', 'video', 'audio', 'script', 'style', 'noscript', 'template', CARD_HOST_TAG,
]);

/**
 * How much is done between two chances to pause: text nodes walked, and characters tested (a block tested whole
 * counts one step per TESTED_CHARS_PER_STEP of its text). Each step costs a microsecond or two, so the caller
 * (which measures time) gets a say often enough to keep every task short.
 */
const STEPS_PER_PAUSE = 1000;
const TESTED_CHARS_PER_STEP = 8;
/**
 * Elements the scout looks at between two chances to pause. Fewer than text nodes: a block's look (isPlainBlock)
 * is a native query over its subtree, and on the 4 MB benchmark page, where the scout runs ahead through the whole
 * page (it has no break), a thousand of them took up to 20 ms at a time (issue 13).
 */
const SCOUT_STEPS_PER_PAUSE = 50;
/**
 * A block longer than this is matched window by window, each its own item, so no item takes long: matching and
 * painting a window of 8,000 characters (and its context) takes a few ms, within a slice's budget (schedule.ts).
 */
export const WINDOW_CHARS = 8_000;
/** Text each window reads before and after its own part, so terms across a window's edge are found once. */
export const WINDOW_CONTEXT = 1000;

/**
 * Any element that ends a block's text or stands outside it: whatever is not inline (a nested block, a break,
 * something skipped or of our own), and inline elements skipped by attribute.
 */
const NOT_PLAIN = `:not(${[...INLINE_TAGS].join(',')}),[hidden],[contenteditable]:not([contenteditable="false"])`;
/** The same, and <span>, the one inline element that can hold a shadow root (tags.ts: SHADOW_HOST_TAGS). */
const NOT_PLAIN_OR_SPAN = `${NOT_PLAIN},span`;

/**
 * Whether all of `el`'s text is one run of its own block: every element under it inline, none skipped (NOT_PLAIN,
 * or `notPlain`; `el` itself is not looked at). Its text then is `el.textContent`, read natively, with no JS
 * wrapper made for any node under it. One native query.
 */
function isPlainBlock(el: Element, notPlain = NOT_PLAIN): boolean {
  return el.firstElementChild === null || el.querySelector(notPlain) === null;
}

/** Where a text node's parent puts it: the block that owns its text, or null when it must never be marked. */
interface Placement {
  owner: Element | null;
  /** whether a run of the owner's text has been met (onBlock told) */
  met: boolean;
}

/**
 * Walks `root`'s elements in document order, lazily, a step at a time, for iterateBlocks: it finds the elements
 * that end a run of text (BREAK_TAGS, and elements skipped by attribute) without looking inside the skipped ones
 * (nor inside a block of inline elements with no <span>, where none can be), and notes the open shadow roots it
 * passes. One pass over the elements in all, however the text walk asks.
 */
class ElementScout {
  private readonly walker: TreeWalker;
  private done = false;
  /** an element whose subtree holds nothing the scout looks for (isPlainBlock): the next step passes over it */
  private passOver: Element | null = null;
  /** open shadow roots passed so far, with their hosts, in document order */
  readonly shadows: ShadowRoot[] = [];

  constructor(
    root: Node,
    private readonly flagged: ReadonlySet<Element>,
    from: Node = root,
  ) {
    this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    this.walker.currentNode = from;
  }

  /** Like a break: what is never scanned, nor walked into. */
  private isBreak(el: Element): boolean {
    return BREAK_TAGS.has(el.localName) || this.flagged.has(el) || isCardHostName(el.localName);
  }

  /**
   * The next element that ends a run, within `budget` steps: the element, null at the end of the walk, or
   * undefined when the budget ran out first (ask again). `stopAt`: go no further than this element.
   */
  nextBreak(budget: number, stopAt: Node | null = null): Element | null | undefined {
    if (this.done) return null;
    const w = this.walker;
    for (let i = 0; i < budget; i++) {
      const current = w.currentNode;
      // past a break, its subtree is not walked: on to the next sibling, climbing up as needed
      let el: Element | null;
      if (current.nodeType === Node.ELEMENT_NODE && current !== w.root && (current === this.passOver || this.isBreak(current as Element))) {
        el = w.nextSibling() as Element | null;
        while (!el && w.parentNode()) el = w.nextSibling() as Element | null;
      } else el = w.nextNode() as Element | null;
      if (!el || el === stopAt) {
        this.done = true;
        return null;
      }
      if (this.isBreak(el)) return el;
      const name = el.localName;
      if (canHostShadow(name)) {
        const shadow = el.shadowRoot;
        if (shadow && shadow.mode === 'open') this.shadows.push(shadow);
      }
      // a block of inline elements ends no run, and unless one is a <span> none can hold a shadow root (a custom
      // element is not inline): the walk passes over it (a <span> is looked at, in a step of its own)
      if (el.firstElementChild !== null && !INLINE_TAGS.has(name) && isPlainBlock(el, NOT_PLAIN_OR_SPAN)) this.passOver = el;
    }
    return undefined;
  }
}

/**
 * Walks `root` in document order and yields its text blocks, lazily, so the caller can work in slices; `null` now
 * and then means "nothing yet, pause here if you need to" (a long stretch of skipped text, many elements, a run of
 * thousands of text nodes). A block longer than WINDOW_CHARS is yielded once per window (`from`, `until`).
 *
 * The cost is linear in the size of the page, in steps that each take well under a few microseconds: text nodes are
 * walked with a native TreeWalker (like merely reading the page); each element above some text is looked at once
 * (kept while the walk is inside it) to learn its block and whether it is skipped; the elements are walked once
 * beside it (ElementScout) to find what ends a run, each matched to the text node that follows it by identity, never
 * by comparing positions (which costs as much as the siblings between two nodes), and to find open shadow roots,
 * which are walked after the light DOM and reported through `onShadowRoot`. `onBlock` sees each block element as it
 * is first met. With `mayHoldTerm`, a block of inline elements only is read whole (`textContent`) and tested
 * first, and its nodes are walked only when it may hold a term.
 */
export function* iterateBlocks(
  root: Node,
  hooks: {
    onBlock?: (el: Element) => void;
    onShadowRoot?: (root: ShadowRoot) => void;
    /** start at this element's block and wrap around, so what the reader sees is marked first */
    startNear?: Element | null;
    /**
     * Whether `block`'s whole text, `text`, may hold a term: false only when it cannot, undefined when it cannot
     * be told yet. Given, a block of inline elements only (isPlainBlock) is tested on its `textContent` before
     * its nodes are read: passed over without them when false (onBlock still sees it), `screened` when true. On a
     * page of 200,000 text nodes, making the JS wrapper of every node walked cost garbage-collection pauses of
     * 40-90 ms (issue 13).
     */
    mayHoldTerm?: (text: string, block: Element) => boolean | undefined;
  } = {},
): Generator<Block | null> {
  const doc = root.ownerDocument ?? (root as Document);
  if (doc.designMode === 'on') return;
  const mayHoldTerm = hooks.mayHoldTerm;
  const scope = root as ParentNode;
  if (root.nodeType === Node.ELEMENT_NODE && (isSkipped(root as Element) || isInsideSkipped(root))) return;
  // elements skipped by attribute, found natively in one query rather than asked one by one
  const flagged = new Set<Element>(scope.querySelectorAll('[hidden],[contenteditable]:not([contenteditable="false"])'));
  const top: Element = root instanceof ShadowRoot ? root.host : root.nodeType === Node.ELEMENT_NODE ? (blockOf(root) ?? (root as Element)) : (doc.body ?? doc.documentElement);
  // The ancestors of the last text node read, from `root` down, with their placements. Text comes in document
  // order, so the next node's ancestors are these, cut back to the nearest that holds it, and what lies below: each
  // element above some text is looked at once while the walk is inside it. Nodes are compared, never made keys of a
  // Map or Set: in the content scripts' world a key gets an identity hash, which keeps the node's JS wrapper alive
  // until a full garbage collection, and on a page of 200,000 text nodes the browser's table of those wrappers then
  // grew in steps (each a rehash of every entry) that held one step of the walk for 60-120 ms (issue 13).
  // (each phase starts them again from `root`)
  const stack: Node[] = [root];
  const stackPlacements: Placement[] = [];
  /** owners met in the first of two phases that the second may meet again: ancestors of where the first began */
  const metInFirstPhase: Element[] = [];

  const place = (parent: Node): Placement => {
    let depth = stack.length - 1;
    if (stack[depth] === parent) return stackPlacements[depth];
    while (depth > 0 && !stack[depth].contains(parent)) depth--;
    stack.length = depth + 1;
    stackPlacements.length = depth + 1;
    const chain: Node[] = [];
    for (let n: Node | null = parent; n && n !== stack[depth]; n = n.parentNode) chain.push(n);
    let above = stackPlacements[depth];
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i];
      let here: Placement;
      if (above.owner === null || n.nodeType !== Node.ELEMENT_NODE) here = above;
      else {
        const el = n as Element;
        const name = el.localName;
        if (SKIP_TAGS.has(name) || flagged.has(el) || isCardHostName(name)) here = { owner: null, met: false };
        else if (INLINE_TAGS.has(name)) here = above;
        else here = { owner: el, met: false };
      }
      stack.push(n);
      stackPlacements.push(here);
      above = here;
    }
    return above;
  };

  // the first text node after an element's subtree, inside root (TreeWalker.nextSibling climbs ancestors)
  const after = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textAfter = (el: Element): Node | null => {
    after.currentNode = el;
    return after.nextSibling();
  };

  let run: Block | null = null;
  let pieces: string[] = [];
  let length = 0;
  /** the text a screened run was tested on (its owner's textContent): the same string as its pieces joined */
  let tested = '';
  const close = (): Block | null => {
    const done = run;
    run = null;
    if (!done) return null;
    // a screened run holds every text node of its owner, in order, and nothing else: of the same length, the two
    // are the same string, and the one already made is kept (on the 4.0 MB page, most of its text is in such runs)
    if (done.screened && tested.length === length) done.text = tested;
    else done.text = pieces.length === 1 ? pieces[0] : pieces.join('');
    return hasWord(done.text) ? done : null;
  };
  /** A finished block as items: itself, or one per window when it is long. */
  function* emit(block: Block | null): Generator<Block> {
    if (!block) return;
    const n = block.text.length;
    if (n <= WINDOW_CHARS + WINDOW_CONTEXT) {
      yield block;
      return;
    }
    for (let from = 0; from < n; from += WINDOW_CHARS) yield { ...block, from, until: Math.min(n, from + WINDOW_CHARS) };
  }

  // visible first: from the block at the top of the viewport to the end, then from the start up to it
  const startBlock = hooks.startNear && root.contains(hooks.startNear) ? blockOf(hooks.startNear) : null;
  const phases: Node[] = startBlock && startBlock !== root ? [startBlock, root] : [root];
  const shadows = new Set<ShadowRoot>();
  let stopAt: Node | null = null;
  let steps = 0;
  for (const from of phases) {
    stack.length = 1;
    stackPlacements.length = 1;
    stackPlacements[0] = { owner: top, met: false };
    const scout = new ElementScout(root, flagged, from);
    // the next element that ends a run (undefined: not found yet), and the text node it makes start a new run
    let startsRun: Node | null = null;
    const nextBreak = function* (): Generator<null> {
      for (;;) {
        const el = scout.nextBreak(SCOUT_STEPS_PER_PAUSE, from === root ? startBlock : null);
        if (el === undefined) {
          yield null;
          continue;
        }
        startsRun = el && textAfter(el);
        return;
      }
    };
    yield* nextBreak();
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    if (from !== root) walker.currentNode = from;
    let first = true;
    /** where the walk goes on after a block passed over: the first text after it (null: none), else undefined */
    let resumeAt: Node | null | undefined;
    const advance = (): Node | null => {
      if (resumeAt === undefined) return walker.nextNode();
      const next = resumeAt;
      resumeAt = undefined;
      return next;
    };
    for (let node = walker.nextNode(); node && node !== stopAt; node = advance()) {
      if (first) {
        if (from !== root) stopAt = node; // the second phase ends where the first began
        first = false;
      }
      let crossed = false;
      while (startsRun === node) {
        crossed = true;
        yield* nextBreak(); // several breaks in a row start the same run
      }
      if (++steps >= STEPS_PER_PAUSE) {
        steps = 0;
        yield null;
      }
      const placement = place(node.parentNode!);
      const owner = placement.owner;
      if (!owner) continue;
      const r = run as Block | null;
      if (r === null || r.element !== owner || crossed) {
        yield* emit(close());
        let screened = false;
        if (!placement.met) {
          placement.met = true;
          // (only an element that holds where the first phase began has text in both phases)
          if (from !== root) {
            if (owner.contains(stopAt)) metInFirstPhase.push(owner);
            hooks.onBlock?.(owner);
          } else if (!metInFirstPhase.includes(owner)) hooks.onBlock?.(owner);
          let test: boolean | undefined;
          if (mayHoldTerm !== undefined && owner !== top && isPlainBlock(owner)) {
            tested = owner.textContent ?? '';
            steps += tested.length / TESTED_CHARS_PER_STEP;
            test = mayHoldTerm(tested, owner);
          }
          if (test === false) {
            // the block's one run (it has no other) cannot hold a term: on from the first text after it
            walker.currentNode = owner;
            resumeAt = walker.nextSibling();
            continue;
          }
          screened = test === true;
        }
        run = { element: owner, text: '', nodes: [], starts: [], screened };
        pieces = [];
        length = 0;
      }
      const data = (node as Text).data;
      const current = run as unknown as Block;
      current.nodes.push(node as Text);
      current.starts.push(length);
      pieces.push(data);
      length += data.length;
    }
    yield* emit(close());
    // the rest of this phase's elements, for their shadow roots
    while (scout.nextBreak(SCOUT_STEPS_PER_PAUSE, from === root ? startBlock : null) !== null) yield null;
    for (const shadow of scout.shadows) shadows.add(shadow);
  }

  // open shadow roots (their hosts are not inside anything skipped: the scout does not walk into that); root's own too
  const own = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  for (const shadow of own?.mode === 'open' ? [own, ...shadows] : shadows) {
    hooks.onShadowRoot?.(shadow);
    yield* iterateBlocks(shadow, hooks);
  }
}

/**
 * Open shadow roots under `root` (and inside the open shadow roots `known` already holds) that `known` does not
 * hold: roots attached after their host was scanned. Hosts inside something skipped are left out. Yields `null`
 * now and then, as iterateBlocks does, so the caller can pause.
 */
export function* newShadowRoots(root: Node, known: ReadonlySet<ShadowRoot>): Generator<ShadowRoot | null> {
  const scout = new ElementScout(root, new Set());
  let seen = 0;
  for (;;) {
    const el = scout.nextBreak(SCOUT_STEPS_PER_PAUSE);
    for (; seen < scout.shadows.length; seen++) {
      const shadow = scout.shadows[seen];
      if (known.has(shadow)) yield* newShadowRoots(shadow, known);
      else if (!isInsideSkipped(shadow.host)) yield shadow;
    }
    if (el === null) return;
    if (el === undefined) yield null;
  }
}

/** Every block of `root` (windows of long blocks included), at once: for tests and small roots. */
export function collectBlocks(root: Node): Block[] {
  return [...iterateBlocks(root)].filter((b): b is Block => b !== null);
}
