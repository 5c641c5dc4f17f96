// @vitest-environment happy-dom
// A tall card in a short room (new-user trial: in an 800 px tall window a card opened mid-page was cut at 386 px,
// and its source, "as of" date and disclaimer were below that fold, up to 134 px down). The card is never taller
// than the room placement gives it, and never than the viewport less 8 px at each edge; its body (summary, link,
// related terms) scrolls between its title and its footer, and the footer — source, "as of", disclaimer — is not
// part of what scrolls. Browsers lay it out: tests/browser/cards.test.ts measures it at 800 px.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardMaxHeight } from '@/components/card-placement';
import { HoverCard } from '@/components/HoverCard';
import { cards } from './fixture-glossary';

const noop = () => {};
let root: HTMLElement;
let style: HTMLStyleElement;

beforeEach(() => {
  style = document.createElement('style');
  style.textContent = readFileSync(resolve(import.meta.dirname, '../../components/hover-card.css'), 'utf8');
  document.head.append(style);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  style.remove();
});

describe('card layout', () => {
  it('scrolls its body, not its footer: source, "as of" and disclaimer stay below the scrolling part', () => {
    // 287g: related terms and an "as of" month; the keyboard hint too
    render(<HoverCard card={cards['287g']} cards={cards} lang="en" explainerHref="#" keyboard onLang={noop} onRelated={noop} onClose={noop} onOpenExplainer={noop} />, root);
    const card = root.querySelector<HTMLElement>('.card')!;
    const body = card.querySelector<HTMLElement>('.card-body')!;
    const footer = card.querySelector<HTMLElement>('.card-footer')!;
    expect([...card.children].map((c) => c.className)).toEqual(['card-header', 'card-body', 'card-footer']);
    for (const part of ['.card-summary', '.read-more', '.related']) expect(body.querySelector(part), part).not.toBeNull();
    for (const part of ['.source', '.as-of', '.disclaimer', '.hint']) {
      expect(footer.querySelector(part), part).not.toBeNull();
      expect(body.querySelector(part), part).toBeNull();
    }

    const css = (el: Element) => getComputedStyle(el);
    // a column: title, body, footer; the body gives way and scrolls, the title and footer keep their height
    expect(css(card).display).toBe('flex');
    expect(css(card).flexDirection).toBe('column');
    expect(css(body).overflowY).toBe('auto');
    expect(css(body).flexShrink).toBe('1');
    expect(css(footer).flexShrink).toBe('0');
    expect(css(card.querySelector('.card-header')!).flexShrink).toBe('0');
    expect(['visible', '']).toContain(css(footer).overflowY);
    // never taller than the viewport less 8 px at each edge, even before placement runs
    expect(['calc(100vh-16px)', `calc(${innerHeight}px-16px)`]).toContain(css(card).maxHeight.replace(/\s+/g, ''));
    // and a room too small even for its title and footer (a 100 px iframe): the whole card scrolls
    expect(css(card).overflow).toBe('auto');
  });

  it('a still card (a page of thousands of marks) has the class whose rule turns its appear animation off', () => {
    render(<HoverCard card={cards.ice} cards={cards} lang="en" explainerHref="#" still onLang={noop} onRelated={noop} onClose={noop} onOpenExplainer={noop} />, root);
    expect(root.querySelector('.card')!.matches('.card.still')).toBe(true);
    // happy-dom computes no animation: the rule itself, as the browser reads it
    const rules = [...style.sheet!.cssRules].filter((r): r is CSSStyleRule => (r as CSSStyleRule).selectorText === '.card.still');
    expect(rules.map((r) => r.style.getPropertyValue('animation') || r.style.getPropertyValue('animation-name'))).toEqual(['none']);
  });

  it.each([
    // [viewport height, room on the chosen side, max-height]
    [800, 386, 386], // a term mid-window: the room beside it
    [800, 2000, 784], // never more than the viewport less 8 px at each edge
    [800, 40, 96], // too little room to read in: 96 px, over the term if it must
    [100, 20, 84], // a 100 px iframe: the viewport less its margins
    [0, 300, 0],
  ])('in a %i px viewport with %i px of room, a card is at most %i px tall', (viewport, room, expected) => {
    expect(cardMaxHeight(viewport, room)).toBe(expected);
  });
});
