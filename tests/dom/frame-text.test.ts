// @vitest-environment happy-dom
// How the content script's first pass reads a frame (entrypoints/first-pass/frame-text.ts): every word the
// highlighter reads must be among the words it reads, whatever the markup does to them.
import { afterEach, describe, expect, it } from 'vitest';
import { FrameTextReader, READ_CLOCK_EVERY, ShadowRootSearch, blockAround } from '@/entrypoints/first-pass/frame-text';
import { textWords } from '@/glossary/runtime/heads';

/** Every open shadow root under `root`, searched in steps of `step` elements (ShadowRootSearch). */
function shadowRootsUnder(root: Node, step = Infinity): ShadowRoot[][] {
  const search = new ShadowRootSearch(root);
  const steps: ShadowRoot[][] = [];
  for (let found = search.next(step); found !== null; found = search.next(step)) steps.push(found);
  return steps;
}

/**
 * Everything a reader of `root` yields, chunk by chunk of `step` nodes, and the shadow roots it reported (with
 * `elements` false, it reads text nodes only, as a frame's first read does).
 */
function readAll(root: Node, step = 1000, elements = true) {
  const shadows: ShadowRoot[] = [];
  const reader = new FrameTextReader(root, elements ? (s) => shadows.push(s) : null);
  const chunks: string[] = [];
  for (let text = reader.read(step); text !== null; text = reader.read(step)) chunks.push(text);
  return { chunks, words: chunks.flatMap((c) => textWords(c) ?? []), shadows };
}

