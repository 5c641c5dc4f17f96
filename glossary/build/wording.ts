// Wording the interface already supplies (FORMAT.md, "Rules the build checks"): a file never says "this is not
// legal advice", because every card, popup and article page shows that line itself.
import { quote, type GlossaryProblem } from './problems.ts';
import type { Lang } from './schema.ts';

/** Disclaimers of legal advice, per language (accents folded, any case). */
const DISCLAIMER: Record<Lang, RegExp> = {
  en: /\b(?:is|are|does|do)\s+not\s+(?:constitute\s+|provide\s+|give\s+)?(?:legal\s+advice)|\bnot\s+legal\s+advice\b/i,
  es: /\bno\s+(?:es|son|constituye|constituyen|da|ofrece)\s+(?:un\s+|una\s+)?(?:asesoria|asesoramiento|consejo)\s+(?:legal|juridic[oa])/i,
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Reports a legal-advice disclaimer in a file's summary or body. */
export function checkWording(file: string, lang: Lang, summary: string, body: string): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  for (const [field, text] of [['summary', summary], ['body', body]] as const) {
    const m = DISCLAIMER[lang].exec(fold(text));
    if (m) problems.push({ file, field, message: `says ${quote(m[0])}; leave it out: the interface shows the "not legal advice" line everywhere` });
  }
  return problems;
}
