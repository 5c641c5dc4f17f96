// Vite plugin (build time): compiles the glossary and serves the results as virtual modules.
// A glossary problem fails the build with `file: field: what is wrong` for every problem found.
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileGlossary, formatProblem, type CompiledGlossary } from './compile.ts';
import { CATEGORIES } from '../runtime/categories.ts';

const MODULES = {
  'virtual:glossary/matcher-index': (g: CompiledGlossary) => g.matcherIndex,
  'virtual:glossary/cards': (g: CompiledGlossary) => g.cards,
  'virtual:glossary/categories': (g: CompiledGlossary) => g.matcherIndex.ids.map((id) => CATEGORIES.indexOf(g.cards[id].category)).join(''),
  'virtual:glossary/articles': (g: CompiledGlossary) => g.articles,
} as const;
type ModuleId = keyof typeof MODULES;
const RESOLVED = '\0';

export function glossaryPlugin(root = resolve(process.env.LEGAL_LENS_GLOSSARY ?? join(import.meta.dirname, '..'))): Plugin {
  let compiled: CompiledGlossary | null = null;
  const compile = () => {
    const result = compileGlossary(root);
    if (result.problems.length) {
      throw new Error(`Legal Lens glossary: ${result.problems.length} problem(s)\n${result.problems.map(formatProblem).join('\n')}`);
    }
    return result;
  };
  return {
    name: 'legal-lens-glossary',
    buildStart() {
      compiled = compile();
      this.addWatchFile(join(root, 'terms'));
      this.addWatchFile(join(root, 'guides'));
    },
    resolveId(id) {
      return id in MODULES ? RESOLVED + id : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const name = id.slice(RESOLVED.length) as ModuleId;
      if (!(name in MODULES)) return null;
      compiled ??= compile();
      const data = MODULES[name](compiled);
      // the matcher index is already compact; larger data parses faster through JSON.parse of a string
      if (name === 'virtual:glossary/matcher-index') return `export default ${JSON.stringify(data)};`;
      if (name === 'virtual:glossary/categories') {
        // one digit per term, in the matcher index's id order: the content script's only per-term data
        return [
          `import index from 'virtual:glossary/matcher-index';`,
          `const names = ${JSON.stringify(CATEGORIES)}, codes = ${JSON.stringify(data)};`,
          `export default Object.fromEntries(index.ids.map((id, i) => [id, names[+codes[i]]]));`,
        ].join('\n');
      }
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
    watchChange(id) {
      if (id.startsWith(root)) compiled = null;
    },
  };
}
