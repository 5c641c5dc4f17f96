// @vitest-environment happy-dom
// observe: which subtrees a batch of DOM changes asks to rescan. A table of page changes, each with the
// roots it must give (by id), and whether it asks for the (throttled) full rescan instead.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BURST_LIMIT, DomObserver, FLUSH_MS, outermost, type ChangeBatch } from '@/entrypoints/highlighter/observe';

const PAGE = `
  <header id="top"><p id="lede">Lede about ICE.</p></header>
  <main id="main">
    <ul id="feed"><li id="item1">first item</li>
<li id="item2">second item</li></ul>
    <div id="outer"><p id="a">one</p><p id="b">two</p></div>
    <p id="mixed">before <em id="em">mid</em> after</p>
    <p id="split">left<br id="br">right</p>
  </main>
  <footer id="foot"></footer>
  <section id="panel" hidden><p>An accordion's panel about ICE.</p></section>`;

const el = (id: string) => document.getElementById(id)!;
const make = (html: string) => {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content.firstChild as Element;
};

let observer: DomObserver | null = null;
afterEach(() => {
  observer?.disconnect();
  document.body.removeAttribute('contenteditable'); // one change makes <body> an editor
});

/** Applies `change` to a fresh page and returns the batch it gives. */
function batchFor(change: () => void): ChangeBatch {
  document.body.innerHTML = PAGE;
  const seen: ChangeBatch[] = [];
  observer = new DomObserver((b) => seen.push(b));
  observer.observe(document);
  change();
  observer.flush();
  expect(seen).toHaveLength(1);
  return seen[0];
}
const ids = (b: ChangeBatch) => [...b.roots].map((r) => r.id || r.className).sort();

