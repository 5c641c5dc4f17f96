// The glossary plugin compiles a glossary once per process while its inputs stay the same: WXT builds each group
// of entrypoints with a plugin of its own, and compiling and checking the whole glossary is most of a step's time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { glossaryWith, pair, termFile } from './glossary-fixture';

vi.mock('@/glossary/build/compile', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/glossary/build/compile')>();
  return { ...actual, compileGlossary: vi.fn(actual.compileGlossary) };
});

// the test files share one module graph per worker (vitest.config.ts: isolate: false), so another file may have
// loaded the plugin with the real compiler already: load both afresh, after the mock is in place
vi.resetModules();
const { compileGlossary } = await import('@/glossary/build/compile');
const { glossaryPlugin } = await import('@/glossary/build/vite-plugin');

/** A new plugin (as a new build step makes) and the catalog module it serves. */
function catalogFrom(root: string): string {
  const plugin = glossaryPlugin(root);
  const resolve = plugin.resolveId as unknown as (id: string) => string | null;
  const load = plugin.load as unknown as (id: string) => string | null;
  return load(resolve('virtual:glossary/catalog')!)!;
}

describe('glossary plugin across build steps', () => {
  it('compiles once for every step while the inputs are unchanged, and again when a file changes', () => {
    const root = glossaryWith({ ...pair('tps', { aliases: ['TPS'] }) });
    const compile = vi.mocked(compileGlossary);
    compile.mockClear();
    expect(catalogFrom(root)).toContain('Title tps');
    expect(catalogFrom(root)).toContain('Title tps');
    expect(compile).toHaveBeenCalledTimes(1);
    // the same size, the same moment: only the bytes differ
    writeFileSync(join(root, 'terms/tps.en.md'), termFile({ id: 'tps', lang: 'en', aliases: ['TPS'], title: 'Title tpz' }));
    expect(catalogFrom(root)).toContain('Title tpz');
    expect(compile).toHaveBeenCalledTimes(2);
  });
});
