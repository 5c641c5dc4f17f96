// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchBox } from '@/components/SearchBox';
import { createGlossarySearch, itemsFromCatalog, type SearchItem } from '@/glossary/runtime/search';
import { catalog } from './fixture-glossary';

const search = createGlossarySearch(itemsFromCatalog(catalog));

function Harness({ onChoose }: { onChoose: (item: SearchItem) => void }) {
  const [query, setQuery] = useState('');
  return <SearchBox id="t" lang="en" value={query} results={search(query)} onInput={setQuery} onChoose={onChoose} />;
}

let root: HTMLElement;
const input = () => root.querySelector<HTMLInputElement>('input[type="search"]')!;
const options = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const selected = () => options().filter((o) => o.getAttribute('aria-selected') === 'true');

async function type(text: string) {
  await act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function press(key: string) {
  await act(() => {
    input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('SearchBox', () => {
  it('is a labelled search field with a listbox of results', async () => {
    await act(() => render(<Harness onChoose={() => {}} />, root));
    const field = input();
    expect(field.type).toBe('search');
    expect(root.querySelector(`label[for="${field.id}"]`)?.textContent).toBe('Search the glossary');
    expect(field.getAttribute('role')).toBe('combobox');
    expect(field.getAttribute('aria-expanded')).toBe('false');

    await type('287');
    expect(field.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector(`#${field.getAttribute('aria-controls')}`)?.getAttribute('role')).toBe('listbox');
    expect(options().length).toBeGreaterThan(0);
    expect(options()[0].textContent).toContain('287(g) program');
  });

  it('moves through results with ArrowDown and ArrowUp, and Enter opens the one picked', async () => {
    const onChoose = vi.fn();
    await act(() => render(<Harness onChoose={onChoose} />, root));
    await type('i');
    await type('287'); // several results: the 287(g) program and the 287(g) guide
    const count = options().length;
    expect(count).toBeGreaterThan(1);
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);

    await press('ArrowDown');
    expect(selected()).toEqual([options()[0]]);
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0].id);

    await press('ArrowDown');
    expect(selected()).toEqual([options()[1]]);

    await press('ArrowUp');
    expect(selected()).toEqual([options()[0]]);

    await press('ArrowUp'); // wraps to the last
    expect(selected()).toEqual([options()[count - 1]]);

    await press('ArrowDown'); // and back to the first
    await press('ArrowDown');
    expect(selected()).toEqual([options()[1]]);
    const expected = options()[1].querySelector('.search-result-title')!.firstChild!.textContent;

    await press('Enter');
    expect(onChoose).toHaveBeenCalledTimes(1);
    expect(onChoose.mock.calls[0][0].en.title).toBe(expected);
  });

  it('Enter with nothing picked opens the first result; typing resets the pick', async () => {
    const onChoose = vi.fn();
    await act(() => render(<Harness onChoose={onChoose} />, root));
    await type('mandamus');
    await press('ArrowDown');
    await type('287g');
    expect(selected()).toEqual([]);
    await press('Enter');
    expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({ id: '287g' }));
  });

  it('Escape drops the pick first, then clears the field', async () => {
    await act(() => render(<Harness onChoose={() => {}} />, root));
    await type('ice');
    await press('ArrowDown');
    await press('Escape');
    expect(selected()).toEqual([]);
    expect(input().value).toBe('ice');
    await press('Escape');
    expect(input().value).toBe('');
    expect(options()).toEqual([]);
  });

  it('says so when nothing matches', async () => {
    await act(() => render(<Harness onChoose={() => {}} />, root));
    await type('zzzzzz');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('No term or guide matches this search.');
  });
});
