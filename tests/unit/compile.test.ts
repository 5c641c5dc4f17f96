// The glossary compiler rejects bad input with `file: field: what is wrong`, and emits the three artifacts.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compileGlossary } from '@/glossary/build/compile';
import { unpackIndex } from '@/glossary/runtime/matcher';
import { inflateShippedGlossary } from '@/glossary/runtime/shipped-glossary';
import { glossaryPlugin } from '@/glossary/build/vite-plugin';
import { glossaryWith, guideFile, pair, problemsOf, termFile } from './glossary-fixture';

describe('glossary compiler', () => {
  it('accepts a valid pair and emits the matcher index, card data and articles', () => {
    const g = compileGlossary(glossaryWith({ ...pair('writ-of-mandamus', { aliases: ['writ of mandamus', 'mandamus'] }), ...pair('mandamus-act', { related: ['writ-of-mandamus'] }) }));
    expect(g.problems).toEqual([]);
    expect(unpackIndex(g.matcherIndex).map(([a, id]) => `${a}→${id}`)).toContain('writ of mandamus→writ-of-mandamus');
    expect(g.cards['mandamus-act'].related).toEqual(['writ-of-mandamus']);
    expect(g.cards['mandamus-act'].es.title).toBe('Title mandamus-act');
    expect(g.articles.terms['writ-of-mandamus'].en.html).toContain('<h2>What it is</h2>');
    // the card data never carries full articles
    expect(JSON.stringify(g.cards)).not.toContain('<h2>');
  });

  it.each([
    ['a missing language', { 'terms/visa.en.md': termFile({ id: 'visa', lang: 'en', aliases: ['visa stamp'] }) }, 'terms/visa.en.md: lang: has no Spanish version'],
    ['a summary over 280 characters', pair('tps', { summary: 'x'.repeat(281) }), 'terms/tps.en.md: summary: is longer than 280 characters'],
    ['a non-https source', pair('tps', { url: 'http://www.uscis.gov/tps' }), 'terms/tps.en.md: sources.0.url: must be an https:// URL'],
    ['a missing field', pair('tps', { omit: ['category'] }), 'terms/tps.en.md: category:'],
    ['an unknown category', pair('tps', { category: 'misc' }), 'terms/tps.en.md: category:'],
    ['raw HTML in Markdown', pair('tps', { extra: '\n<script>alert(1)</script>\n' }), 'terms/tps.en.md: body: raw HTML is not allowed'],
    ['inline raw HTML', pair('tps', { extra: '\nText with <b>bold</b>.\n' }), 'terms/tps.en.md: body: raw HTML is not allowed'],
    ['a related id that does not resolve', pair('tps', { related: ['nowhere'] }), 'terms/tps.en.md: related.0: "nowhere" is not a term id'],
    ['a link to a missing term', pair('tps', { extra: '\nSee [this](term:nowhere).\n' }), 'terms/tps.en.md: body: links to term "nowhere", which does not exist'],
    ['a javascript: link', pair('tps', { extra: '\nSee [this](javascript:alert(1)).\n' }), 'terms/tps.en.md: body: link'],
    ['an everyday word as an alias', pair('standing', { aliases: ['standing'] }), 'terms/standing.en.md: aliases.0: "standing" is an everyday word'],
    ['an everyday phrase as a Spanish alias, written with capitals', pair('voluntary-departure', {}, { aliases: ['concedió la salida voluntaria', 'Salida voluntaria'] }),
      'terms/voluntary-departure.es.md: aliases.1: "Salida voluntaria" is an everyday word or phrase; use it only inside a legal phrase'],
    ['an id that does not match the file name', { 'terms/tps.en.md': termFile({ id: 'visa', lang: 'en' }), 'terms/tps.es.md': termFile({ id: 'tps', lang: 'es' }) }, 'terms/tps.en.md: id: is "visa" but the file name says "tps"'],
    ['a bad file name', { 'terms/TPS.en.md': 'x' }, 'terms/TPS.en.md: (file name): must be <id>.en.md'],
    ['no front matter', { 'terms/tps.en.md': '# just text' }, 'terms/tps.en.md: (front matter): must start with a --- YAML block ---'],
    ['broken YAML', { 'terms/tps.en.md': '---\nid: [tps\n---\n' }, 'terms/tps.en.md: (front matter): is not valid YAML'],
  ])('fails on %s, naming the file and the field', (_name, files, expected) => {
    expect(problemsOf(files as Record<string, string>).join('\n')).toContain(expected);
  });

  it('fails when two terms claim the same alias, even written differently', () => {
    const problems = problemsOf({ ...pair('ice', { aliases: ['civil rights'] }), ...pair('civil-rights', { aliases: ['Civil-Rights'] }) });
    expect(problems.join('\n')).toMatch(/terms\/ice\.en\.md: aliases\.0: "civil rights" is also claimed by .*terms\/civil-rights\.(en|es)\.md/);
  });

  it('fails on a body without the required headings or outside the word range', () => {
    const short = termFile({ id: 'tps', lang: 'en' }).replace(/## How it works[\s\S]*$/, '');
    const problems = problemsOf({ 'terms/tps.en.md': short, 'terms/tps.es.md': termFile({ id: 'tps', lang: 'es' }) });
    expect(problems.join('\n')).toContain('terms/tps.en.md: body: needs the headings');
    expect(problems.join('\n')).toMatch(/terms\/tps\.en\.md: body: has \d+ words; an explainer needs 250–700/);
  });

  it('fails on a guide that mentions a term without linking it', () => {
    const problems = problemsOf({
      ...pair('writ-of-mandamus', { aliases: ['writ of mandamus'] }),
      'guides/a-guide.en.md': guideFile({ id: 'a-guide', lang: 'en', text: 'A writ of mandamus is rare.' }),
      'guides/a-guide.es.md': guideFile({ id: 'a-guide', lang: 'es', text: 'Una [writ of mandamus](term:writ-of-mandamus) es rara.' }),
    });
    expect(problems).toContain('guides/a-guide.en.md: body: mentions "writ of mandamus" (writ-of-mandamus) but never links it with [text](term:writ-of-mandamus)');
    expect(problems.some((p) => p.startsWith('guides/a-guide.es.md'))).toBe(false);
  });

  it('reports every problem at once rather than stopping at the first', () => {
    const problems = problemsOf({ ...pair('tps', { summary: 'x'.repeat(300), url: 'ftp://x.org' }) });
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });

  it('fails the build through the Vite plugin, naming every file and field', () => {
    const root = glossaryWith({ ...pair('tps', { summary: 'x'.repeat(300) }) });
    const print = vi.fn();
    const plugin = glossaryPlugin(root, print);
    const start = plugin.buildStart as unknown as (this: { addWatchFile: (f: string) => void }) => void;
    expect(() => start.call({ addWatchFile: () => {} })).toThrow(/2 problem\(s\), listed above/);
    expect(print).toHaveBeenCalledTimes(1);
    expect(print.mock.calls[0][0]).toMatch(/terms\/tps\.en\.md: summary: is longer than 280 characters/);
  });

  it('watches every input of the compiler, names.yaml and termbase.yaml included', () => {
    const root = glossaryWith({ ...pair('tps', { aliases: ['TPS'] }) });
    const plugin = glossaryPlugin(root);
    const watched: string[] = [];
    const start = plugin.buildStart as unknown as (this: { addWatchFile: (f: string) => void }) => void;
    start.call({ addWatchFile: (f) => watched.push(f) });
    expect(watched).toEqual(['terms', 'guides', 'termbase.yaml', 'names.yaml', 'review-log'].map((f) => join(root, f)));
  });

  it('serves the artifacts as virtual modules when the glossary is valid', async () => {
    const root = glossaryWith({ ...pair('tps', { aliases: ['TPS'] }) });
    const plugin = glossaryPlugin(root);
    const resolve = plugin.resolveId as unknown as (id: string) => string | null;
    const load = plugin.load as unknown as (id: string) => string | null;
    const id = resolve('virtual:glossary/cards')!;
    expect(load(id)).toContain('Title tps');
    // the content script's glossary is deflated: a string literal that inflates to the index
    const shipped = load(resolve('virtual:glossary/matcher-index')!)!;
    expect(shipped).toMatch(/^export default "[^"\\]+";$/);
    expect(shipped).not.toContain('tps');
    const { index, categories } = await inflateShippedGlossary(JSON.parse(shipped.slice('export default '.length, -1)));
    expect(index.ids).toEqual(['tps']);
    expect(Object.keys(categories)).toEqual(['tps']);
  });
});
