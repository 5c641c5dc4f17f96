// Front-matter schemas for glossary files. Build-time only: the content script never imports this.
import { z } from 'zod';

import { CATEGORIES, LANGS, type Lang } from '../runtime/categories.ts';

export { LANGS, type Lang };

/**
 * Everyday words and phrases that may never be an alias on their own: they only count inside a legal phrase
 * (FORMAT.md, "Everyday phrases"). Compared with an alias's normalised key (lower case, no accents).
 */
export const EVERYDAY_WORDS = new Set([
  'standing', 'parole', 'removal', 'relief', 'exhaustion', 'stop', 'warrant', 'court', 'judge', 'visa status',
  'status', 'rights', 'detention', 'profiling', 'asylum seeker', 'border', 'class', 'action', 'delay', 'evidence',
  'petition', 'appeal', 'order', 'hold', 'bond', 'act', 'the act', 'green', 'card', 'permiso', 'orden', 'corte',
  'acción', 'accion', 'demanda', 'retención', 'retencion', 'legitimación', 'legitimacion', 'ley',
  // leaving on one's own ("self-deportation", the CBP Home app) is not the grant of 8 U.S.C. § 1229c
  'salida voluntaria',
]);

export const SUMMARY_MAX_CHARS = 280;
export const TERM_WORDS = { min: 250, max: 700 } as const;
export const GUIDE_WORDS = { min: 600, max: 1500 } as const;

export const TERM_HEADINGS: Record<Lang, readonly string[]> = {
  en: ['What it is', 'How it works', 'Why it matters', 'An example', 'What you can do', 'Where to get help'],
  es: ['Qué es', 'Cómo funciona', 'Por qué importa', 'Un ejemplo', 'Qué puede hacer', 'Dónde buscar ayuda'],
};

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-27'));

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase kebab-case');

/** What kind of document a source is; everything but `secondary` is a primary source. */
export const SOURCE_KINDS = ['constitution', 'statute', 'regulation', 'court', 'agency', 'secondary'] as const;

const source = z
  .object({
    title: z.string().trim().min(3, 'needs a title'),
    url: z
      .string()
      .url('must be a URL')
      .refine((u) => u.startsWith('https://'), 'must be an https:// URL'),
    kind: z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(', ')}` }),
    /** the language of the page cited, when the build cannot tell it from the title or address (source-lang.ts) */
    lang: z.enum(LANGS, { error: `must be one of ${LANGS.join(', ')}` }).optional(),
    /** why a secondary source is cited (no primary online); one line */
    reason: z.string().trim().min(10, 'must say in a line why no primary source serves').optional(),
  })
  .strict();

const alias = z.union([
  z.string().trim().min(2, 'is too short'),
  z.object({ text: z.string().trim().min(2, 'is too short'), case: z.enum(['exact', 'any']) }).strict(),
]);

const common = {
  id,
  lang: z.enum(LANGS),
  title: z.string().trim().min(2, 'needs a title').max(90, 'is longer than 90 characters'),
  summary: z
    .string()
    .trim()
    .min(40, 'is too short to explain anything')
    .max(SUMMARY_MAX_CHARS, `is longer than ${SUMMARY_MAX_CHARS} characters`),
  reviewed: isoDate,
  as_of: isoDate.optional(),
};

export const termSchema = z
  .object({
    ...common,
    aliases: z.array(alias).min(1, 'needs at least one alias'),
    category: z.enum(CATEGORIES),
    related: z.array(id).max(8, 'lists more than 8 terms').default([]),
    sources: z.array(source).min(1, 'needs at least one source').max(5, 'lists more than 5 sources'),
  })
  .strict();

export const guideSchema = z
  .object({
    ...common,
    sources: z.array(source).min(1, 'needs at least one source').max(6, 'lists more than 6 sources'),
  })
  .strict();

export type TermFrontMatter = z.infer<typeof termSchema>;
export type GuideFrontMatter = z.infer<typeof guideSchema>;
