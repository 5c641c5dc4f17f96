// The hover card's strings, in English and Spanish (kept apart from the pages' strings for the content script's size).
import { LANGS, type Lang } from '@/glossary/runtime/categories';

export const CARD_UI = {
  en: {
    readMore: 'Read the full explainer',
    related: 'Related terms',
    source: 'Source',
    close: 'Close',
    disclaimer: 'General information, not legal advice.',
    /** `month` in words: "As of March 2026" */
    asOf: (month: string) => `As of ${month}`,
    switchTo: 'Español',
    switchToLabel: 'Ver en español',
    navHint: 'Alt+↓ next term · Alt+↑ previous · Esc close',
    /** after the title of a cited page in another language */
    inLang: { en: '(in English)', es: '(in Spanish)' },
  },
  es: {
    readMore: 'Leer la explicación completa',
    related: 'Términos relacionados',
    source: 'Fuente',
    close: 'Cerrar',
    disclaimer: 'Información general, no es asesoría legal.',
    asOf: (month: string) => `A ${month}`,
    switchTo: 'English',
    switchToLabel: 'View in English',
    navHint: 'Alt+↓ término siguiente · Alt+↑ anterior · Esc cerrar',
    inLang: { en: '(en inglés)', es: '(en español)' },
  },
} as const;

/**
 * The language to show: the user's choice, else the language of `pageLang` (a BCP 47 tag such as "es-MX", from
 * <html lang> or the browser's UI language) when the glossary has it, else English.
 */
export function pickLang(choice: 'page' | Lang, pageLang: string | null | undefined): Lang {
  if (choice !== 'page') return choice;
  const primary = (pageLang ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === primary) ?? 'en';
}
