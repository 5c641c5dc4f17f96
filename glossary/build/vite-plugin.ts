// Vite plugin (build time): compiles the glossary and serves the results as virtual modules.
// A glossary problem fails the build with `file: field: what is wrong` for every problem found.
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileGlossary, formatProblem, type CompiledGlossary } from './compile.ts';
import { bodyOf, bodyWordsOf, catalogOf } from './emit.ts';
import { CATEGORIES } from '../runtime/categories.ts';

const MODULES = {
  'virtual:glossary/matcher-index': (g: CompiledGlossary) => g.matcherIndex,
  'virtual:glossary/catalog': (g: CompiledGlossary) => catalogOf(g.articles, g.cards),
  'virtual:glossary/body-words': (g: CompiledGlossary) => bodyWordsOf(g.articles),
  'virtual:glossary/categories': (g: CompiledGlossary) => g.matcherIndex.ids.map((id) => CATEGORIES.indexOf(g.cards[id].category)).join(''),
  'virtual:glossary/article-loaders': (g: CompiledGlossary) => [...Object.keys(g.articles.terms), ...Object.keys(g.articles.guides)],
} as const;
type ModuleId = keyof typeof MODULES;
/** One module per term or guide: its explainer page's body (a chunk of its own, loaded on demand). */
const ARTICLE = 'virtual:glossary/article/';
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
      return id in MODULES || id.startsWith(ARTICLE) ? RESOLVED + id : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const name = id.slice(RESOLVED.length);
      compiled ??= compile();
      if (name.startsWith(ARTICLE)) {
        const articleId = name.slice(ARTICLE.length);
        const article = compiled.articles.terms[articleId] ?? compiled.articles.guides[articleId];
        if (!article) throw new Error(`Legal Lens glossary: no term or guide "${articleId}"`);
        return jsonModule(bodyOf(article));
      }
      if (!(name in MODULES)) return null;
      const data = MODULES[name as ModuleId](compiled);
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
      if (name === 'virtual:glossary/article-loaders') {
        // a literal import() per article, so the bundler gives each body a chunk of its own
        const ids = data as string[];
        return `export default {\n${ids.map((a) => `  ${JSON.stringify(a)}: () => import(${JSON.stringify(ARTICLE + a)}),`).join('\n')}\n};`;
      }
      return jsonModule(data);
    },
    watchChange(id) {
      if (id.startsWith(root)) compiled = null;
    },
  };
}

const jsonModule = (data: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
