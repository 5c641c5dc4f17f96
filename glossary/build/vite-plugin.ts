// Vite plugin (build time): compiles the glossary and serves the results as virtual modules.
// A glossary problem fails a production build (`vite build`, `wxt build`/`zip`), listing every problem once as
// `file: field: what is wrong`. Under a dev server or Vitest (`serve`) the problems are printed once as a warning
// and the data is served anyway, so a content problem shows in the glossary test instead of stopping every test.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileGlossary, formatProblem, type CompiledGlossary } from './compile.ts';
import { bodyOf, bodyWordsOf, catalogOf } from './emit.ts';
import { NAMES_FILE } from './matcher-entries.ts';
import { REVIEW_LOG_DIR } from './review-log.ts';
import { deflateShippedGlossary } from './shipped-glossary.ts';
import { TERMBASE_FILE } from './termbase.ts';

const MODULES = {
  // the content script's data: the matcher index with its term ids and categories, deflated
  // (glossary/runtime/shipped-glossary.ts inflates it)
  'virtual:glossary/matcher-index': (g: CompiledGlossary) =>
    deflateShippedGlossary(g.matcherIndex, Object.fromEntries(g.matcherIndex.ids.map((id) => [id, g.cards[id].category]))),
  'virtual:glossary/catalog': (g: CompiledGlossary) => catalogOf(g.articles, g.cards),
  'virtual:glossary/body-words': (g: CompiledGlossary) => bodyWordsOf(g.articles),
  'virtual:glossary/article-loaders': (g: CompiledGlossary) => [...Object.keys(g.articles.terms), ...Object.keys(g.articles.guides)],
  // the background's catalog, read from a file of the package when first needed (see CATALOG_FILE)
  'virtual:glossary/catalog-file': (g: CompiledGlossary) => catalogOf(g.articles, g.cards),
} as const;
/**
 * The catalog as a file of the extension package, for the background: bundled into background.js it made a
 * script of over 500 kB that the service worker parsed on every wake; fetched from the package (not a
 * web-accessible resource: no web page can read it) it is read once per life of the background, when a card or
 * the context menu first needs it.
 */
export const CATALOG_FILE = 'glossary/catalog.json';
type ModuleId = keyof typeof MODULES;
/** One module per term or guide: its explainer page's body (a chunk of its own, loaded on demand). */
const ARTICLE = 'virtual:glossary/article/';
/** The compiler's inputs under the glossary root (folders and files). */
export const WATCHED = ['terms', 'guides', TERMBASE_FILE, NAMES_FILE, REVIEW_LOG_DIR] as const;
const RESOLVED = '\0';

/**
 * The last compile of each glossary root, with a digest of every input it read. WXT builds each group of
 * entrypoints (content script, card UI, pages…) with a plugin of its own, and reading and checking the whole
 * glossary is most of each step's time; unchanged inputs are compiled once per process.
 */
const lastCompile = new Map<string, { digest: string; result: CompiledGlossary }>();

/** A digest of the compiler's inputs under `root`: every file's path and bytes (a missing input counts too). */
function inputsDigest(root: string): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      hash.update(`${path}\0missing\0`);
      return;
    }
    if (isDir) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      hash.update(`${path}\0`).update(readFileSync(path)).update('\0');
    }
  };
  for (const input of WATCHED) visit(join(root, input));
  return hash.digest('hex');
}

/** The glossary under `root`, compiled again only when an input has changed since the last compile in this process. */
export function compileOnce(root: string): CompiledGlossary {
  const digest = inputsDigest(root);
  const last = lastCompile.get(root);
  if (last?.digest === digest) return last.result;
  const result = compileGlossary(root);
  lastCompile.set(root, { digest, result });
  return result;
}

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
    const result = compileOnce(root);
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
      return id in MODULES || id.startsWith(ARTICLE) ? RESOLVED + id : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const name = id.slice(RESOLVED.length);
      if (!(name in MODULES) && !name.startsWith(ARTICLE)) return null;
      compiled ??= compile();
      if (name.startsWith(ARTICLE)) {
        const articleId = name.slice(ARTICLE.length);
        const article = compiled.articles.terms[articleId] ?? compiled.articles.guides[articleId];
        if (!article) throw new Error(`Legal Lens glossary: no term or guide "${articleId}"`);
        return jsonModule(bodyOf(article));
      }
      const data = MODULES[name as ModuleId](compiled);
      // the shipped glossary is a string of printable ASCII that needs no escape
      if (name === 'virtual:glossary/matcher-index') return `export default ${JSON.stringify(data)};`;
      if (name === 'virtual:glossary/catalog-file') {
        // a production build writes the file and reads it when asked; a dev server or Vitest serves the data inline
        if (!strict) return `export default () => Promise.resolve(JSON.parse(${JSON.stringify(JSON.stringify(data))}));`;
        this.emitFile({ type: 'asset', fileName: CATALOG_FILE, source: JSON.stringify(data) });
        return `export default () => fetch(${JSON.stringify(`/${CATALOG_FILE}`)}).then((r) => { if (!r.ok) throw new Error(\`${CATALOG_FILE}: HTTP \${r.status}\`); return r.json(); });`;
      }
      if (name === 'virtual:glossary/article-loaders') {
        // a literal import() per article, so the bundler gives each body a chunk of its own
        const ids = data as string[];
        return `export default {\n${ids.map((a) => `  ${JSON.stringify(a)}: () => import(${JSON.stringify(ARTICLE + a)}),`).join('\n')}\n};`;
      }
      // larger data parses faster through JSON.parse of a string
      return jsonModule(data);
    },
    watchChange(id) {
      if (id.startsWith(root)) compiled = null;
    },
  };
}

const jsonModule = (data: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
