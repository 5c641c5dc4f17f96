// The first content script of every frame, at document_start: it only starts the input relay
// (utils/input-relay.ts), so the reader's pointer moves, clicks and keys reach Legal Lens before any script of
// the page could stop them. It is kept tiny: it runs before the page has painted anything.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInputRelay } from '@/utils/input-relay';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  // never post WXT's "content-script-started" into the page's window (our own context, script-context.ts, posts
  // nothing at all; this keeps it so should WXT's context ever be used again)
  noScriptStartedPostMessage: true,
  main() {
    startInputRelay(window);
  },
});
