// frame-text: a frame's text as the content script's first pass (scout.ts) reads it, to learn whether the page
// may hold a term at all. It must never miss a word the highlighter would read (entrypoints/highlighter/, whose
// walk is components/page/collect.ts), and it must cost next to nothing, so it reads more rather than less:
// every text node, hidden or not, joined by line breaks (so "<h2>Title</h2><p>Asylum" is two words, not
// "titleasylum"); and where two nodes touch with no space between ("asy<b>lum</b>", "2<b>87</b>(g)", which an
// inline element makes one word for the highlighter), the run of touching nodes again glued together. Extra
// words only cost a test.
import { INLINE_TAGS } from '@/components/page/tags';

/** Elements whose text is never the page's words (a script's, a style's), which the highlighter never reads either. */
const CODE_ELEMENTS = 'script,style,noscript,textarea';


/** Nodes FrameTextReader.read passes between two looks at the clock, when it has a deadline. */
export const READ_CLOCK_EVERY = 256;

/** A letter, a digit or a character past ASCII (the seam test of FrameTextReader.read). */
const isWordChar = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c >= 128;

/**
 * The element whose text a change at `node` can change, as the highlighter reads it: the nearest ancestor that
 * is not inline (or the shadow host, or the document's root element).
 */
export function blockAround(node: Node): Node {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (el === null) return node.parentNode ?? node;
  while (INLINE_TAGS.has(el.localName) && el.parentElement) el = el.parentElement;
  return el;
}

/**
 * The text nodes of the elements under `root` (and `root` itself) whose text is code, not words (CODE_ELEMENTS):
 * found by one native query, so that reading needs no look at each text node's parent.
 */
function codeTexts(root: Node): Set<Node> {
  const out = new Set<Node>();
  const el = root as Element & ParentNode;
  if (typeof el.querySelectorAll !== 'function') return out;
  const found: Element[] = [...el.querySelectorAll(CODE_ELEMENTS)];
  if (root.nodeType === Node.ELEMENT_NODE && el.matches(CODE_ELEMENTS)) found.push(el);
  for (const code of found) for (let child = code.firstChild; child; child = child.nextSibling) out.add(child);
  return out;
}

/**
 * The open shadow roots of the elements under `root`, and under those, at any depth, found a bounded number of
 * elements at a time (a 4 MB page has 50,000 elements: looked at all at once, that is a long task). Looked for
 * once the page has loaded: reading the text does not look at elements. Every element is looked at: a selector
 * of the elements that may hold one (tags.ts) was measured slower than looking at each.
 */
export class ShadowRootSearch {
  private readonly walkers: TreeWalker[] = [];

  constructor(root: Node) {
    this.walk(root);
  }

  /** The open shadow roots among up to `maxElements` more elements (searched in turn); null once all are done. */
  next(maxElements: number): ShadowRoot[] | null {
    if (!this.walkers.length) return null;
    const found: ShadowRoot[] = [];
    for (let i = 0; i < maxElements && this.walkers.length; i++) {
      const el = this.walkers[this.walkers.length - 1].nextNode() as Element | null;
      if (el === null) {
        this.walkers.pop();
        continue;
      }
      const shadow = el.shadowRoot;
      if (shadow !== null) {
        found.push(shadow);
        this.walk(shadow);
      }
    }
    return found;
  }

  private walk(root: Node): void {
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
    if (doc) this.walkers.push(doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT));
  }
}

/**
 * Reads the text under `root` (a document, an element or a shadow root) in document order, a bounded number of
 * nodes at a time. With `onShadowRoot` it also looks at each element it passes and reports its open shadow root
 * (which it does not enter: they are read on their own); without, it looks at text nodes only (cheaper: a
 * frame's first read, whose shadow roots ShadowRootSearch finds once the page has loaded).
 */
export class FrameTextReader {
  private readonly walker: TreeWalker | null;
  private readonly code: Set<Node>;
  private pending: string | null = null;
  private done = false;
  /** the run of nodes that touch with no space between so far, and whether it holds more than one node */
  private run = '';
  private runGlued = false;
  /** the last character read so far, and the one before it (0: none) */
  private last = 0;
  private beforeLast = 0;
  private split = false;
  /** the last text node read so far */
  private previous: Node | null = null;

  constructor(
    root: Node,
    private readonly onShadowRoot: ((root: ShadowRoot) => void) | null = null,
  ) {
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
    this.code = codeTexts(root);
    if (root.nodeType === Node.TEXT_NODE || !doc) {
      this.walker = null;
      this.pending = root.nodeType === Node.TEXT_NODE ? (root as Text).data : null;
    } else this.walker = doc.createTreeWalker(root, onShadowRoot ? NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT : NodeFilter.SHOW_TEXT);
  }

