// `npx tsx tests/bench/size.ts [--factors 1,3] [--analyze]`: how big the content script gets as the glossary
// grows. For each factor it writes a synthetic glossary that many times the real one
// (tests/bench/synthetic-glossary.ts; factor 1 is the real glossary), builds the Chrome extension against it
// through LEGAL_LENS_GLOSSARY (the Vite plugin's glossary root) into a temporary folder, and prints the
// size of first-pass.js (the first pass of the top frame and of every frame that can show a word) and of highlighter.js (injected where a
// page has terms) next to the 100 kB budget (neither carries the glossary: the background does, and sends a
// page the parts it needs), and of background.js with the shipped glossary in it. With
// --analyze it also builds with source maps and attributes first-pass.js's bytes to the modules they come from,
// grouped as the card UI (what loading the card lazily would take out; hit-test shown apart, as it may have to
// stay to know when a card is wanted), the start-up path, and the data.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { build } from 'wxt';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { deflateShippedGlossary } from '../../glossary/build/shipped-glossary.ts';
import { aliasKey } from '../../glossary/runtime/normalize.ts';
import { writeSyntheticGlossary } from './synthetic-glossary.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BUDGET = 100_000;
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const FACTORS = arg('factors', '1,3').split(',').map(Number);
const ANALYZE = process.argv.includes('--analyze');

/** Builds the Chrome extension against the glossary at `glossaryRoot`; returns the output folder. */
async function buildAgainst(glossaryRoot: string, sourcemap: boolean): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'legal-lens-size-'));
  process.env.LEGAL_LENS_GLOSSARY = glossaryRoot;
  await build({ root: ROOT, browser: 'chrome', outDir, logger: silent, vite: () => ({ build: { sourcemap } }) });
  return join(outDir, 'chrome-mv3');
}

const silent = { debug() {}, log() {}, info() {}, warn() {}, error: console.error, fatal: console.error, success() {}, level: 0 } as never;

/** Which group a source module belongs to, for the bundle analysis. */
function groupOf(source: string): string {
  if (/node_modules\/(preact|@preact)/.test(source)) return 'card UI: preact';
  if (/node_modules\/@floating-ui/.test(source)) return 'card UI: @floating-ui';
  // the page pipeline the content script shares with the PDF reader (components/page/) before the rest of components/
  if (/components\/page\/card/.test(source)) return 'card UI: components/page/card';
  if (/components\/page\/hit-test/.test(source)) return 'card UI?: components/page/hit-test (finds the term under the pointer)';
  if (/components\/page\//.test(source)) return 'start-up: components/page (walk, paint, schedule)';
  if (/components\//.test(source)) return 'card UI: components/ (card, strings, host)';
  if (/entrypoints\/highlighter\/card/.test(source)) return 'card UI: entrypoints/highlighter/card';
  if (/virtual:glossary|\0/.test(source)) return 'data: glossary modules (mapped part)';
  if (/glossary\/runtime\//.test(source)) return 'start-up: glossary/runtime (matcher)';
  if (/entrypoints\/highlighter\//.test(source)) return 'highlighter: entrypoints/highlighter (walk, paint, observe)';
  if (/entrypoints\/first-pass\//.test(source)) return 'first pass: entrypoints/first-pass (read, test words)';
  if (/utils\//.test(source)) return 'start-up: utils (settings, messages)';
  if (/node_modules\/(webextension-polyfill|@wxt-dev)/.test(source)) return 'start-up: webextension-polyfill';
  if (/node_modules\/wxt/.test(source)) return 'start-up: wxt runtime';
  if (/node_modules\/valibot/.test(source)) return 'start-up: valibot';
  return `other: ${source.replace(/^.*node_modules\//, '')}`;
}

/** first-pass.js bytes per group, from its source map (bytes no mapping covers count as "unmapped"). */
function analyze(dir: string): Map<string, number> {
  const file = join(dir, 'first-pass.js');
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const lines = code.split('\n');
  const mappings: { line: number; column: number; source: string | null }[] = [];
  map.eachMapping((m) => mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }));
  const out = new Map<string, number>();
  const add = (group: string, bytes: number) => out.set(group, (out.get(group) ?? 0) + bytes);
  let k = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    const here = [] as { column: number; source: string | null }[];
    while (k < mappings.length && mappings[k].line === l + 1) here.push(mappings[k++]);
    let at = 0;
    let group = 'unmapped';
    for (const m of here) {
      add(group, Buffer.byteLength(line.slice(at, m.column)));
      at = m.column;
      group = m.source ? groupOf(m.source) : 'unmapped';
    }
    add(group, Buffer.byteLength(line.slice(at)) + 1);
  }
  return out;
}

const real = join(ROOT, 'glossary');
console.log(`first-pass.js size against glossaries 1×–${Math.max(...FACTORS)}× the real one (budget ${BUDGET / 1000} kB)`);
for (const factor of FACTORS) {
  const root = factor === 1 ? real : mkdtempSync(join(tmpdir(), `legal-lens-glossary-${factor}x-`));
  if (factor !== 1) writeSyntheticGlossary(real, root, factor);
  const glossary = compileGlossary(root);
  if (glossary.problems.length) throw new Error(`the ${factor}× glossary has ${glossary.problems.length} problems, e.g. ${glossary.problems[0].file}: ${glossary.problems[0].message}`);
  const aliases = new Set(glossary.entries.map(([a]) => aliasKey(a))).size;
  // what the background carries for matching: the deflated index, ids and categories (vite-plugin.ts)
  const categories = Object.fromEntries(glossary.matcherIndex.ids.map((id) => [id, glossary.cards[id].category]));
  const index = Buffer.byteLength(deflateShippedGlossary(glossary.matcherIndex, categories));
  const dir = await buildAgainst(root, ANALYZE);
  const bytes = statSync(join(dir, 'first-pass.js')).size;
  const highlighter = statSync(join(dir, 'highlighter.js')).size;
  const background = statSync(join(dir, 'background.js')).size;
  console.log(
    `${factor}×: ${glossary.terms.length / 2} terms, ${aliases} aliases; first-pass.js ${bytes} B (${((bytes / BUDGET) * 100).toFixed(1)}% of budget); highlighter.js ${highlighter} B; ` +
    `background.js ${background} B, with the shipped glossary (deflated index, ids, categories) ${index} B (${(index / aliases).toFixed(1)} B per alias) and the cards`,
  );
  if (ANALYZE) {
    const groups = [...analyze(dir)].sort((a, b) => b[1] - a[1]);
    const card = groups.filter(([g]) => g.startsWith('card UI:')).reduce((n, [, b]) => n + b, 0);
    for (const [group, b] of groups) console.log(`    ${String(b).padStart(6)} B  ${group}`);
    console.log(`    card UI in all (without hit-test): ${card} B (${((card / bytes) * 100).toFixed(1)}% of first-pass.js), what a lazily loaded card would take out`);
    console.log('    "unmapped" is bundler glue');
  }
  if (factor !== 1) rmSync(root, { recursive: true, force: true });
  rmSync(resolve(dir, '..'), { recursive: true, force: true });
}
