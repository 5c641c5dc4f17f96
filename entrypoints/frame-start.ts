// The content script of every frame at document_end, beside the first pass, which is declared for the top frame
// only (wxt.config.ts). In a frame below the top one it waits until the frame can show a word
// (utils/readable-frame.ts: laid out at least 8 px each way, and near the reader's viewport) and then has the
// background inject the first pass into it. Most frames of a page are ads and trackers that never can (1×1, not
// rendered, hidden off screen): issue 13.2 asks that they cost next to nothing, and a manifest content script runs
// in every frame it matches. This one is about 1 KB and, in such a frame, makes one ResizeObserver. In the
// top frame it returns at once. Unlisted, like early-input.ts: built without WXT's script context and without the
// API polyfill (it sends through the browser's own API object: utils/extension-api.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extensionApi } from '@/utils/extension-api';
import { whenReadable } from '@/utils/readable-frame';

interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

export default defineUnlistedScript(() => {
  // (no test for the Custom Highlight API here, as the first pass makes: every browser the manifest admits has it,
  // and the first use of the CSS namespace costs each frame its share)
  if (window === window.top) return;
  whenReadable(window, () => {
    // nothing to do when it fails: the frame is gone, or the extension was updated or removed meanwhile (Chrome
    // then throws at once rather than returning a rejected promise)
    try {
      extensionApi<ExtensionApi>()?.runtime.sendMessage({ type: 'legal-lens:load-first-pass' }).catch(() => {});
    } catch {
      // the extension's context is gone: this frame stays unread, as every frame of a removed extension does
    }
  });
});
