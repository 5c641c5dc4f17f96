// document-language: the language of a PDF that does not declare one (/Lang), guessed from its first pages'
// text by counting the most common short words of English and Spanish. Only these two matter: the glossary's
// cards are in English and Spanish, and the card follows the document's language unless the user chose one.

const ENGLISH = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with', 'on', 'by', 'this', 'are', 'be', 'not', 'court', 'from']);
const SPANISH = new Set(['el', 'la', 'los', 'las', 'de', 'del', 'que', 'y', 'en', 'por', 'para', 'con', 'una', 'es', 'se', 'su', 'al', 'no', 'corte']);

/** "en" or "es" when at least 8 common words were seen and one language has twice the other's; else null. */
export function detectLanguage(text: string): 'en' | 'es' | null {
  let en = 0;
  let es = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ENGLISH.has(word)) en++;
    if (SPANISH.has(word)) es++;
  }
  if (en + es < 8) return null;
  if (es >= 2 * en) return 'es';
  if (en >= 2 * es) return 'en';
  return null;
}
