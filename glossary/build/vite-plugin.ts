// Vite plugin (build time): compiles the glossary and serves the results as virtual modules.
// A glossary problem fails a production build (`vite build`, `wxt build`/`zip`), listing every problem once as
// `file: field: what is wrong`. Under a dev server or Vitest (`serve`) the problems are printed once as a warning
// and the data is served anyway, so a content problem shows in the glossary test instead of stopping every test.
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

/** The error a failed build throws: its message names the count only, because the list is printed before it. */
export class GlossaryBuildError extends Error {
  constructor(readonly count: number) {
    super(`Legal Lens glossary: ${count} problem(s), listed above; run npm run glossary:check to see them again`);
    this.name = 'GlossaryBuildError';
    // Vite and WXT print a failed plugin's message and stack, and WXT prints its cause again: with no stack and
    // no list in the message, the list appears once
    this.stack = this.message;
  }
}

export function glossaryPlugin(
  root = resolve(process.env.LEGAL_LENS_GLOSSARY ?? join(import.meta.dirname, '..')),
  print: (text: string) => void = (text) => process.stderr.write(`${text}\n`),
): Plugin {
  let compiled: CompiledGlossary | null = null;
  /** fail on problems (production build) or warn and serve (dev server, Vitest); a plugin used alone fails */
  let strict = true;
  /** the problems last printed, so a rebuild with the same problems does not print them again */
  let printed = '';
  const compile = () => {
    const result = compileGlossary(root);
    if (result.problems.length) {
      const list = result.problems.map(formatProblem).join('\n');
      if (list !== printed) {
        print(`\nLegal Lens glossary: ${result.problems.length} problem(s)${strict ? '' : ' (served anyway: this is not a production build)'}\n${list}`);
        printed = list;
      }
      if (strict) throw new GlossaryBuildError(result.problems.length);
    } else {
      printed = '';
    }
    return result;
  };
  return {
    name: 'legal-lens-glossary',
    configResolved(config) {
      strict = config.command === 'build';
    },
    buildStart() {
      compiled = compile();
      this.addWatchFile(join(root, 'terms'));
      this.addWatchFile(join(root, 'guides'));
      this.addWatchFile(join(root, 'termbase.yaml'));
      this.addWatchFile(join(root, 'review-log'));
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
