// The first pass (scout.ts), which reads a frame's text and has the background test its words and, when they
// hold a term, brings in the highlighter (entrypoints/highlighter/, DESIGN.md's pipeline). A page without terms
// pays for reading its text and handing it over, and nothing else. It is the top frame's content script at
// document_end (wxt.config.ts); a frame below the top one has it injected by the background once the frame can
// show a word (entrypoints/frame-start.ts). It is an unlisted script, like early-input.ts: built without the
// script context WXT wraps content scripts in, which the first pass makes only at the hand-off.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { inputRelay } from '@/utils/input-relay';
import { backgroundLink } from './background-link';
import { startFirstPass } from './scout';

export default defineUnlistedScript(() => {
  // (no test for the Custom Highlight API here: every browser the manifest admits has it, the highlighter tests for
  // it before it paints (entrypoints/highlighter/start.ts), and the first use of the CSS namespace in a frame's
  // isolated world was most of this callback's own time: 0.47 ms, of 5.7 ms sampled in Legal Lens's three scripts
  // on the term-free article (21 loads; docs/performance-history.md)
  const relay = inputRelay(window); // started at document_start by early-input.ts
  startFirstPass(document, backgroundLink, (listener) => relay.on('pointermove', listener));
});
