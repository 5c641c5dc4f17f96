// The extensions the benchmark compares, written or built into temporary folders at bench time: an empty
// content script (the floor for any extension), the naive highlighter (peers/naive-content.js) built from a
// glossary's aliases, mark.js as an init script for the page's own world, and Legal Lens built against any
// glossary folder (the Vite plugin reads LEGAL_LENS_GLOSSARY).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'wxt';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { isAcronymLike } from '../../glossary/runtime/matcher.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PEERS = join(import.meta.dirname, 'peers');

/** [alias as written, 1 if it matches only in the case written] */
export type WrittenAlias = [text: string, exact: 0 | 1];

/** Every alias as written in the glossary's term files (both languages), with its case rule; throws on a bad glossary. */
export function writtenAliases(glossaryRoot: string): WrittenAlias[] {
  const glossary = compileGlossary(glossaryRoot);
  if (glossary.problems.length) throw new Error(`glossary ${glossaryRoot}: ${glossary.problems.length} problems, first: ${glossary.problems[0].message}`);
  const out = new Map<string, WrittenAlias>();
  for (const term of glossary.terms) {
    for (const a of term.data.aliases) {
      const text = typeof a === 'string' ? a : a.text;
      const exact = typeof a === 'string' ? isAcronymLike(a) : a.case === 'exact';
      out.set(`${text}\u0000${exact}`, [text, exact ? 1 : 0]);
    }
  }
  return [...out.values()];
}

/**
 * The content-script part of the manifest, as Legal Lens declares its document_end scripts (wxt.config.ts:
 * frame-start.js in every frame, where it returns at once in the top one, and the first pass in the top frame).
 */
const contentScript = (files: { js: string[]; css?: string[] }) => ({
  matches: ['<all_urls>'],
  all_frames: true,
  match_about_blank: true,
  run_at: 'document_end',
  ...files,
});

function writeExtension(name: string, files: Record<string, string>, scripts: object[], more: object = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `legal-lens-bench-${name}-`));
  const manifest = { manifest_version: 3, name: `bench: ${name}`, version: '1.0.0', content_scripts: scripts, ...more };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** An MV3 extension whose content script does nothing: what any extension with such a script costs a page. */
export function writeEmptyExtension(): string {
  return writeExtension('empty', { 'content.js': '// an empty content script\n' }, [contentScript({ js: ['content.js'] })]);
}

/**
 * The floor of a first pass like Legal Lens's on a page without terms (peers/read-and-send.js): a content script
 * that reads the frame's text and sends it to its background, which answers that it holds nothing. `relay`: also
 * Legal Lens's other per-frame cost, a document_start script that listens for input first (peers/early-listeners.js).
 */
export function writeReadAndSendExtension(relay: boolean): string {
  const peer = (file: string) => readFileSync(join(PEERS, file), 'utf8');
  const files: Record<string, string> = { 'content.js': peer('read-and-send.js'), 'background.js': peer('answer-nothing.js') };
  const scripts: object[] = [contentScript({ js: ['content.js'] })];
  if (relay) {
    files['early.js'] = peer('early-listeners.js');
    scripts.push({ ...contentScript({ js: ['early.js'] }), run_at: 'document_start' });
  }
  return writeExtension(relay ? 'read-and-send-relay' : 'read-and-send', files, scripts, { background: { service_worker: 'background.js' } });
}

/** The naive highlighter (peers/naive-content.js) with `aliases` built in, underlined like Legal Lens's marks. */
export function writeNaiveExtension(aliases: WrittenAlias[], name = 'naive'): string {
  const source = `const ALIASES = ${JSON.stringify(aliases)};\n${readFileSync(join(PEERS, 'naive-content.js'), 'utf8')}`;
  const css = '::highlight(bench-naive) { text-decoration: underline dotted 2px; text-decoration-color: #6d4aff; text-underline-offset: 3px; }\n';
  return writeExtension(name, { 'content.js': source, 'content.css': css }, [contentScript({ js: ['content.js'], css: ['content.css'] })]);
}

/** The script URL mark.js runs under in traces (a sourceURL comment names it). */
export const MARKJS_URL = 'bench-markjs.js';

/** mark.js and its run (peers/markjs-run.js), as one script for Page.addScriptToEvaluateOnNewDocument. */
export function markjsInitScript(aliases: WrittenAlias[]): string {
  const markjs = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  return `${markjs}\nconst ALIASES = ${JSON.stringify(aliases)};\n${readFileSync(join(PEERS, 'markjs-run.js'), 'utf8')}\n//# sourceURL=${MARKJS_URL}\n`;
}

const silent = { debug() {}, log() {}, info() {}, warn() {}, success() {}, error: console.error, fatal: console.error, level: 0 } as never;

/**
 * Builds the Chrome extension against the glossary folder `glossaryRoot` into a temporary folder; returns its
 * path. `minify: false` keeps function names, for reading profiles; `entrypoints` builds only those (e.g.
 * ['first-pass'] when only the first pass is wanted).
 */
export async function buildLegalLens(glossaryRoot: string, options: { minify?: boolean; entrypoints?: string[] } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'legal-lens-bench-build-'));
  const before = process.env.LEGAL_LENS_GLOSSARY;
  process.env.LEGAL_LENS_GLOSSARY = glossaryRoot;
  try {
    await build({
      root: ROOT,
      browser: 'chrome',
      outDir,
      logger: silent,
      ...(options.entrypoints ? { filterEntrypoints: options.entrypoints } : {}),
      vite: () => ({ logLevel: 'silent', ...(options.minify === false ? { build: { minify: false } } : {}) }),
    });
  } finally {
    if (before === undefined) delete process.env.LEGAL_LENS_GLOSSARY;
    else process.env.LEGAL_LENS_GLOSSARY = before;
  }
  return join(outDir, 'chrome-mv3');
}
