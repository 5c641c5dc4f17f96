// @vitest-environment happy-dom
// The matcher is compiled when the first text is to be matched (issue 13.2): a frame with no words — an ad slot,
// a tracking pixel — never pays for building it, and a page with words builds it once.
import { highlights, rangeText } from './support/browser-apis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TermHighlighter } from '@/entrypoints/content/highlighter';
import { lazyMatcher } from '@/entrypoints/content/lazy-matcher';
import { compileMatcher } from '@/glossary/runtime/matcher';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { categories, matcherIndex } from './fixture-glossary';

let h: TermHighlighter | null = null;
afterEach(() => {
  h?.stop();
  h = null;
});

async function scan(html: string) {
  const compile = vi.fn(() => compileMatcher(matcherIndex));
  const matcher = lazyMatcher(compile);
  document.body.innerHTML = html;
  h = new TermHighlighter(document, matcher, categories, DEFAULT_SETTINGS);
  await h.start();
  return { compile, matcher };
}

describe('lazyMatcher', () => {
  it('is never compiled in a frame without words', async () => {
    const { compile, matcher } = await scan('<img src="data:," width="1" height="1" alt=""><script>var x = 1;</script><div> · </div>');
    expect(compile).not.toHaveBeenCalled();
    expect(matcher.compileMs).toBe(0);
  });

  it('is compiled once, when the first words are matched', async () => {
    const { compile } = await scan('<p>The ICE detainer.</p><p>A writ of <em>mandamus</em>.</p>');
    expect(compile).toHaveBeenCalledTimes(1);
    expect([...(highlights.get('legal-lens-underline') ?? [])].map(rangeText).sort()).toEqual(['ICE', 'writ of mandamus']);
  });

  it('answers as the compiled matcher does', () => {
    const eager = compileMatcher(matcherIndex);
    const lazy = lazyMatcher(() => compileMatcher(matcherIndex));
    const text = 'Racial profiling claims often follow 287(g) stops; ICE answers.';
    expect(lazy.find(text)).toEqual(eager.find(text));
    expect(lazy.size).toBe(eager.size);
    expect(lazy.nodes).toBe(eager.nodes);
  });

  it('reports an index it cannot compile once, and then finds nothing', () => {
    const onError = vi.fn();
    const lazy = lazyMatcher(() => compileMatcher({ ids: ['ice'], lines: 'd\x01ice\x09x\0\0' }), onError);
    expect(lazy.find('ICE')).toEqual([]);
    expect(lazy.find('ICE again')).toEqual([]);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(String(onError.mock.calls[0][0])).toMatch(/line 2 shares 8 characters/);
  });
});
