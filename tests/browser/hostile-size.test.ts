// The hostile-page suite, big pages (generated at test time, see hostile/generate.ts): each page in Chromium and
// Firefox, with and without the extension, checked as hostile/check.ts says.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hostileSuite, type HostileFixture } from './hostile/check';
import { bigArticle, deepNesting, fillerHasNoTerms, issue17, manyTerms, manyTextNodes, oneElementPerLetter, type Generated } from './hostile/generate';

const pages: Record<string, Generated> = {};
const make = (name: string, generate: () => Generated) => {
  pages[name] ??= generate();
  return pages[name];
};
const served = (name: string, generate: () => Generated) => () => ({ body: make(name, generate).body });

const fixtures: HostileFixture[] = [
  {
    name: '10 MB page',
    attacks: 'size: parsing, scanning and painting 10 MB of ordinary HTML',
    path: '/gen/big-article',
    marks: make('big-article', () => bigArticle(10)).terms,
    quiet: true,
    cards: [{ text: 'writ of mandamus', n: 500, heading: 'Writ of mandamus' }],
    timeoutMs: 120_000,
  },
  {
    name: '200,000 text nodes',
    attacks: 'node count: each word its own text node',
    path: '/gen/text-nodes',
    marks: make('text-nodes', () => manyTextNodes(200_000)).terms,
    quiet: true,
    cards: [{ text: 'racial profiling', n: 1500, heading: 'Racial profiling' }],
    noCards: [{ text: 'seven' }],
    timeoutMs: 120_000,
  },
  {
    name: 'nesting 5,000 deep',
    attacks: 'depth: walks up ancestors, recursion, layout at depth',
    path: '/gen/deep',
    marks: make('deep', () => deepNesting(5000)).terms,
    quiet: true,
    cards: [{ text: 'writ of mandamus', n: 1, heading: 'Writ of mandamus' }],
  },
  {
    name: '20,000 term occurrences',
    attacks: 'mark count: 20,000 ranges painted, ordered and repainted',
    path: '/gen/many-terms',
    marks: make('many-terms', () => manyTerms(20_000)).terms,
    quiet: true,
    cards: [{ text: 'Notice to Appear', n: 3000, heading: 'Notice to Appear (NTA)' }],
  },
  {
    name: 'one element per letter',
    attacks: 'every character its own <span>: terms across dozens of elements',
    path: '/gen/letters',
    marks: make('letters', () => oneElementPerLetter(500)).terms,
    quiet: true,
    // the letters are spaced with no-break spaces
    cards: [{ text: /^racial\sprofiling$/, n: 10, heading: 'Racial profiling' }],
    // Chromium: the page's timer is held up 200–600 ms longer with the marks than without, though the extension's
    // own work stays in 20 ms slices (about 100 ms in all): painting 500 highlight ranges that each cross a dozen
    // inline boxes, 8,000 in all, is the page's rendering work, not the scan's. Left open (issue 10 report).
    todo: { chromium: 'Chromium paints highlight ranges across thousands of one-letter elements slowly (issue 10 report)' },
  },
  {
    name: 'issue 10, defect 17 as reported',
    attacks: '10,000 lines, a <script>, a newline: text beside 20,000 siblings (the scan was quadratic)',
    path: '/gen/issue-17',
    marks: make('issue-17', () => issue17(10_000)).terms,
    quiet: true,
  },
];

it('the generated pages hold exactly the terms they count', () => {
  assert.ok(fillerHasNoTerms());
});

hostileSuite('hostile pages: size', fixtures, {
  'big-article': served('big-article', () => bigArticle(10)),
  'text-nodes': served('text-nodes', () => manyTextNodes(200_000)),
  deep: served('deep', () => deepNesting(5000)),
  'many-terms': served('many-terms', () => manyTerms(20_000)),
  letters: served('letters', () => oneElementPerLetter(500)),
  'issue-17': served('issue-17', () => issue17(10_000)),
});