describe('which subtrees a change rescans', () => {
  it.each<[string, () => void, string[], { full?: boolean; removed?: boolean; reset?: string[]; none?: boolean }?]>([
    ['a toast appended to <body> rescans only the toast', () => document.body.append(make('<div class="toast">Saved: your ICE question</div>')), ['toast']],
    ['a modal inserted before <main> rescans only the modal', () => el('main').before(make('<div class="modal">A modal</div>')), ['modal']],
    ['an item appended to a feed rescans only the item', () => el('feed').append(make('<li id="item3">third</li>')), ['item3']],
    ['three items appended rescan the three', () => el('feed').append(make('<li id="x1">1</li>'), make('<li id="x2">2</li>'), make('<li id="x3">3</li>')), ['x1', 'x2', 'x3']],
    ['an element added inside an element added in the same batch is covered by it', () => {
      const box = make('<section id="box"><p>inner</p></section>');
      document.body.append(box);
      box.append(make('<p id="later">later</p>'));
    }, ['box']],
    ['text edited in place rescans its block', () => ((el('a').firstChild as Text).data = 'one more'), ['a']],
    ['text appended to a block rescans that block', () => el('b').append(' more'), ['b']],
    ['text changed inside an inline element rescans the block around it', () => ((el('em').firstChild as Text).data = 'middle'), ['mixed']],
    ['an inline element added to a block rescans the block', () => el('a').append(make('<strong>ICE</strong>')), ['a']],
    ['a block put between two pieces of a run of text rescans the block it splits', () => el('em').after(make('<div id="wedge">w</div>')), ['mixed']],
    ['a line break removed from between two pieces of text rescans the block it joins', () => el('br').remove(), ['split'], { removed: true }],
    ['two blocks put between two pieces of text rescan the block they split', () => el('em').after(make('<div id="w1">1</div>'), make('<div id="w2">2</div>')), ['mixed']],
    ['a line break replaced by a block rescans the block around it (a removed break may have joined two runs)', () => el('br').replaceWith(make('<div id="wedge">w</div>')), ['split'], { removed: true }],
    ['a block removed from between two blocks only sweeps', () => el('a').remove(), [], { removed: true }],
    ['a feed item removed only sweeps', () => el('item1').remove(), [], { removed: true }],
    ['changes in two blocks and their parent give the parent', () => {
      el('a').append(' x');
      el('outer').append(' loose text');
    }, ['outer']],
    ['text added straight into <body> asks for a full rescan', () => document.body.append('ICE'), [], { full: true }],
    ['an inline element added straight into <body> asks for a full rescan', () => document.body.append(make('<span>ICE</span>')), [], { full: true }],
    ['a new <body> asks for a full rescan', () => document.documentElement.replaceChild(document.createElement('body'), document.body), [], { full: true, removed: true }],
    ['whitespace added to <body> with a toast rescans only the toast', () => document.body.append('\n  ', make('<div class="toast">t</div>'), '\n'), ['toast']],
    ['a script or an iframe added is a root that collect then skips', () => document.body.append(make('<script id="s">1</script>')), ['s']],
    // issue 10, defect 9: attributes that decide what is scanned
    ['hidden removed from a block (an accordion opened) resets and rescans it', () => el('panel').removeAttribute('hidden'), ['panel'], { reset: ['panel'] }],
    ['hidden put on a block (a tab closed) resets and rescans it', () => el('outer').setAttribute('hidden', ''), ['outer'], { reset: ['outer'] }],
    ['hidden put on an inline element resets and rescans its block', () => el('em').setAttribute('hidden', ''), ['mixed'], { reset: ['mixed'] }],
    ['an element made contenteditable resets and rescans it', () => el('a').setAttribute('contenteditable', 'true'), ['a'], { reset: ['a'] }],
    ['contenteditable set through the property is seen too', () => ((el('b') as HTMLElement).contentEditable = 'plaintext-only'), ['b'], { reset: ['b'] }],
    ['other attributes are not looked at', () => {
      el('a').setAttribute('class', 'x');
      el('b').setAttribute('title', 'y');
    }, [], { none: true }],
    ['<body> made an editor asks for a full rescan', () => document.body.setAttribute('contenteditable', ''), [], { full: true }],
  ])('%s', (_name, change, expected, flags = {}) => {
    if (flags.none) {
      document.body.innerHTML = PAGE;
      const seen: ChangeBatch[] = [];
      observer = new DomObserver((b) => seen.push(b));
      observer.observe(document);
      change();
      observer.flush();
      expect(seen).toEqual([]);
      return;
    }
    const batch = batchFor(change);
    expect(ids(batch)).toEqual([...expected].sort());
    expect([...batch.reset].map((r) => r.id).sort()).toEqual(flags.reset ?? []);
    expect(batch.full).toBe(!!flags.full);
    expect(batch.removed).toBe(!!flags.removed);
  });

  it('ignores its own card host coming and going', () => {
    document.body.innerHTML = PAGE;
    const onChanges = vi.fn();
    observer = new DomObserver(onChanges);
    observer.observe(document);
    const host = document.createElement('legal-lens-ui');
    document.body.after(host);
    host.remove();
    observer.flush();
    expect(onChanges).not.toHaveBeenCalled();
  });

  it(`turns more than ${BURST_LIMIT} records into one full rescan`, async () => {
    document.body.innerHTML = PAGE;
    const seen: ChangeBatch[] = [];
    observer = new DomObserver((b) => seen.push(b));
    observer.observe(document);
    for (let i = 0; i <= BURST_LIMIT; i++) el('foot').append(document.createElement('span'));
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 1000 });
    expect(seen[0].full).toBe(true);
  });

  it(`batches the records of ${FLUSH_MS} ms into one flush`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      document.body.innerHTML = PAGE;
      const seen: ChangeBatch[] = [];
      observer = new DomObserver((b) => seen.push(b));
      observer.observe(document);
      el('a').append(' x');
      await Promise.resolve(); // the observer's callback is a microtask
      el('b').append(' y');
      await Promise.resolve();
      vi.advanceTimersByTime(FLUSH_MS - 1);
      expect(seen).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(seen.map(ids)).toEqual([['a', 'b']]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('outermost', () => {
  it('keeps only elements with no ancestor in the set', () => {
    document.body.innerHTML = '<div id="a"><p id="b"></p></div><p id="c"></p>';
    const set = new Set(['a', 'b', 'c'].map(el));
    expect([...outermost(set)].map((e) => e.id)).toEqual(['a', 'c']);
  });
});
