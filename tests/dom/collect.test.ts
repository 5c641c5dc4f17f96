// @vitest-environment happy-dom
// collect in a simulated DOM: which text forms one block, and what is skipped.
import { describe, expect, it } from 'vitest';
import { blockOf, collectBlocks, isInsideSkipped, iterateBlocks } from '@/components/page/collect';

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

  it('finds the block of any node, through inline elements and shadow roots', () => {
    page('<p id="p">a <em><b id="b">deep</b></em></p>');
    expect(blockOf(document.getElementById('b')!.firstChild!)?.id).toBe('p');
    expect(isInsideSkipped(document.getElementById('b')!)).toBe(false);
    page('<div contenteditable="true"><p id="q">x</p></div>');
    expect(isInsideSkipped(document.getElementById('q')!)).toBe(true);
  });

  it('starts at the block in view and wraps around, so visible text comes first', () => {
    page('<p id="a">one</p><p id="b">two <em>2</em></p><div><p id="c">three</p></div><p id="d">four</p>');
    const order = [...iterateBlocks(document.body, { startNear: document.querySelector('#c')! })].map((b) => b.text);
    expect(order).toEqual(['three', 'four', 'one', 'two 2']);
  });

  it('walks a deeply nested page without recursion', () => {
    let html = '';
    for (let i = 0; i < 3000; i++) html += '<span>';
    page(`<div>${html}civil rights</div>`);
    expect(texts(document.body)).toEqual(['civil rights']);
  });
});
