// The content script of every frame (declared in wxt.config.ts, at document_end): only the first pass
// (scout.ts), which reads the frame's text and has the background test its words and, when they hold a term,
// brings in the highlighter (entrypoints/highlighter/, DESIGN.md's pipeline). A page without terms pays for
// reading its text and handing it over, and nothing else; a frame too small to show a word (an ad's 1×1 frame,
// one not rendered) waits until it is shown (readable-frame.ts). It is an unlisted script, like early-input.ts:
// built without the script context WXT wraps content scripts in, which the first pass makes only at the hand-off.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { inputRelay } from '@/utils/input-relay';
import { backgroundLink } from './background-link';
import { whenReadable } from './readable-frame';
import { startFirstPass } from './scout';

export default defineUnlistedScript(() => {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return; // no Custom Highlight API: do nothing
  whenReadable(window, () => {
    const relay = inputRelay(window); // started at document_start by early-input.ts
    startFirstPass(document, backgroundLink, (listener) => relay.on('pointermove', listener));
  });
});
