// The first content script of every frame, at document_start: it only starts the input relay
// (utils/input-relay.ts), so the reader's pointer moves, clicks and keys reach Legal Lens before any script of
// the page could stop them. It is kept tiny: it runs before the page has painted anything. It is an unlisted
// script that wxt.config.ts declares as a content script, so it is built without the script context that WXT
// wraps content scripts in (which it never uses: nothing here outlives the page or times anything).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startInputRelay } from '@/utils/input-relay';

export default defineUnlistedScript(() => {
  startInputRelay(window);
});
