// @vitest-environment happy-dom
// The coverage harness (tests/unit/coverage-harness.ts) on a tiny fixture of its own
// (tests/unit/fixtures/coverage-mini): every way a phrase is covered or missed, and the figures.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher, packIndex, type MatcherEntry } from '@/glossary/runtime/matcher';
import { formatCoverage, loadPages, measureCoverage, titleFits, type Titles } from './coverage-harness';

const MINI = resolve(import.meta.dirname, 'fixtures/coverage-mini');

const entries: MatcherEntry[] = [
  ['writ of mandamus', 'writ-of-mandamus', 0], ['mandamus', 'writ-of-mandamus', 0], ['ICE', 'ice', 1],
  ['naturalization', 'naturalization', 0], ['judicial warrant', 'judicial-warrant', 0], ['raid', 'immigration-raid', 0],
  ['racial profiling', 'racial-profiling', 0], ['immigration judge', 'immigration-judge', 0],
  ['juez de inmigración', 'immigration-judge', 0], ['orden de deportación', 'deportation', 0], ['deportación', 'deportation', 0],
];
const titles: Titles = Object.fromEntries(
  [
    ['writ-of-mandamus', 'Writ of mandamus', 'Mandamus'], ['ice', 'Immigration and Customs Enforcement (ICE)', 'ICE'],
    ['naturalization', 'Naturalization', 'Naturalización'], ['judicial-warrant', 'Judicial warrant', 'Orden judicial'],
    ['immigration-raid', 'Immigration raid', 'Redada'], ['racial-profiling', 'Racial profiling', 'Perfil racial'],
    ['immigration-judge', 'Immigration judge', 'Juez de inmigración'], ['deportation', 'Deportation', 'Deportación'],
  ].map(([id, en, es]) => [id, { en: { title: en }, es: { title: es } }]),
);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('coverage harness', () => {
  const pages = loadPages(MINI);

  it('covers a phrase by a fitting card, by a fitting title, and misses the rest with the reason', () => {
    const report = measureCoverage(pages, compileMatcher(packIndex(entries, [['Oficina de Detención y Deportación', 0]])), titles);
    const how = Object.fromEntries(report.phrases.map((p) => [p.text, p.how]));
    expect(how).toEqual({
      'writ of mandamus': 'fits', // across <b>: one block string
      'Immigration and Naturalization Service': 'wrong card', // "Naturalization" inside the name
      'cancellation of removal': 'no match',
      ICE: 'fits',
      'judicial warrant': 'fits',
      raid: 'title fits', // no id listed; the card "Immigration raid" fits
      'racial profiling': 'not in scanned text', // only in a button and a script
      'jueces de inmigración': 'fits', // a plural inside the alias
      'órdenes de deportación': 'fits',
      'Oficina de Detención y Deportación': 'no match', // swallowed
    });
    expect(report.overall).toEqual({ covered: 6, total: 10, recall: 0.6 });
    expect(report.central).toEqual({ covered: 4, total: 6, recall: 4 / 6 });
    expect(report.byLang.en).toEqual({ covered: 4, total: 7, recall: 4 / 7 });
    expect(report.byLang.es).toEqual({ covered: 2, total: 3, recall: 2 / 3 });
    expect(report.byPage['es-mini'].central).toEqual({ covered: 2, total: 2, recall: 1 });
  });

  it('no longer opens the wrong card once the longer name is swallowed', () => {
    const report = measureCoverage(pages, compileMatcher(packIndex(entries, [['Immigration and Naturalization Service', 0]])), titles);
    expect(report.phrases.find((p) => p.text === 'Immigration and Naturalization Service')?.how).toBe('no match');
  });

  it('prints the figures and lists every missed phrase', () => {
    const text = formatCoverage(measureCoverage(pages, compileMatcher(packIndex(entries)), titles));
    expect(text).toMatch(/^coverage: overall 60\.0% \(6\/10\), central 66\.7% \(4\/6\); en 57\.1% \(4\/7\), es 66\.7% \(2\/3\)/);
    expect(text).toContain('en-mini: "Immigration and Naturalization Service" [central] fits ins → wrong card (naturalization)');
    expect(text).toContain('es-mini: "Oficina de Detención y Deportación" fits (none listed) → wrong card (deportation)');
    expect(text).not.toContain('"writ of mandamus"');
  });

  it('decides whether a title fits by the phrase’s content words', () => {
    expect(titleFits('raid', ['Immigration raid'])).toBe(true);
    expect(titleFits('raids', ['Immigration raid'])).toBe(true);
    expect(titleFits('Immigration and Naturalization Service', ['Naturalization'])).toBe(false);
    expect(titleFits('the', ['The Act'])).toBe(false);
  });

  it('rejects a malformed expected file with its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coverage-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'x.html'), '<p>x</p>');
    writeFileSync(join(dir, 'x.expected.json'), '{"lang": "fr", "phrases": []}');
    expect(() => loadPages(dir)).toThrow('x.expected.json: lang must be "en" or "es"');
    writeFileSync(join(dir, 'x.expected.json'), '{"lang": "en", "phrases": [{"text": "a", "central": "yes", "fits": []}]}');
    expect(() => loadPages(dir)).toThrow('x.expected.json: phrases.0.central must be true or false');
  });
});
