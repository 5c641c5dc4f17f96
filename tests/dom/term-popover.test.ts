// @vitest-environment happy-dom
// The explainer page's cards on term links: the same card view and hover intent as on web pages, opened by
// hovering a link (after the delay) or focusing it (at once).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_GRACE_MS } from '@/components/hover-timers';
import { TermPopover } from '@/entrypoints/explainer/term-popover';
import { cards } from './fixture-glossary';

const DELAY = 300;
let popover: TermPopover;
let navigate: ReturnType<typeof vi.fn<(id: string) => void>>;

beforeEach(() => {
  document.body.innerHTML = `<main id="main"><p>Read about <a id="t1" data-term="287g" href="#287g">287(g)</a> and
    <a id="t2" data-term="ice" href="#ice">ICE</a>, or <a id="none" data-term="no-such-term" href="#x">this</a>.</p><button id="after">next</button></main>`;
  navigate = vi.fn<(id: string) => void>();
  popover = new TermPopover(document.getElementById('main')!, { cards, lang: () => 'en', hoverDelay: DELAY, navigate });
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  popover.destroy();
});

const link = (id: string) => document.getElementById(id)!;
const root = () => document.querySelector('legal-lens-ui')?.shadowRoot ?? null;
const heading = () => root()?.querySelector('[role="dialog"] h2')?.textContent ?? null;
const over = (el: Element) => el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
const out = (el: Element, to: Element | null) => el.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, pointerType: 'mouse', relatedTarget: to }));

describe('term popover', () => {
  it('opens after the hover delay and closes the grace period after the pointer leaves', () => {
    over(link('t1'));
    vi.advanceTimersByTime(DELAY - 1);
    expect(heading()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(heading()).toBe('287(g) program');
    out(link('t1'), document.body);
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 1);
    expect(heading()).toBe('287(g) program');
    vi.advanceTimersByTime(1);
    expect(heading()).toBeNull();
  });

  it('stays while the pointer is on the card', () => {
    over(link('t1'));
    vi.advanceTimersByTime(DELAY);
    out(link('t1'), document.body);
    root()!.querySelector('div')!.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    vi.advanceTimersByTime(5000);
    expect(heading()).toBe('287(g) program');
  });

  it('opens at once on keyboard focus, stays while the link has focus, and closes when focus moves on', () => {
    link('t2').focus();
    expect(heading()).toMatch(/^ICE/);
    out(link('t2'), document.body);
    vi.advanceTimersByTime(5000);
    expect(heading()).toMatch(/^ICE/);
    link('after').focus();
    expect(heading()).toBeNull();
  });

  it('Escape from inside the card closes it and puts focus back on the link', () => {
    link('t1').focus();
    root()!.querySelector<HTMLElement>('.card')!.focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(heading()).toBeNull();
    expect(document.activeElement).toBe(link('t1'));
  });

  it('the card\'s explainer link goes to the term on this page; links without a card open nothing', () => {
    link('none').focus();
    expect(heading()).toBeNull();
    link('t1').focus();
    root()!.querySelector<HTMLAnchorElement>('a.read-more')!.click();
    expect(navigate).toHaveBeenCalledWith('287g');
    expect(heading()).toBeNull();
  });
});
