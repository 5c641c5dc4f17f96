// @vitest-environment happy-dom
// Labels keep the case of what they say (issue 12, new-user trial): the category "Enforcement, 287(g) and
// detention" was shown as "ENFORCEMENT, 287(G) AND DETENTION" by a `text-transform: uppercase` on the explainer's
// eyebrow, and 287(g) is a citation (8 U.S.C. § 1357(g), INA § 287(g)) whose "(g)" is lower case in the law.
// Neither a stylesheet the extension ships nor a rendered label may change the case of text.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Explainer } from '@/entrypoints/explainer/Explainer';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { catalog, loadBody } from './fixture-glossary';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every stylesheet under the shipped source folders. */
function shippedStylesheets(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.css')) found.push(path);
    }
  };
  for (const dir of ['components', 'entrypoints', 'public']) walk(join(ROOT, dir));
  return found;
}

/** The declarations that change the case of text: text-transform other than none. */
const CASE_CHANGE = /text-transform\s*:\s*(?!none\b|initial\b|inherit\b|unset\b)[a-z-]+/g;

describe('labels keep their case', () => {
  it('no shipped stylesheet transforms the case of text', () => {
    const sheets = shippedStylesheets();
    expect(sheets.length).toBeGreaterThan(2);
    const offending = sheets.flatMap((path) => {
      const css = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      return [...css.matchAll(CASE_CHANGE)].map((m) => `${relative(ROOT, path)}: ${m[0]}`);
    });
    expect(offending).toEqual([]);
  });

  describe('the explainer shows the category "287(g)" as written', () => {
    let root: HTMLElement;
    let style: HTMLStyleElement;
    beforeEach(() => {
      fakeBrowser.reset();
      style = document.createElement('style');
      style.textContent = readFileSync(join(ROOT, 'components/pages.css'), 'utf8');
      document.head.append(style);
      root = document.createElement('div');
      document.body.append(root);
    });
    afterEach(() => {
      render(null, root);
      root.remove();
      style.remove();
    });

    it.each([
      ['en', 'Enforcement, 287(g) and detention'],
      ['es', 'Control migratorio, 287(g) y detención'],
    ] as const)('%s: the eyebrow says %j, with no case transform', async (lang, label) => {
      history.replaceState(null, '', '/explainer.html#287g');
      await act(() =>
        render(<Explainer catalog={catalog} loadBody={loadBody} settings={{ ...DEFAULT_SETTINGS, language: lang }} uiLanguage={lang} />, root),
      );
      for (let i = 0; i < 3; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
      const eyebrow = root.querySelector<HTMLElement>('.eyebrow');
      expect(eyebrow?.textContent).toContain(label);
      expect(getComputedStyle(eyebrow!).textTransform).not.toBe('uppercase');
      expect(['', 'none']).toContain(getComputedStyle(eyebrow!).textTransform);
    });
  });
});
