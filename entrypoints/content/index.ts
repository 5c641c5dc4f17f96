// Content script of every frame: only the first pass (scout.ts), which reads the frame's text and has the
// background test its words and, when they hold a term, inject the highlighter (entrypoints/highlighter/,
// DESIGN.md's pipeline). A page without terms pays for reading its text and handing it over, and nothing else.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { inputRelay } from '@/utils/input-relay';
import { backgroundLink } from './background-link';
import { PageScout } from './scout';
// the marks' ::highlight() rules, declared with this script so they are in place before the first mark
import '@/components/page/highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_end',
  allFrames: true,
  matchAboutBlank: true,
  // never post WXT's "content-script-started" into the page's window (our own context, utils/script-context.ts,
  // posts nothing at all; this keeps it so should WXT's context ever be used again)
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return; // no Custom Highlight API: do nothing
    const relay = inputRelay(window); // started at document_start by early-input.ts
    new PageScout(document, backgroundLink, ctx, (listener, signal) => relay.on('pointermove', listener, signal)).start();
  },
});
