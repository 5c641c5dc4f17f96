// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Explainer } from '@/entrypoints/explainer/Explainer';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { articles, catalog, loadBody } from './fixture-glossary';

let root: HTMLElement;
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

async function settle() {
  for (let i = 0; i < 3; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

async function open(url: string, settings: Partial<Settings> = {}, uiLanguage = 'en-US', load: typeof loadBody = loadBody) {
  history.replaceState(null, '', url);
  await act(() =>
    render(<Explainer catalog={catalog} loadBody={load} settings={{ ...DEFAULT_SETTINGS, ...settings }} uiLanguage={uiLanguage} />, root),
  );
  await settle();
}

async function goTo(hash: string) {
  await act(() => {
    location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  document.querySelectorAll('legal-lens-ui').forEach((el) => el.remove());
});

describe('explainer index', () => {
  it('lists every term, grouped by category, and every guide, as links #<id>', async () => {
    await open('/explainer.html');
    const hrefs = [...root.querySelectorAll<HTMLAnchorElement>('main a[href^="#"]')].map((a) => a.getAttribute('href'));
    for (const id of [...Object.keys(articles.terms), ...Object.keys(articles.guides)]) expect(hrefs).toContain(`#${id}`);
    const groups = [...root.querySelectorAll('.category h3')].map((h) => h.firstChild?.textContent);
    expect(groups).toEqual([
      'Laws, agencies and courts',
      'Enforcement, 287(g) and detention',
      'Racial profiling and the Constitution',
      'Mandamus and USCIS delays',
    ]);
    expect($('#guides-heading').textContent).toBe('Guides');
    expect(document.title).toBe('Glossary — Legal Lens');
    expect(root.textContent).toContain('General information, not legal advice.');
  });

  it('fills the search from ?q= and filters with it', async () => {
    await open('/explainer.html?q=inmigracion');
    const input = $<HTMLInputElement>('input[type="search"]');
    expect(input.value).toBe('inmigracion');
    const results = [...root.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(results.some((r) => r?.includes('ICE'))).toBe(true);
  });
});

describe('explainer search', () => {
  it('keeps the whole index in view, and says so, when a search finds nothing', async () => {
    await open('/explainer.html?q=zzzz');
    expect(root.querySelectorAll('[role="option"]').length).toBe(0);
    expect($('[role="status"]').textContent).toBe('No term or guide matches this search.');
    expect($('.search-elsewhere').textContent).toBe('Every term and guide is listed below.');
    expect($('#terms-heading').closest('[hidden]')).toBeNull();
    render(null, root);
    await open('/explainer.html?q=mandamus');
    expect($('#terms-heading').closest('[hidden]')).not.toBeNull();
  });
});

describe('explainer article', () => {
  it('shows the heading at once and the body when it has loaded (each body is loaded on its own)', async () => {
    let loaded!: () => void;
    const asked: string[] = [];
    const slow = (id: string) => {
      asked.push(id);
      return new Promise<Awaited<ReturnType<typeof loadBody>>>((resolve) => (loaded = () => void loadBody(id).then(resolve)));
    };
    await open('/explainer.html#287g', {}, 'en-US', slow);
    expect(asked).toEqual(['287g']);
    expect($('h1').textContent).toBe('287(g) program');
    expect($('.article-body').getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.sources')).toBeNull();
    await act(async () => loaded());
    await settle();
    expect($('.article-body h2').textContent).toBe('What it is');
    expect($<HTMLAnchorElement>('.sources a').href).toBe('https://www.uscis.gov/');
  });

  it('says so when a body cannot be loaded', async () => {
    await open('/explainer.html#287g', {}, 'en-US', () => Promise.reject(new Error('gone')));
    expect($('h1').textContent).toBe('287(g) program');
    expect($('[role="alert"]').textContent).toContain('could not be loaded');
  });

  it('shows the term named in the hash, with everything the article needs', async () => {
    await open('/explainer.html#287g');
    expect($('h1').textContent).toBe('287(g) program');
    expect(document.title).toBe('287(g) program — Legal Lens');
    expect(document.documentElement.lang).toBe('en');
    expect($('.lede').textContent).toContain('A 287(g) deal');
    expect($('.article-body h2').textContent).toBe('What it is');
    expect($('.article-body a.term-link').getAttribute('data-term')).toBe('ice');
    expect($<HTMLAnchorElement>('.sources a').href).toBe('https://www.uscis.gov/');
    expect($('.article-meta').textContent).toContain('Reviewed November 27, 2026');
    expect($('.article-meta').textContent).toContain('As of November 2026');
    expect($('.eyebrow').textContent).toContain('Enforcement, 287(g) and detention');
    expect($('#related-heading').textContent).toBe('Related terms');
    expect($('.chips a').getAttribute('href')).toBe('#ice');
    expect(root.textContent).toContain('General information, not legal advice.');
  });

  it('takes its language from ?lang=, else the setting, and switches with the EN/ES buttons', async () => {
    await open('/explainer.html?lang=es#287g');
    expect($('h1').textContent).toBe('Programa 287(g)');
    expect(document.documentElement.lang).toBe('es');
    render(null, root);

    await open('/explainer.html#287g', { language: 'es' });
    expect($('h1').textContent).toBe('Programa 287(g)');

    await act(() => $<HTMLButtonElement>('button[lang="en"]').click());
    expect($('h1').textContent).toBe('287(g) program');
    expect(document.documentElement.lang).toBe('en');
    expect($('button[lang="en"]').getAttribute('aria-pressed')).toBe('true');
    expect(new URL(location.href).searchParams.get('lang')).toBe('en');
  });

  it('follows hash changes, and term links change only the hash', async () => {
    await open('/explainer.html#287g');
    await goTo('#ice');
    expect($('h1').textContent).toBe('ICE (U.S. Immigration and Customs Enforcement)');

    await act(() => $<HTMLAnchorElement>('.article-body a.term-link').click());
    expect(location.hash).toBe('#ice');

    await goTo('#287g-models');
    expect($('h1').textContent).toBe('287(g) explained');
    expect($('.eyebrow').textContent).toBe('Guide');

    await goTo('');
    expect($('h1').textContent).toBe('Glossary');
  });

  it('says so when the id is unknown', async () => {
    await open('/explainer.html#no-such-term');
    expect($('h1').textContent).toBe('We could not find that term or guide.');
  });

  it('shows the hover card for a term link in a guide, and Escape closes it', async () => {
    await open('/explainer.html#287g-models');
    const link = $<HTMLAnchorElement>('.article-body a.term-link');
    await act(() => link.focus());
    await settle();
    const host = document.querySelector('legal-lens-ui');
    const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
    expect(dialog).toBeTruthy();
    const heading = host!.shadowRoot!.getElementById(dialog!.getAttribute('aria-labelledby')!);
    expect(heading?.textContent).toBe('287(g) program');

    await act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(host?.shadowRoot?.querySelector('[role="dialog"]')).toBeNull();
  });
});
