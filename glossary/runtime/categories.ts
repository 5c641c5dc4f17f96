// The one run-time definition of the glossary's languages and categories. The schema (build time), the card
// data types, the settings and every page import these; a category added here shows for every user by default.

/** Languages every entry is written in, in the order the interface offers them. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Topic categories of terms (front matter `category`), in the order the options page lists them. */
export const CATEGORIES = ['institutions', 'enforcement', 'court', 'profiling', 'remedies', 'delays', 'status', 'help'] as const;
export type Category = (typeof CATEGORIES)[number];
