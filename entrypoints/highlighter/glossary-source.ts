// glossary-source: the parts of the glossary a page needs, from the background over the extension's own
// messaging (which pages cannot see): the keys of the heads its text holds (glossary/runtime/head-index.ts),
// as the page's words ask for them. The highlighter bundles no glossary: its size and start-up do not grow
// with it. Answers are checked before use (glossary/runtime/head-answers.ts).
import { browser } from 'wxt/browser';
import { checkFilter, checkHeads } from '@/glossary/runtime/head-answers';
import type { HeadSource } from '@/glossary/runtime/paged-matcher';

/** The background as a HeadSource (glossary/runtime/paged-matcher.ts). */
export const backgroundGlossary: HeadSource = {
  filter: async () => checkFilter(await browser.runtime.sendMessage({ type: 'legal-lens:glossary-filter' })),
  heads: async (heads) => checkHeads(await browser.runtime.sendMessage({ type: 'legal-lens:glossary-heads', heads })),
};
