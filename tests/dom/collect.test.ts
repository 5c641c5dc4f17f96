// @vitest-environment happy-dom
// collect in a simulated DOM: which text forms one block, and what is skipped.
import { describe, expect, it } from 'vitest';
import { blockOf, collectBlocks, isInsideSkipped, iterateBlocks, type Block } from '@/components/page/collect';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}
const texts = (root: Node) => collectBlocks(root).map((b) => b.text);

describe('collectBlocks', () => {
  it('joins text across inline elements into one block string', () => {
    page('<p id="p">A <strong>writ</strong> of <em>mandamus</em>, and <a href="#">a <b>link</b></a>.</p>');
    const [block] = collectBlocks(document.body);
    expect(block.text).toBe('A writ of mandamus, and a link.');
    expect(block.element.id).toBe('p');
    expect(block.starts).toEqual([0, 2, 6, 10, 18, 24, 26, 30]);
  });

  it('splits blocks at block elements and line breaks', () => {
    page('<div>civil rights <p>inside</p> rights groups</div><p>writ of<br>mandamus</p>');
    expect(texts(document.body)).toEqual(['civil rights ', 'inside', ' rights groups', 'writ of', 'mandamus']);
  });

  it('skips code, fields, editors, templates, hidden text and its own UI', () => {
    page(`
      <p>keep</p><pre>no</pre><p>a <code>no</code> b</p><textarea>no</textarea><div contenteditable="true"><p>no</p></div>
      <div contenteditable="false">keep too</div><template><p>no</p></template><p hidden>no</p><script>no</script>
      <legal-lens-ui>no</legal-lens-ui><button>no</button>`);
    const all = texts(document.body).map((t) => t.trim()).filter(Boolean);
    expect(all).toEqual(['keep', 'a', 'b', 'keep too']);
  });

  it('walks open shadow roots of custom elements', () => {
    page('<p>light</p><law-note></law-note>');
    document.querySelector('law-note')!.attachShadow({ mode: 'open' }).innerHTML = '<p>in shadow</p>';
    expect(texts(document.body)).toEqual(['light', 'in shadow']);
  });

  it('walks open shadow roots of ordinary elements, and shadow roots inside shadow roots (issue 10, defect 10)', () => {
    page('<p>light</p><div id="d"></div><article id="a"></article><span id="s"></span><p id="p"></p><section hidden id="h"></section>');
    for (const id of ['d', 'a', 's', 'p', 'h']) document.getElementById(id)!.attachShadow({ mode: 'open' }).innerHTML = `<p>in ${id}</p>`;
    const inner = document.getElementById('d')!.shadowRoot!.appendChild(document.createElement('aside'));
    inner.attachShadow({ mode: 'open' }).innerHTML = '<p>nested</p>';
    const seen: ShadowRoot[] = [];
    const all = [...iterateBlocks(document.body, { onShadowRoot: (r) => seen.push(r) })].filter((b) => b !== null).map((b) => b.text);
    expect(all).toEqual(['light', 'in d', 'nested', 'in a', 'in s', 'in p']);
    expect(seen.map((r) => (r.host as Element).id || r.host.localName)).toEqual(['d', 'aside', 'a', 's', 'p']);
  });

  it('finds the block of any node, through inline elements and shadow roots', () => {
    page('<p id="p">a <em><b id="b">deep</b></em></p>');
    expect(blockOf(document.getElementById('b')!.firstChild!)?.id).toBe('p');
    expect(isInsideSkipped(document.getElementById('b')!)).toBe(false);
    page('<div contenteditable="true"><p id="q">x</p></div>');
    expect(isInsideSkipped(document.getElementById('q')!)).toBe(true);
  });

  it('starts at the block in view and wraps around, so visible text comes first', () => {
    page('<p id="a">one</p><p id="b">two <em>2</em></p><div><p id="c">three</p></div><p id="d">four</p>');
    const order = [...iterateBlocks(document.body, { startNear: document.querySelector('#c')! })].filter((b) => b !== null).map((b) => b.text);
    expect(order).toEqual(['three', 'four', 'one', 'two 2']);
  });

  it('calls onBlock once per block element, across the two phases of a start in view', () => {
    page('<main id="m">lead <p id="a">one</p>middle<div id="d"><p id="c">three</p>tail</div>end</main><p id="z">last</p>');
    const met: string[] = [];
    const order = [...iterateBlocks(document.body, { startNear: document.querySelector('#c')!, onBlock: (el) => met.push(el.id) })]
      .filter((b) => b !== null)
      .map((b) => b.text);
    expect(order).toEqual(['three', 'tail', 'end', 'last', 'lead ', 'one', 'middle']);
    expect(met.sort()).toEqual(['a', 'c', 'd', 'm', 'z']);
  });

  it('makes no node a key of a Map or Set while it walks (a key keeps its wrapper alive in the content scripts\' world)', () => {
    page(`<div>${'<p>a <b>writ</b> of <i>mandamus</i><span> here</span></p><section><p>x <em>y</em></p>z</section>'.repeat(50)}</div>`);
    const keyed: unknown[] = [];
    const mapSet = Map.prototype.set;
    const setAdd = Set.prototype.add;
    Map.prototype.set = function (this: Map<unknown, unknown>, key: unknown, value: unknown) {
      if (key instanceof Node) keyed.push(key);
      return mapSet.call(this, key, value);
    } as typeof Map.prototype.set;
    Set.prototype.add = function (this: Set<unknown>, value: unknown) {
      if (value instanceof Node) keyed.push(value);
      return setAdd.call(this, value);
    } as typeof Set.prototype.add;
    let blocks: number;
    try {
      blocks = [...iterateBlocks(document.body, { startNear: document.querySelectorAll('section')[20] })].filter((b) => b !== null).length;
    } finally {
      Map.prototype.set = mapSet;
      Set.prototype.add = setAdd;
    }
    expect(blocks).toBe(150);
    expect(keyed).toEqual([]);
  });

  it('ends a run at every break, whatever comes between: breaks in skipped elements, breaks in a row, breaks at the end', () => {
    page('<div>a<pre>x<br>y</pre>b<br><br>c<span><br></span>d<code>z</code>e<br></div><p>f<img>g</p><div>h<button>i</button><br></div>');
    expect(texts(document.body)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('ends runs at breaks among tens of thousands of siblings, one step per node (linear in the page, issue 10, defect 17)', () => {
    // the page: each text node among 6,000 siblings of one parent; comparing positions would cost up to
    // 6,000 steps per node (the old walk did not finish in 10 minutes here)
    const line = '<p>0 <b>the</b> agents <i>filed</i> a <u>report</u></p>\n';
    page(line.repeat(3000) + '<script>0</script>\n');
    const items = [...iterateBlocks(document.body)];
    const blocks = items.filter((b) => b !== null);
    expect(blocks).toHaveLength(3000);
    expect(blocks[0].text).toBe('0 the agents filed a report');
    // and it offers to pause every so often (about every thousand nodes walked)
    expect(items.length - blocks.length).toBeGreaterThanOrEqual(18);
  }, 20_000);

  it('gives a block longer than a window once per window, each naming its part', () => {
    page(`<p id="long">${'word '.repeat(10_000)}</p>`);
    const windows = collectBlocks(document.body);
    expect(windows.map((w) => [w.from, w.until])).toEqual([
      [0, 8_000], [8_000, 16_000], [16_000, 24_000], [24_000, 32_000], [32_000, 40_000], [40_000, 48_000], [48_000, 50_000],
    ]);
    expect(new Set(windows.map((w) => w.element.id))).toEqual(new Set(['long']));
  });

  it('offers to pause inside a run of many text nodes and a long stretch of skipped text', () => {
    page(`<p>${'<b>x</b>'.repeat(5000)}</p><pre>${'<span>y</span>'.repeat(5000)}</pre>`);
    const items = [...iterateBlocks(document.body)];
    expect(items.filter((b) => b === null).length).toBeGreaterThanOrEqual(9);
    expect(items.filter((b) => b !== null).map((b) => b.nodes.length)).toEqual([5000]);
  });

  it('offers to pause while walking many elements with no text between them, every 50 elements at most', () => {
    page(`<div>${'<div></div>'.repeat(5000)}</div><p>after them</p>`);
    const items = [...iterateBlocks(document.body)];
    // each element may cost a native query of its subtree (isPlainBlock): a thousand between two pauses took up to
    // 20 ms at a time on the 4 MB benchmark page (issue 13)
    expect(items.filter((b) => b === null).length).toBeGreaterThanOrEqual(5000 / 50 - 1);
    expect(items.filter((b) => b !== null).map((b) => b.text)).toEqual(['after them']);
  });

  describe('with mayHoldTerm (issue 13: fewer nodes read on pages of many text nodes)', () => {
    /** Calls of TreeWalker.nextNode while `run` runs: the walk's steps, the text walk's and the element scout's. */
    function stepsOf(run: () => void): number {
      const nextNode = TreeWalker.prototype.nextNode;
      let steps = 0;
      TreeWalker.prototype.nextNode = function (this: TreeWalker) {
        steps++;
        return nextNode.call(this);
      };
      try {
        run();
      } finally {
        TreeWalker.prototype.nextNode = nextNode;
      }
      return steps;
    }
    const PARAGRAPH = (i: number) => `<p id="p${i}">one <b>two</b> ${i % 50 ? 'three' : 'writ of'} <i>four</i> five</p>`;
    const items = (hooks: Parameters<typeof iterateBlocks>[1]) => [...iterateBlocks(document.body, hooks)].filter((b) => b !== null);

    it('passes over a block of inline elements whose text cannot hold a term without walking its nodes, and still reports it', () => {
      page(`<main>${Array.from({ length: 200 }, (_, i) => PARAGRAPH(i)).join('')}</main>`);
      const tested: string[] = [];
      const met: Element[] = [];
      let found: Block[] = [];
      const steps = stepsOf(() => {
        found = items({ onBlock: (el) => met.push(el), mayHoldTerm: (text) => (tested.push(text), text.includes('writ')) });
      });
      const without = stepsOf(() => items({}));
      expect(found.map((b) => b.element.id)).toEqual(['p0', 'p50', 'p100', 'p150']);
      expect(found.every((b) => b.screened && b.text === 'one two writ of four five' && b.nodes.length === 5)).toBe(true);
      expect(tested).toHaveLength(200);
      // every block is still reported (its old marks are dropped); only the four that may hold a term are read
      expect(met).toHaveLength(200);
      expect(steps).toBeLessThan(300);
      // without the test, each of the 1,000 text nodes is a step; the element scout still passes over the
      // paragraphs' 400 inline elements (nothing in them ends a run)
      expect(without).toBeGreaterThanOrEqual(1000);
      expect(without).toBeLessThan(1300);
    });

    it('offers to pause by the text it tested, however few the blocks: long paragraphs passed over in a row', () => {
      const sentence = 'The committee met on a quiet morning to read the notes again. ';
      page(`<main>${Array.from({ length: 300 }, (_, i) => `<p id="p${i}">${sentence.repeat(16)}</p>`).join('')}</main>`);
      let chars = 0;
      let most = 0;
      let pauses = 0;
      for (const item of iterateBlocks(document.body, { mayHoldTerm: (text) => ((chars += text.length), false) })) {
        if (item !== null) continue;
        pauses++;
        most = Math.max(most, chars);
        chars = 0;
      }
      most = Math.max(most, chars);
      // 300 paragraphs of 1,000 characters: counted one step each, they were all tested between two pauses
      expect(pauses).toBeGreaterThanOrEqual(30);
      expect(most).toBeLessThanOrEqual(9000);
    });

    it('reads a block with more than inline text as before, testing only its plain blocks', () => {
      page('<div id="d">lead <p id="a">writ <b>of</b></p> tail<br>after</div><p id="b">no <img> term</p><p id="c" hidden>writ</p><p id="e">x <span hidden>writ</span> y</p>');
      const tested: string[] = [];
      const found = items({ mayHoldTerm: (text, el) => (tested.push(el.id), text.includes('writ')) });
      expect(tested).toEqual(['a']);
      expect(found.map((b) => [b.text, !!b.screened])).toEqual([['lead ', false], ['writ of', true], [' tail', false], ['after', false], ['no ', false], [' term', false], ['x ', false], [' y', false]]);
    });

    it('reads a block it cannot tell about yet (undefined), unscreened', () => {
      page(`<main>${PARAGRAPH(1)}${PARAGRAPH(0)}</main>`);
      expect(items({ mayHoldTerm: () => undefined }).map((b) => [b.text, !!b.screened])).toEqual([['one two three four five', false], ['one two writ of four five', false]]);
    });

    it('finds the open shadow root of a <span> inside a block it passes over, and the blocks after it', () => {
      page('<p>a <span id="s"></span> b</p><p>c <em>d</em></p><p id="last">writ</p>');
      document.getElementById('s')!.attachShadow({ mode: 'open' }).innerHTML = '<p>in a shadow, writ</p>';
      const seen: ShadowRoot[] = [];
      const found = items({ onShadowRoot: (r) => seen.push(r), mayHoldTerm: (text) => text.includes('writ') });
      expect(seen.map((r) => (r.host as Element).id)).toEqual(['s']);
      expect(found.map((b) => b.text)).toEqual(['writ', 'in a shadow, writ']);
    });

    it('passes over blocks in both phases of a start in view', () => {
      page(`<main>${Array.from({ length: 100 }, (_, i) => PARAGRAPH(i)).join('')}</main>`);
      const met = new Set<string>();
      const found = items({ startNear: document.getElementById('p30'), onBlock: (el) => met.add(el.id), mayHoldTerm: (text) => text.includes('writ') });
      expect(found.map((b) => b.element.id)).toEqual(['p50', 'p0']);
      expect(met.size).toBe(100);
    });
  });

  it('walks a deeply nested page without recursion', () => {
    let html = '';
    for (let i = 0; i < 3000; i++) html += '<span>';
    page(`<div>${html}civil rights</div>`);
    expect(texts(document.body)).toEqual(['civil rights']);
  });
});
