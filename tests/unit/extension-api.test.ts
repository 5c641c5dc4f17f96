// The API object the scripts in web pages use (utils/extension-api.ts): chosen by build, so that a page element
// answering to the name `browser` (a Chrome without `browser` in content scripts) is never taken for it.
import { afterEach, describe, expect, it } from 'vitest';
import { extensionApi } from '@/utils/extension-api';

describe('extensionApi', () => {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { browser: g.browser, chrome: g.chrome };
  afterEach(() => Object.assign(g, saved));

  it('is `chrome` in the Chrome build, whatever answers to `browser`', () => {
    expect(import.meta.env.FIREFOX).toBeFalsy(); // the tests run the Chrome build's code
    const chrome = { runtime: { id: 'own' } };
    Object.assign(g, { chrome, browser: { id: 'browser', tagName: 'DIV' } }); // a page's <div id="browser">
    expect(extensionApi()).toBe(chrome);
  });

  it('is undefined outside an extension context', () => {
    Object.assign(g, { chrome: undefined, browser: undefined });
    expect(extensionApi()).toBeUndefined();
  });
});
