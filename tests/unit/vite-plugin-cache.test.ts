// The glossary plugin compiles a glossary once per process while its inputs stay the same: WXT builds each group
// of entrypoints with a plugin of its own, and compiling and checking the whole glossary is most of a step's time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileOnce, glossaryPlugin } from '@/glossary/build/vite-plugin';
import { glossaryWith, pair, termFile } from './glossary-fixture';

/** A new plugin (as a new build step makes) and the catalog module it serves. */
function catalogFrom(root: string): string {
  const plugin = glossaryPlugin(root);
  const resolve = plugin.resolveId as unknown as (id: string) => string | null;
  const load = plugin.load as unknown as (id: string) => string | null;
  return load(resolve('virtual:glossary/catalog')!)!;
}

describe('glossary plugin across build steps', () => {
  it('compiles once while the inputs are unchanged, and again when a file changes', () => {
    const root = glossaryWith({ ...pair('tps', { aliases: ['TPS'] }) });
    const first = compileOnce(root);
    expect(compileOnce(root)).toBe(first);
    // the same size, the same moment: only the bytes differ
    writeFileSync(join(root, 'terms/tps.en.md'), termFile({ id: 'tps', lang: 'en', aliases: ['TPS'], title: 'Title tpz' }));
    const second = compileOnce(root);
    expect(second).not.toBe(first);
    expect(second.cards.tps.en.title).toBe('Title tpz');
    expect(compileOnce(root)).toBe(second);
  });

  it('serves every build step from that compile, and a changed file to the next step', () => {
    const root = glossaryWith({ ...pair('tps', { aliases: ['TPS'] }) });
    expect(catalogFrom(root)).toContain('Title tps');
    writeFileSync(join(root, 'terms/tps.en.md'), termFile({ id: 'tps', lang: 'en', aliases: ['TPS'], title: 'Title tpz' }));
    expect(catalogFrom(root)).toContain('Title tpz');
  });
});
