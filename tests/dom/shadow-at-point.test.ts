// @vitest-environment happy-dom
// Looking under the pointer for a shadow root no walk has met (components/page/shadow-at-point.ts), through
// nested ones; hit-testing is stood in for (happy-dom does no layout).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unknownShadowRootAt } from '@/components/page/shadow-at-point';

describe('unknownShadowRootAt', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  /** an outer host whose shadow root holds an inner host, each hit at the point */
  function nested() {
    document.body.innerHTML = '<div id="outer"></div><p id="plain">text</p>';
    const outerHost = document.getElementById('outer')!;
    const outer = outerHost.attachShadow({ mode: 'open' });
    outer.innerHTML = '<span id="inner"></span>';
    const innerHost = outer.getElementById('inner')!;
    const inner = innerHost.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>deep</p>';
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(outerHost);
    // (happy-dom's shadow roots have no elementFromPoint of their own)
    Object.assign(outer, { elementFromPoint: () => innerHost });
    Object.assign(inner, { elementFromPoint: () => inner.firstElementChild });
    return { outer, inner };
  }

  it('finds the outermost unknown one, then, once it is known, the one inside it', () => {
    const { outer, inner } = nested();
    const known = new Set<ShadowRoot>();
    expect(unknownShadowRootAt(document, 5, 5, (r) => known.has(r))).toBe(outer);
    known.add(outer);
    expect(unknownShadowRootAt(document, 5, 5, (r) => known.has(r))).toBe(inner);
    known.add(inner);
    expect(unknownShadowRootAt(document, 5, 5, (r) => known.has(r))).toBeNull();
  });

  it('finds nothing over an element without a shadow root, or over a closed one', () => {
    document.body.innerHTML = '<p id="plain">text</p><div id="closed"></div>';
    const closed = document.getElementById('closed')!;
    closed.attachShadow({ mode: 'closed' });
    const at = vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.getElementById('plain'));
    expect(unknownShadowRootAt(document, 5, 5, () => false)).toBeNull();
    at.mockReturnValue(closed);
    expect(unknownShadowRootAt(document, 5, 5, () => false)).toBeNull();
    at.mockReturnValue(null);
    expect(unknownShadowRootAt(document, 5, 5, () => false)).toBeNull();
  });
});