describe('FrameTextReader', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each(([
    ['blocks with no space between keep their words apart', '<h2>Notes</h2><p>Asylum</p>', ['notes', 'asylum'], []],
    ['a word split by inline elements is also read whole', '<p>man<b>da</b>mus now</p>', ['man', 'da', 'mus', 'mandamus', 'now'], []],
    ['dots that join letters across nodes', '<p>U.<i>S.</i>C. 1357</p>', ['usc', '1357'], []],
    ['a script\'s and a style\'s text are no words', '<p>ICE</p><script>var asylum = 1</script><style>.parole{}</style>', ['ice'], ['asylum', 'parole', 'var']],
    ['nor are a text box\'s and a noscript\'s, in a run of code text nodes and after one', '<p>ICE</p><textarea>detainer</textarea><noscript>mandamus</noscript><p>TPS</p>', ['ice', 'tps'], ['detainer', 'mandamus']],
    ['hidden text is read (the highlighter decides what it marks)', '<p hidden>parole</p>', ['parole'], []],
  ] as [string, string, string[], string[]][]).flatMap(([name, html, read, notRead]) => [true, false].map((elements) => [`${name}${elements ? '' : ', text nodes only'}`, html, read, notRead, elements] as const)))('%s', (_name, html, read, notRead, elements) => {
    document.body.innerHTML = html;
    const { words } = readAll(document.body, 1000, elements);
    expect(words).toEqual(expect.arrayContaining(read));
    for (const word of notRead) expect(words).not.toContain(word);
  });

  it('glues nodes that touch with no space between, punctuation included, as the highlighter reads them', () => {
    document.body.innerHTML = '<p>We read about 2<b>87</b>(g) today, <a>ICE</a>, and more.</p>';
    const lines = readAll(document.body, 1000, false).chunks.join('\n').split('\n');
    expect(lines).toContain('We read about 287(g) today, ');
    expect(lines).toContain('ICE, and more.');
  });

  it.each([
    ['<p>man<b>da</b>mus now</p>', true],
    ['<p>U.<i>S.</i>C. 1357</p>', true],
    ['<p><span>T</span>he ICE</p>', true],
    ['<p>We read <a>ICE</a>, and 287<b>(g)</b>.</p>', false],
    ['<p>A writ of <em>mandamus</em>. Then <i>more</i>.</p>', false],
    ['<p>Here.</p><p>Nothing else.</p>', false],
    ['<p>8 CFR 1003.<b>18</b>(c)</p>', true],
    ['<h2>Notes</h2><p>Asylum</p>', false],
    ['<div>Notes<p>Asylum</p></div>', false],
    ['<p>Notes<span>Asylum</span></p>', true],
    ['<p><b>man</b><i>damus</i> now</p>', true],
    ['<h2>Notes</h2><p>Asylum</p><p>man<b>da</b>mus</p>', true],
  ])('tells whether a seam between two nodes falls inside a word: %s', (html, splits) => {
    document.body.innerHTML = html;
    const reader = new FrameTextReader(document.body, null);
    while (reader.read(1000) !== null);
    expect(reader.splitsWords).toBe(splits);
  });

  it('reads no code when its root is a script or a style itself (a part the page added)', () => {
    document.body.innerHTML = '<script>var asylum = 1</script>';
    expect(readAll(document.body.firstChild!).words).toEqual([]);
  });

  it('reads in steps of a bounded number of nodes, a run that touches across steps included, and ends with null', () => {
    document.body.innerHTML = `<p>${Array.from({ length: 30 }, (_, i) => `<span>w${i}</span>`).join('')}</p>`;
    const { chunks, words } = readAll(document.body, 7);
    expect(chunks.length).toBeGreaterThan(4);
    expect(words).toContain('w0w1w2w3w4w5w6w7w8w9w10w11w12w13w14w15w16w17w18w19w20w21w22w23w24w25w26w27w28w29');
  });

  it('ends a step once it holds the characters asked for, a node that crosses them included', () => {
    document.body.innerHTML = Array.from({ length: 10 }, (_, i) => `<p>${String(i).repeat(99)} </p>`).join('');
    const reader = new FrameTextReader(document.body, null);
    const steps: string[] = [];
    for (let text = reader.read(1000, 250); text !== null; text = reader.read(1000, 250)) steps.push(text);
    expect(steps.map((s) => s.split('\n').length)).toEqual([3, 3, 3, 1]);
    expect(steps.join('\n').split('\n').map((line) => line[0])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('ends a step once the clock passes its deadline, looking at it every READ_CLOCK_EVERY nodes, and reads on from there', () => {
    document.body.innerHTML = Array.from({ length: 1000 }, (_, i) => `<p>n${i} </p>`).join('');
    const reader = new FrameTextReader(document.body, null);
    // a deadline already past: the step ends at the first look at the clock
    const first = reader.read(2000, Infinity, performance.now() - 1)!;
    expect(first.split('\n')).toHaveLength(READ_CLOCK_EVERY - 1);
    expect(reader.finished).toBe(false);
    // a deadline still ahead: the rest, in one step
    const rest = reader.read(2000, Infinity, performance.now() + 60_000)!;
    expect([...first.split('\n'), ...rest.split('\n')]).toEqual(Array.from({ length: 1000 }, (_, i) => `n${i} `));
    expect(reader.read(2000)).toBeNull();
  });

  it('reports the open shadow roots it passes without entering them', () => {
    document.body.innerHTML = '<p>outside</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    const { words, shadows } = readAll(document.body);
    expect(words).toEqual(['outside']);
    expect(shadows).toEqual([shadow]);
    expect(readAll(shadow).words).toEqual(['inside']);
  });

  it('reads text nodes only, reporting no shadow root, without a shadow-root callback; the search for shadow roots finds them at any depth', () => {
    document.body.innerHTML = '<p>outside</p><div id="host"></div><x-widget id="w"></x-widget><section id="closed"></section>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside <span id="inner"></span></p>';
    const inner = shadow.getElementById('inner')!.attachShadow({ mode: 'open' });
    const widget = document.getElementById('w')!.attachShadow({ mode: 'open' });
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>never read</p>';
    const { words, shadows } = readAll(document.body, 1000, false);
    expect(words).toEqual(['outside']);
    expect(shadows).toEqual([]);
    expect(shadowRootsUnder(document.documentElement).flat()).toEqual([shadow, widget, inner]);
  });

  it('searches for shadow roots a bounded number of elements at a time, nested roots included', () => {
    document.body.innerHTML = Array.from({ length: 6 }, (_, i) => `<div id="h${i}"></div>`).join('');
    const roots = Array.from({ length: 6 }, (_, i) => document.getElementById(`h${i}`)!.attachShadow({ mode: 'open' }));
    roots[0].innerHTML = '<span id="inner"></span>';
    const inner = (roots[0].getElementById('inner') as HTMLElement).attachShadow({ mode: 'open' });
    const steps = shadowRootsUnder(document.body, 2);
    expect(steps.every((found) => found.length <= 2)).toBe(true);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.flat()).toEqual([roots[0], inner, roots[1], roots[2], roots[3], roots[4], roots[5]]);
  });

  it('reads a text node given alone, and blockAround climbs inline elements to the block', () => {
    document.body.innerHTML = '<div><p id="p">a <em><b id="b">word</b></em></p></div>';
    const text = document.getElementById('b')!.firstChild!;
    expect(readAll(text).words).toEqual(['word']);
    expect(blockAround(text)).toBe(document.getElementById('p'));
    expect(blockAround(document.getElementById('p')!)).toBe(document.getElementById('p'));
  });
});
