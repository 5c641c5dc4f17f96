// What the build ships, read from .output after `npm run build` (issue #12 item 13): no chunk over Vite's 500 kB
// warning limit; the explainer page's own code holds no article body, and each article's body is in a chunk of its
// own, loaded when it is shown; the content script carries none of the catalog (summaries, aliases' data beyond
// the matcher index); the scripts that run in web pages' frames carry no API polyfill (issue 13); the marks' style
// sheet is declared at document_start in both builds (issue 13).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { EXTENSION_DIR, ROOT } from './harness';
import { FIREFOX_BUILD } from './driver/firefox';

const glossary = compileGlossary(join(ROOT, 'glossary'));
const scripts = readdirSync(EXTENSION_DIR, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.js'))
  .map((e) => join(e.parentPath, e.name));
const read = (file: string) => readFileSync(file, 'utf8');
interface ContentScript {
  matches: string[];
  run_at: string;
  js: string[];
  css?: string[];
  all_frames: boolean;
  match_about_blank: boolean;
}
const contentScriptsOf = (dir: string) => (JSON.parse(read(join(dir, 'manifest.json'))) as { content_scripts: ContentScript[] }).content_scripts;
/** The longest run of plain words in an article's body (written the same in a chunk, whatever the escaping). */
const phraseOf = (html: string) => (html.match(/[A-Za-z0-9 ,.;:()-]{60,}/g) ?? []).sort((a, b) => b.length - a.length)[0];

describe('build output', () => {
  it('has no script over 500 kB (Vite warns above that)', () => {
    const big = scripts.map((f) => [relative(EXTENSION_DIR, f), read(f).length] as const).filter(([, n]) => n > 500_000);
    assert.deepEqual(big, []);
  });

  it('loads each article body on its own: the explainer page code holds none, every body has a chunk of its own', () => {
    const entry = /src="\/(chunks\/explainer-[^"]+\.js)"/.exec(read(join(EXTENSION_DIR, 'explainer.html')))![1];
    const entryCode = read(join(EXTENSION_DIR, entry));
    assert.ok(entryCode.length < 100_000, `the explainer chunk is ${entryCode.length} bytes`);
    const articles = [...Object.values(glossary.articles.terms), ...Object.values(glossary.articles.guides)];
    const misplaced = articles.flatMap((article) => {
      const phrase = phraseOf(article.en.html);
      if (!phrase) return [`${article.id}: no plain phrase to look for`];
      const holders = scripts.filter((f) => read(f).includes(phrase)).map((f) => relative(EXTENSION_DIR, f));
      return holders.length === 1 && holders[0].startsWith('chunks/') && holders[0] !== entry ? [] : [`${article.id}: ${holders.join(', ') || 'nowhere'}`];
    });
    assert.deepEqual(misplaced, []);
  });

  it('keeps card texts and the catalog out of the content script and the highlighter', () => {
    const summaries = Object.values(glossary.cards).flatMap((c) => [c.en.summary, c.es.summary]);
    for (const file of ['first-pass.js', 'highlighter.js']) {
      const content = read(join(EXTENSION_DIR, file));
      assert.deepEqual(summaries.filter((s) => content.includes(JSON.stringify(s.slice(0, 30)).slice(1, -1))), [], file);
    }
  });

  it('gives the scripts that run in web pages the browser\'s own extension API, not the polyfill, and the document_start relay no script context', () => {
    // a string only webextension-polyfill holds; the background, which keeps it, shows that the test can see it
    const polyfill = 'This script should only be loaded in a browser extension';
    assert.ok(read(join(EXTENSION_DIR, 'background.js')).includes(polyfill));
    for (const file of ['first-pass.js', 'early-input.js', 'frame-start.js', 'highlighter.js', 'card-ui.js', 'first-pass-probe.js']) {
      assert.ok(!read(join(EXTENSION_DIR, file)).includes(polyfill), `${file} bundles webextension-polyfill`);
    }
    const context = 'Content script context invalidated'; // utils/script-context.ts, which the main content script uses
    assert.ok(read(join(EXTENSION_DIR, 'first-pass.js')).includes(context));
    assert.ok(!read(join(EXTENSION_DIR, 'early-input.js')).includes(context), 'early-input.js is built with a script context');
    const early = contentScriptsOf(EXTENSION_DIR).filter((c) => c.run_at === 'document_start');
    assert.deepEqual(early.map(({ js, all_frames, match_about_blank }) => ({ js, all_frames, match_about_blank })), [{ js: ['early-input.js'], all_frames: true, match_about_blank: true }]);
  });

  it('declares the first pass at document_end in the top frame and frame-start.js in every frame, built without WXT\'s content-script wrapper, in the Chrome and the Firefox build', () => {
    for (const dir of [EXTENSION_DIR, FIREFOX_BUILD]) {
      const declared = contentScriptsOf(dir).filter((c) => c.js.includes('first-pass.js') || c.js.includes('frame-start.js'));
      assert.deepEqual(
        declared.map(({ matches, run_at, all_frames, match_about_blank, js }) => ({ matches, run_at, all_frames, match_about_blank, js })),
        [
          { matches: ['<all_urls>'], run_at: 'document_end', all_frames: false, match_about_blank: true, js: ['first-pass.js'] },
          { matches: ['<all_urls>'], run_at: 'document_end', all_frames: true, match_about_blank: true, js: ['frame-start.js'] },
        ],
        dir,
      );
      // WXT's content-script wrapper makes a script context at start and logs under this name
      for (const file of ['first-pass.js', 'frame-start.js']) {
        assert.ok(!read(join(dir, file)).includes('The content script "'), `${dir}: ${file} is wrapped as a content script`);
      }
      // what every frame of every page compiles: about 1 kB, with no API polyfill and no script context
      const frameStart = read(join(dir, 'frame-start.js'));
      assert.ok(frameStart.length <= 1_500, `${dir}: frame-start.js is ${frameStart.length} bytes`);
      assert.ok(!frameStart.includes('Content script context invalidated'), `${dir}: frame-start.js holds a script context`);
    }
  });

  it('puts V8\'s compile hint on the first line of the highlighter, and on no script compiled on the page\'s main thread', () => {
    // Chrome imports the highlighter as a module and, with the hint, compiles all its functions off the page's
    // main thread (wxt.config.ts: compileHintForHighlighter). A content script is compiled on the main thread,
    // where the hint made compiling slower
    const hint = '//# allFunctionsCalledOnLoad\n';
    assert.ok(read(join(EXTENSION_DIR, 'highlighter.js')).startsWith(`${hint}(function(){`), 'highlighter.js does not start with the hint, then its IIFE');
    for (const file of ['first-pass.js', 'early-input.js', 'frame-start.js', 'card-ui.js']) {
      assert.ok(!read(join(EXTENSION_DIR, file)).includes('allFunctionsCalledOnLoad'), `${file} carries the compile hint`);
    }
  });

  it('puts no Unicode property class in a regular expression literal of the first pass or the highlighter', () => {
    // V8 reads such a literal's pattern when it parses the script and again when it evaluates it, loading ICU's
    // tables for it, on every page: these scripts make such patterns from strings, when first needed
    // (glossary/runtime/unicode-classes.ts). In the built code a literal keeps its single backslash ("[\p{L}]"),
    // a string doubles it
    const literal = /(?<!\\)\\p\{/;
    for (const dir of [EXTENSION_DIR, FIREFOX_BUILD]) {
      for (const file of ['first-pass.js', 'highlighter.js']) assert.doesNotMatch(read(join(dir, file)), literal, `${dir}/${file}`);
    }
    // the strings the patterns are made from are there: the test looks where it should
    assert.ok(read(join(EXTENSION_DIR, 'highlighter.js')).includes(String.raw`[\\p{L}\\p{N}]`));
  });

  it('declares the marks\' style sheet with the document_start script, in the Chrome and the Firefox build', () => {
    // Firefox inserts a content script's sheet at its run_at: at document_end, a long page was restyled whole in
    // one task (wxt.config.ts says what was measured)
    for (const dir of [EXTENSION_DIR, FIREFOX_BUILD]) {
      const sheets = contentScriptsOf(dir).map(({ run_at, css }) => ({ run_at, css: css ?? [] })).filter((c) => c.css.length);
      assert.deepEqual(sheets, [{ run_at: 'document_start', css: ['content-scripts/content.css'] }], dir);
      assert.match(read(join(dir, 'content-scripts/content.css')), /::highlight\(legal-lens-/, dir);
    }
  });
});
