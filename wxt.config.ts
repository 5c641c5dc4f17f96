import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin, UserConfig } from 'vite';
import { defineConfig } from 'wxt';
import { glossaryPlugin } from './glossary/build/vite-plugin.ts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // the sources ZIP for addons.mozilla.org: no screenshots of local test runs
  zip: { excludeSources: ['tests/artifacts/**'] },
  vite: () => ({
    plugins: [preact(), glossaryPlugin(), nativeExtensionApiInPages(), compileHintForHighlighter()],
    build: { target: 'es2022' },
    resolve: {
      // WXT's content-script context announces itself to the page (a CustomEvent and a window message): ours
      // does the same job without anything a page can observe (issue 10, defect 16)
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./utils/script-context.ts', import.meta.url)) }],
    },
  }),
  hooks: {
    // The content scripts are unlisted scripts declared here, so that they are built without WXT's
    // content-script wrapper and script context: the document_start relay (entrypoints/early-input.ts), the
    // top frame's first pass at document_end (entrypoints/first-pass/) and the other frames' frame-start.js, which
    // has the first pass injected once its frame can show a word. The first pass makes a script context only when it starts the
    // highlighter (issue 13: what a page without terms pays). The marks' style sheet (entrypoints/content.css)
    // goes with the relay: Firefox inserts a content script's sheet at its run_at, and inserted at document_end
    // into a long page it made the browser restyle the whole document at once, in the layout flush before the
    // load event (about 250 ms of a 380 ms task on the 10 MB hostile page, 2-core machine). Chrome inserts
    // content scripts' sheets before the page is parsed whatever their run_at.
    'build:manifestGenerated': (_wxt, manifest) => {
      const everyFrame = { matches: ['<all_urls>'], all_frames: true, match_about_blank: true };
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { ...everyFrame, run_at: 'document_start', css: ['content-scripts/content.css'], js: ['early-input.js'] },
        // the first pass in the top frame; in a frame below it, frame-start.js (about 1 KB) has the background
        // inject the first pass once the frame can show a word (issue 13.2)
        { ...everyFrame, all_frames: false, run_at: 'document_end', js: ['first-pass.js'] },
        { ...everyFrame, run_at: 'document_end', js: ['frame-start.js'] },
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting (MV3) / tabs.executeScript (MV2) on every site: the first pass is injected into a frame below the
    // top one once it can show a word, the card UI into a frame when its first card opens. The content script already runs on <all_urls>, so the install warning is the same.
    permissions: ['storage', 'contextMenus', 'activeTab', ...(browser === 'firefox' ? ['<all_urls>'] : ['scripting'])],
    ...(browser === 'firefox' ? {} : { host_permissions: ['<all_urls>'] }),
    // Chrome: the first pass imports the highlighter (entrypoints/first-pass/load-highlighter.ts), which only the
    // per-session URL reaches (use_dynamic_url, honoured from Chrome 130 on: before, the file would be reachable
    // at the extension's fixed URL, by which any page could tell it is installed). SECURITY.md says why no page
    // can learn that URL. Firefox has the background inject it instead.
    ...(browser === 'firefox'
      ? {}
      : {
          minimum_chrome_version: '130',
          web_accessible_resources: [{ resources: ['highlighter.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
        }),
    // The PDF reader's download of a PDF the user chose is covered by the host access above. In Chrome a user can
    // limit that access to some sites: the reader then asks for the PDF's site alone, declared here (SECURITY.md)
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    commands: {
      'focus-card': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandFocusCard__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'legal-lens@legal-lens.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

/**
 * The name of the unlisted script a Vite build makes (WXT builds each one as a library of that file name), or null
 * for the build of anything else.
 */
function unlistedScriptOf(config: UserConfig): string | null {
  const lib = config.build?.lib;
  return lib ? String(lib.fileName) : null;
}

/** The scripts that run in web pages' frames (content scripts and the scripts the background injects). */
const PAGE_SCRIPTS = new Set(['first-pass', 'early-input', 'highlighter', 'card-ui', 'first-pass-probe']);

/**
 * `wxt/browser` in the scripts that run in web pages is the browser's own extension API object
 * (`@wxt-dev/browser`: Firefox's `browser`, Chrome's MV3 `chrome`, whose calls used there all return promises)
 * rather than webextension-polyfill, which the extension's own pages and background keep: every frame with a
 * term compiles those scripts, and the polyfill is a sixth of the highlighter (issue 13). Their message
 * listeners answer through `sendResponse`, which both APIs support.
 */
function nativeExtensionApiInPages(): Plugin {
  let pageScript = false;
  return {
    name: 'legal-lens:native-extension-api-in-pages',
    enforce: 'pre',
    config(config) {
      pageScript = PAGE_SCRIPTS.has(unlistedScriptOf(config) ?? '');
    },
    resolveId(source, importer) {
      if (!pageScript || source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

/** V8's per-file compile hint (Chrome 136 on; other engines read it as a comment). */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Puts V8's compile hint on the first line of the highlighter (the comment has to come before any code, so it
 * goes on after minifying). Chrome imports the highlighter as a module (entrypoints/first-pass/load-highlighter.ts).
 * It compiles an imported module on a background thread, but without the hint only the top level is compiled
 * there. Each function is then compiled on the page's main thread the first time it runs, and on a page with a
 * few terms that is most of them. With the hint, Chrome compiles every function while it streams the module.
 * On the benchmark's dozen-term article this cut the main thread's V8.CompileCode from 15.1 to 6.9 ms, and the
 * functions compiled there from 232 to 95 (21 loads); Legal Lens's own CPU there fell from 32.2 to 22.7 ms and from
 * 25.5 to 19.4 ms in two interleaved runs (2026-12-03, docs/performance-history.md). The first pass gets no hint: a
 * content script is compiled on the page's main thread, where the hint doubled its compile time (2026-12-02).
 */
function compileHintForHighlighter(): Plugin {
  let highlighter = false;
  return {
    name: 'legal-lens:compile-hint-for-highlighter',
    // after WXT's own generateBundle hooks, which expect the code to start with the IIFE
    enforce: 'post',
    config(config) {
      highlighter = unlistedScriptOf(config) === 'highlighter';
    },
    generateBundle(_options, bundle) {
      if (!highlighter) return;
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.isEntry) output.code = `${COMPILE_HINT}\n${output.code}`;
      }
    },
  };
}