  /**
   * Whether a seam between two nodes of one block read so far falls inside a word ("man<b>da</b>mus",
   * "U.<i>S.</i>C."; not "<h2>Notes</h2><p>Asylum", which the highlighter reads as two blocks): then only the
   * glued runs, appended after the lines, hold that word whole, not in its place among the others.
   */
  get splitsWords(): boolean {
    return this.split;
  }

  /** Whether the whole root has been read (the last read returned its last text). */
  get finished(): boolean {
    return this.done || (this.walker === null && this.pending === null);
  }

  /**
   * The text of up to `maxNodes` more nodes, or of as many as reach `maxChars` characters (at least one node), or
   * of those read until the clock (performance.now(), ms) passes `deadline`, looked at every READ_CLOCK_EVERY nodes:
   * each text node's data on a line of its own, then each run of nodes that touch with no space between, glued, on
   * a line of its own. '' when those nodes hold no text; null once the whole root has been read.
   */
  read(maxNodes: number, maxChars = Infinity, deadline = Infinity): string | null {
    const walker = this.walker;
    if (walker === null) {
      const text = this.pending;
      this.pending = null;
      return text;
    }
    if (this.done) return null;
    const parts: string[] = [];
    let glued: string[] | null = null;
    let ended = false;
    const code = this.code.size ? this.code : null;
    const onShadowRoot = this.onShadowRoot;
    // the run in locals while the loop runs (this loop is most of what a page without terms costs)
    let run = this.run;
    let runGlued = this.runGlued;
    let last = this.last;
    let beforeLast = this.beforeLast;
    let split = this.split;
    let previous = this.previous;
    let chars = 0;
    for (let i = 0; i < maxNodes && chars < maxChars; i++) {
      // (a frame's first read runs cold, in the interpreter, in the task that evaluates the script: on a slow
      // machine, 2,000 nodes of it took tens of ms)
      if (i % READ_CLOCK_EVERY === READ_CLOCK_EVERY - 1 && deadline !== Infinity && performance.now() > deadline) break;
      const node = walker.nextNode();
      if (node === null) {
        ended = true;
        break;
      }
      if (onShadowRoot !== null && node.nodeType !== Node.TEXT_NODE) {
        const shadow = (node as Element).shadowRoot;
        if (shadow !== null) onShadowRoot(shadow);
        continue;
      }
      const data = (node as Text).data;
      const n = data.length;
      if (n === 0 || (code !== null && code.has(node))) continue;
      parts.push(data);
      chars += n;
      // a run goes on where one node ends and the next starts with no space between (not with a letter only:
      // "2<b>87</b>(g)" is the highlighter's "287(g)")
      const c = data.charCodeAt(0);
      if (last > 32 && c > 32) {
        run += data;
        runGlued = true;
        // a word goes on past the seam: a letter or digit on both sides, or a dot between two ("U<i>.S</i>",
        // "U.<i>S.</i>C.", "1003.<b>18</b>"); not "…</em>." nor a sentence's end, a lower-case letter and a dot,
        // before the next's capital ("here.</p><p>Next")
        const endsSentence = beforeLast >= 97 && beforeLast <= 122 && c >= 65 && c <= 90;
        // (only within one block: the highlighter never joins text across a block's edge, as "<title>Page</title>
        // …<h2>News" would otherwise be; a look at the two nodes' ancestors, at such seams only)
        if (!split && (isWordChar(last) ? isWordChar(c) || (c === 46 && n > 1 && isWordChar(data.charCodeAt(1))) : last === 46 && isWordChar(c) && !endsSentence)) {
          split = previous === null || blockAround(previous) === blockAround(node);
        }
      } else {
        if (runGlued) (glued ??= []).push(run);
        run = data;
        runGlued = false;
      }
      beforeLast = n > 1 ? data.charCodeAt(n - 2) : last;
      last = data.charCodeAt(n - 1);
      previous = node;
    }
    this.run = run;
    this.runGlued = runGlued;
    this.last = last;
    this.beforeLast = beforeLast;
    this.split = split;
    this.previous = previous;
    if (ended) {
      if (this.runGlued) (glued ??= []).push(this.run);
      this.run = '';
      this.runGlued = false;
      this.done = true;
      if (!parts.length && !glued) return null;
    }
    const text = parts.join('\n');
    return glued ? `${text}\n${glued.join('\n')}` : text;
  }
}
