// The folders are floors and imports only point down (DESIGN.md, "Layout"): a table of which folder may
// import which, checked by reading every import of every source file. Build-time glossary code (zod, marked,
// the compiler) can never reach a shipped bundle because nothing shipped may import glossary/build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|tsx)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every import specifier of a file, resolved to a path from the repository root when it is ours. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.map((s) => {
    if (s.startsWith('@/')) return s.slice(2);
    if (s.startsWith('.')) return relative(ROOT, resolve(ROOT, file, '..', s));
    return s;
  });
}

/** [files, what they must never import, why] */
const RULES: [files: string[], forbidden: RegExp, why: string][] = [
  [[...filesUnder('entrypoints'), ...filesUnder('components'), ...filesUnder('utils'), ...filesUnder('glossary/runtime')], /^glossary\/build\//, 'build-time glossary code (zod, marked, the compiler) must never ship'],
  [filesUnder('glossary'), /^(entrypoints|components|utils)\//, 'glossary/ sits on the bottom floor'],
  [filesUnder('utils'), /^(entrypoints|components)\//, 'utils/ sits on the bottom floor'],
  [filesUnder('components'), /^entrypoints\//, 'components/ never import an entrypoint'],
];

describe('import layers', () => {
  for (const [files, forbidden, why] of RULES) {
    it(`${why}`, () => {
      const offending = files.flatMap((f) => importsOf(f).filter((i) => forbidden.test(i)).map((i) => `${f} imports ${i}`));
      expect(offending).toEqual([]);
    });
  }

  it('entrypoints never import each other', () => {
    const entry = (path: string) => /^entrypoints\/([^/.]+)/.exec(path)?.[1];
    const offending = filesUnder('entrypoints').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('entrypoints/') && entry(i) !== entry(f))
        .map((i) => `${f} imports ${i}`),
    );
    expect(offending).toEqual([]);
  });

  it('the shipped, deflated index is read where the whole glossary is matched (background, PDF reader), never bundled into the content script', () => {
    for (const file of ['entrypoints/background/index.ts', 'entrypoints/pdf/main.tsx']) {
      expect(importsOf(file), file).toEqual(expect.arrayContaining(['virtual:glossary/matcher-index']));
    }
    expect(importsOf('entrypoints/pdf/main.tsx')).toEqual(expect.arrayContaining(['glossary/runtime/shipped-glossary']));
    for (const file of ['entrypoints/first-pass/index.ts', 'entrypoints/first-pass/scout.ts', 'entrypoints/highlighter/start.ts']) {
      expect(importsOf(file), file).not.toContain('virtual:glossary/matcher-index');
    }
  });

  it('the first pass and frame-start, which nearly every page evaluates, import neither the matcher, nor the API polyfill, nor the highlighter', () => {
    const files = [...filesUnder('entrypoints/first-pass'), 'entrypoints/frame-start.ts', 'utils/readable-frame.ts', 'utils/extension-api.ts'];
    const offending = files.flatMap((f) => importsOf(f).filter((i) => /^(glossary\/runtime\/(matcher|paged-matcher|shipped-glossary)|wxt\/browser$|utils\/settings$|components\/(card|page\/(card|paint|collect)))/.test(i)).map((i) => `${f} imports ${i}`));
    expect(offending).toEqual([]);
  });

  it('finds imports of every form it is meant to police', () => {
    // guards the reader above: if it stopped seeing imports, every rule would pass vacuously
    const seen = importsOf('glossary/build/compile.ts');
    expect(seen).toEqual(expect.arrayContaining(['glossary/runtime/matcher.ts', 'zod']));
    expect(importsOf('entrypoints/highlighter/start.ts')).toEqual(expect.arrayContaining(['glossary/runtime/paged-matcher', 'wxt/browser']));
  });
});
