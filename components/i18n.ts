// UI strings for every surface (card, popup, explainer, options), in English and Spanish.
import type { Category, Lang } from '@/glossary/types';

export const UI = {
  en: {
    readMore: 'Read the full explainer',
    related: 'Related terms',
    source: 'Source',
    close: 'Close',
    disclaimer: 'General information, not legal advice.',
    asOf: (date: string) => `Facts that change were checked as of ${date}.`,
    switchTo: 'Español',
    switchToLabel: 'Ver en español',
    navHint: 'Alt+↓ next term · Alt+↑ previous · Esc close',
    search: 'Search the glossary',
    searchPlaceholder: 'Search terms, e.g. mandamus, 287(g)',
    onThisPage: 'On this page',
    noTermsOnPage: 'No terms found on this page.',
    noResults: 'No matching terms.',
    offOnSite: 'Off on this site',
    allTerms: 'All terms',
    guides: 'Guides',
    reviewed: (date: string) => `Reviewed ${date}`,
    sources: 'Sources',
    back: 'All terms and guides',
    settings: 'Settings',
    categories: {
      institutions: 'Laws, agencies and courts',
      enforcement: '287(g) and local enforcement',
      profiling: 'Racial profiling and the Constitution',
      remedies: 'Lawsuits and remedies',
      delays: 'Mandamus and USCIS delays',
      status: 'Status, benefits and court cases',
      help: 'Rights and help',
    } satisfies Record<Category, string>,
  },
  es: {
    readMore: 'Leer la explicación completa',
    related: 'Términos relacionados',
    source: 'Fuente',
    close: 'Cerrar',
    disclaimer: 'Información general, no es asesoría legal.',
    asOf: (date: string) => `Los datos que cambian se revisaron el ${date}.`,
    switchTo: 'English',
    switchToLabel: 'View in English',
    navHint: 'Alt+↓ término siguiente · Alt+↑ anterior · Esc cerrar',
    search: 'Buscar en el glosario',
    searchPlaceholder: 'Busque términos, p. ej. mandamus, 287(g)',
    onThisPage: 'En esta página',
    noTermsOnPage: 'No se encontraron términos en esta página.',
    noResults: 'Ningún término coincide.',
    offOnSite: 'Desactivado en este sitio',
    allTerms: 'Todos los términos',
    guides: 'Guías',
    reviewed: (date: string) => `Revisado el ${date}`,
    sources: 'Fuentes',
    back: 'Todos los términos y guías',
    settings: 'Configuración',
    categories: {
      institutions: 'Leyes, agencias y tribunales',
      enforcement: '287(g) y control local',
      profiling: 'Perfil racial y la Constitución',
      remedies: 'Demandas y recursos legales',
      delays: 'Mandamus y demoras de USCIS',
      status: 'Estatus, beneficios y casos',
      help: 'Derechos y ayuda',
    } satisfies Record<Category, string>,
  },
} as const;

export type UiStrings = (typeof UI)[Lang];

/** The language to show: the user's choice, else the page's <html lang>, else English. */
export function pickLang(choice: 'page' | Lang, pageLang: string | null | undefined): Lang {
  if (choice !== 'page') return choice;
  return (pageLang ?? '').trim().toLowerCase().startsWith('es') ? 'es' : 'en';
}
