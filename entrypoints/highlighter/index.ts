// The highlighter, built as its own script and injected by the background into a frame whose text holds a term
// (utils/highlighter-handoff.ts says how the two meet). It only registers itself in the content script's isolated
// world; the content script's first pass starts it.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerHighlighter } from '@/utils/highlighter-handoff';
import { startHighlighter } from './start';

export default defineUnlistedScript(() => {
  registerHighlighter({ start: (ctx, head) => void startHighlighter(ctx, head) });
});
