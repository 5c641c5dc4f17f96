// Vite plugin (build time): compiles the glossary and serves the results as virtual modules.
// A glossary problem fails a production build (`vite build`, `wxt build`/`zip`), listing every problem once as
// `file: field: what is wrong`. Under a dev server or Vitest (`serve`) the problems are printed once as a warning
// and the data is served anyway, so a content problem shows in the glossary test instead of stopping every test.
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileGlossary, formatProblem, type CompiledGlossary } from './compile.ts';
import { NAMES_FILE } from './matcher-entries.ts';
import { REVIEW_LOG_DIR } from './review-log.ts';
import { deflateShippedGlossary } from './shipped-glossary.ts';
import { TERMBASE_FILE } from './termbase.ts';

const MODULES = {
  // the content script's data: the matcher index with its term ids and categories, deflated
  // (glossary/runtime/shipped-glossary.ts inflates it)
  'virtual:glossary/matcher-index': (g: CompiledGlossary) =>
    deflateShippedGlossary(g.matcherIndex, Object.fromEntries(g.matcherIndex.ids.map((id) => [id, g.cards[id].category]))),
  'virtual:glossary/cards': (g: CompiledGlossary) => g.cards,
  'virtual:glossary/articles': (g: CompiledGlossary) => g.articles,
} as const;
type ModuleId = keyof typeof MODULES;
/** The compiler's inputs under the glossary root (folders and files). */
export const WATCHED = ['terms', 'guides', TERMBASE_FILE, NAMES_FILE, REVIEW_LOG_DIR] as const;
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
      // every input of the compiler: a change to any of them rebuilds the glossary (watchChange)
      for (const input of WATCHED) this.addWatchFile(join(root, input));
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
      // the shipped glossary is a string of printable ASCII that needs no escape
      if (name === 'virtual:glossary/matcher-index') return `export default ${JSON.stringify(data)};`;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
    watchChange(id) {
      if (id.startsWith(root)) compiled = null;
    },
  };
}
