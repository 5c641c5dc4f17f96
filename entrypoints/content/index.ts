// Content script of every frame, from document_start: it starts the input relay at once (utils/input-relay.ts:
// its listeners must be the first on the window), and once the document is parsed the first pass (scout.ts),
// which reads the frame's text and has the background test its words and, when they hold a term, inject the
// highlighter (entrypoints/highlighter/, DESIGN.md's pipeline). A page without terms pays for reading its text
// and handing it over, and nothing else: one script per frame.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInputRelay } from '@/utils/input-relay';
import { backgroundLink } from './background-link';
import { PageScout } from './scout';
// the marks' ::highlight() rules, declared with this script so they are in place before the first mark: a sheet
// inserted later (with the highlighter) makes the browser restyle the whole document, a 200 ms task on a 4 MB page
import '@/components/page/highlight.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  // never post WXT's "content-script-started" into the page's window (our own context, utils/script-context.ts,
  // posts nothing at all; this keeps it so should WXT's context ever be used again)
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return; // no Custom Highlight API: do nothing
    const relay = startInputRelay(window);
    // in a task of its own: the browser fires DOMContentLoaded at the end of its last parsing task, which on a
    // big page is long already
    relay.whenParsed(() =>
      ctx.setTimeout(() => new PageScout(document, backgroundLink, ctx, (listener, signal) => relay.on('pointermove', listener, signal)).start(), 0),
    );
  },
});
