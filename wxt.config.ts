import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { glossaryPlugin } from './glossary/build/vite-plugin.ts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // the sources ZIP for addons.mozilla.org: no screenshots of local test runs
  zip: { excludeSources: ['tests/artifacts/**'] },
  vite: () => ({
    plugins: [preact(), glossaryPlugin()],
    build: { target: 'es2022' },
    resolve: {
      // WXT's content-script context announces itself to the page (a CustomEvent and a window message): ours
      // does the same job without anything a page can observe (issue 10, defect 16)
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./utils/script-context.ts', import.meta.url)) }],
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting (MV3) / tabs.executeScript (MV2) on every site: the card UI is injected into a frame when its
    // first card opens. The content script already runs on <all_urls>, so the install warning is the same.
    permissions: ['storage', 'contextMenus', 'activeTab', ...(browser === 'firefox' ? ['<all_urls>'] : ['scripting'])],
    ...(browser === 'firefox' ? {} : { host_permissions: ['<all_urls>'] }),
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
