// @vitest-environment happy-dom
// The language of a frame's cards when the reader leaves it to the page (issue #12 item 4): <html lang> when the
// frame declares one; else what the browser's i18n.detectLanguage finds in a sample of the frame's text; else the
// browser's UI language. (A language the glossary does not speak gives English cards: pickLang.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLanguage, type LanguageDetector } from '@/entrypoints/highlighter/page-lang';

function detector(result: { language: string; percentage: number }[] | Error, ui = 'en-US') {
  return {
    detectLanguage: vi.fn(async (_text: string) => {
      if (result instanceof Error) throw result;
      return { languages: result };
    }),
    getUILanguage: () => ui,
  } satisfies LanguageDetector;
}

function page(html: string, lang?: string) {
  document.body.innerHTML = html;
  if (lang === undefined) document.documentElement.removeAttribute('lang');
  else document.documentElement.lang = lang;
}
afterEach(() => document.documentElement.removeAttribute('lang'));

const SPANISH = '<p>El perfil racial viola los derechos civiles de las personas.</p>';

describe('pageLanguage', () => {
  it.each<[string, string | undefined, ReturnType<typeof detector>, string]>([
    ['declared: taken as written, never detected', 'es-MX', detector([{ language: 'en', percentage: 99 }]), 'es-MX'],
    ['undeclared: the language detected in the text', undefined, detector([{ language: 'es', percentage: 95 }]), 'es'],
    ['undeclared and unsure: the UI language', undefined, detector([{ language: 'es', percentage: 30 }], 'en-US'), 'en-US'],
    ['undeclared and undetermined: the UI language', undefined, detector([], 'es-419'), 'es-419'],
    ['undeclared, no detector: the UI language', undefined, detector(new Error('not supported'), 'es-ES'), 'es-ES'],
    ['another language, detected (its cards are English: pickLang)', undefined, detector([{ language: 'fr', percentage: 99 }], 'es'), 'fr'],
    ['an empty lang attribute counts as undeclared', ' ', detector([{ language: 'es', percentage: 80 }]), 'es'],
  ])('%s', async (_name, lang, i18n, expected) => {
    page(SPANISH, lang);
    const sample = vi.fn(() => document.body.textContent ?? '');
    expect(await pageLanguage(document, i18n, sample)).toBe(expected);
    if (lang?.trim()) {
      expect(i18n.detectLanguage).not.toHaveBeenCalled();
      expect(sample).not.toHaveBeenCalled(); // no text is read when the frame says what it is
    } else {
      expect(i18n.detectLanguage).toHaveBeenCalledWith(expect.stringContaining('El perfil racial viola'));
    }
  });

  it('reads at most 2000 characters of the sample', async () => {
    page(SPANISH);
    const i18n = detector([{ language: 'es', percentage: 95 }]);
    await pageLanguage(document, i18n, () => 'más texto en español '.repeat(500));
    expect(i18n.detectLanguage.mock.calls[0][0].length).toBe(2000);
  });
});
