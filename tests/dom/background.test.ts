// The background's message handling: a table of messages and senders with what each gets; then the wired
// service worker (through WXT's fake browser) answering a content script and writing migrated settings back.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lookupPath } from '@/entrypoints/background/lookup';
import { answerMessage, type BackgroundDeps, type MessageSender } from '@/entrypoints/background/messages';
import { HeadIndex } from '@/glossary/runtime/head-index';
import { createExactLookup, itemsFromCatalog } from '@/glossary/runtime/names';
import { SETTINGS_KEY } from '@/utils/settings';
import { MAX_SCREEN_TEXT } from '@/utils/messages';
import { cards, catalog, categories, matcherIndex } from './fixture-glossary';

const OWN = { id: 'own-extension-id', tab: { id: 17, index: 4 }, frameId: 3 };
function deps() {
  return {
    cards: vi.fn<BackgroundDeps['cards']>(async () => cards),
    ownId: OWN.id,
    getURL: (p: string) => `chrome-extension://${OWN.id}${p}`,
    openTab: vi.fn<BackgroundDeps['openTab']>(),
    injectCardUi: vi.fn<BackgroundDeps['injectCardUi']>(async () => {}),
    injectHighlighter: vi.fn<BackgroundDeps['injectHighlighter']>(async () => {}),
    injectFirstPass: vi.fn<BackgroundDeps['injectFirstPass']>(async () => {}),
    isOnAt: vi.fn<BackgroundDeps['isOnAt']>(async (url) => !url.startsWith('https://off.example/')),
    glossary: vi.fn<BackgroundDeps['glossary']>(async () => new HeadIndex(matcherIndex, categories)),
  };
}

describe('answerMessage', () => {
  it.each<[string, unknown, MessageSender, unknown]>([
    ['cards for known ids only', { type: 'legal-lens:get-cards', ids: ['287g', 'no-such-term'] }, OWN, { '287g': cards['287g'] }],
    ['nothing for an id that names an Object property', { type: 'legal-lens:get-cards', ids: ['constructor', 'ice'] }, OWN, { ice: cards.ice }],
    ['nothing to another extension', { type: 'legal-lens:get-cards', ids: ['287g'] }, { id: 'someone-else' }, undefined],
    ['nothing to a sender without an id (a web page)', { type: 'legal-lens:get-cards', ids: ['287g'] }, {}, undefined],
    ['nothing for more ids than allowed', { type: 'legal-lens:get-cards', ids: Array(21).fill('ice') }, OWN, undefined],
    ['nothing for an unknown message', { type: 'legal-lens:delete-everything' }, OWN, undefined],
    ['nothing for a string', 'legal-lens:get-cards', OWN, undefined],
  ])('%s', async (_name, message, sender, expected) => {
    expect(await answerMessage(message, sender, deps())).toEqual(expected);
  });

  it('reads the cards only when a content script first asks for them', async () => {
    const d = deps();
    answerMessage({ type: 'legal-lens:open-explainer', id: 'tps' }, OWN, d);
    expect(d.cards).not.toHaveBeenCalled();
    await answerMessage({ type: 'legal-lens:get-cards', ids: ['tps'] }, OWN, d);
    expect(d.cards).toHaveBeenCalledTimes(1);
  });

  it.each<[string, unknown, MessageSender, unknown[]]>([
    ['opens the explainer next to the sender\'s tab, in its language', { type: 'legal-lens:open-explainer', id: 'tps', lang: 'es' }, OWN, [{ url: 'chrome-extension://own-extension-id/explainer.html?lang=es#tps', index: 5 }]],
    ['without a language or a tab', { type: 'legal-lens:open-explainer', id: 'tps' }, { id: OWN.id }, [{ url: 'chrome-extension://own-extension-id/explainer.html#tps' }]],
    ['not for a path in the id', { type: 'legal-lens:open-explainer', id: '../../popup' }, OWN, []],
    ['not for another extension', { type: 'legal-lens:open-explainer', id: 'tps' }, { id: 'someone-else' }, []],
  ])('%s', (_name, message, sender, opened) => {
    const d = deps();
    expect(answerMessage(message, sender, d)).toBeUndefined();
    expect(d.openTab.mock.calls.map(([tab]) => tab)).toEqual(opened);
  });

  it('injects the card UI into the frame that asked, and answers once it is there', async () => {
    const d = deps();
    await expect(answerMessage({ type: 'legal-lens:load-card-ui' }, OWN, d)).resolves.toBe(true);
    expect(d.injectCardUi.mock.calls).toEqual([[17, 3]]);
  });

  it.each<[string, MessageSender]>([
    ['not for another extension', { ...OWN, id: 'someone-else' }],
    ['not for an extension page (no tab)', { id: OWN.id }],
  ])('injects no card UI %s', (_name, sender) => {
    const d = deps();
    expect(answerMessage({ type: 'legal-lens:load-card-ui' }, sender, d)).toBeUndefined();
    expect(d.injectCardUi).not.toHaveBeenCalled();
  });

  it('answers a content script with the heads\' filter, and with the keys of the heads it asks for', async () => {
    const d = deps();
    await expect(answerMessage({ type: 'legal-lens:glossary-filter' }, OWN, d)).resolves.toMatchObject({ filter: { bits: expect.any(String), hashes: 6 }, always: [] });
    await expect(answerMessage({ type: 'legal-lens:glossary-heads', heads: ['ice', 'writ of mandamus', 'no such'] }, OWN, d)).resolves.toEqual({
      heads: { ice: [['ice', 'ICE', 'ice', expect.any(Number)]], 'writ of mandamus': [['writ of mandamus', null, 'writ-of-mandamus', expect.any(Number)]] },
      categories: { ice: categories.ice, 'writ-of-mandamus': categories['writ-of-mandamus'] },
    });
  });

  it.each<[string, unknown, MessageSender]>([
    ['to another extension', { type: 'legal-lens:glossary-filter' }, { id: 'someone-else' }],
    ['for more heads than a message may ask', { type: 'legal-lens:glossary-heads', heads: Array(1001).fill('ice') }, OWN],
    ['for a head with a control character', { type: 'legal-lens:glossary-heads', heads: ['ice\n'] }, OWN],
    ['for heads that are not strings', { type: 'legal-lens:glossary-heads', heads: [1] }, OWN],
  ])('gives no glossary %s', (_name, message, sender) => {
    const d = deps();
    expect(answerMessage(message, sender, d)).toBeUndefined();
    expect(d.glossary).not.toHaveBeenCalled();
  });

  it('answers null when the shipped glossary is unreadable', async () => {
    const d = deps();
    d.glossary.mockResolvedValue(null);
    await expect(answerMessage({ type: 'legal-lens:glossary-filter' }, OWN, d)).resolves.toBeNull();
    await expect(answerMessage({ type: 'legal-lens:glossary-heads', heads: ['ice'] }, OWN, d)).resolves.toBeNull();
    await expect(answerMessage({ type: 'legal-lens:screen-text', text: 'ICE' }, OWN, d)).resolves.toBeNull();
    expect(d.injectHighlighter).not.toHaveBeenCalled();
  });

  it('injects the highlighter into the frame that sent its text only when the text holds a head of the glossary', async () => {
    const d = deps();
    await expect(answerMessage({ type: 'legal-lens:screen-text', text: 'The county said so.\nNothing to see.' }, OWN, d)).resolves.toEqual({ heads: {}, categories: {}, loaded: false });
    expect(d.injectHighlighter).not.toHaveBeenCalled();
    await expect(answerMessage({ type: 'legal-lens:screen-text', text: 'The county said ICE was there.' }, OWN, d)).resolves.toEqual({
      heads: { ice: [['ice', 'ICE', 'ice', expect.any(Number)]] },
      categories: { ice: categories.ice },
      loaded: true,
      filter: { filter: { bits: expect.any(String), hashes: 6 }, always: [] },
    });
    expect(d.injectHighlighter.mock.calls).toEqual([[17, 3]]);
  });

  it('leaves the highlighter to a content script that imports it, answering with what it starts with', async () => {
    const d = deps();
    await expect(answerMessage({ type: 'legal-lens:screen-text', text: 'The county said so.', imports: true }, OWN, d)).resolves.toEqual({ heads: {}, categories: {}, loaded: false });
    await expect(answerMessage({ type: 'legal-lens:screen-text', text: 'The county said ICE was there.', imports: true }, OWN, d)).resolves.toEqual({
      heads: { ice: [['ice', 'ICE', 'ice', expect.any(Number)]] },
      categories: { ice: categories.ice },
      loaded: 'import',
      filter: { filter: { bits: expect.any(String), hashes: 6 }, always: [] },
    });
    expect(d.injectHighlighter).not.toHaveBeenCalled();
    // where its import fails, it asks for the injection
    await expect(answerMessage({ type: 'legal-lens:load-highlighter' }, OWN, d)).resolves.toBe(true);
    expect(d.injectHighlighter.mock.calls).toEqual([[17, 3]]);
    expect(answerMessage({ type: 'legal-lens:load-highlighter' }, { id: OWN.id }, d)).toBeUndefined();
    expect(answerMessage({ type: 'legal-lens:load-highlighter' }, { ...OWN, id: 'someone-else' }, d)).toBeUndefined();
    expect(d.injectHighlighter).toHaveBeenCalledTimes(1);
  });

  it('injects the first pass into a frame below the top one that asks for it, and nowhere else', async () => {
    const d = deps();
    await expect(answerMessage({ type: 'legal-lens:load-first-pass' }, OWN, d)).resolves.toBe(true);
    expect(d.injectFirstPass.mock.calls).toEqual([[17, 3, undefined]]);
    // in Chrome, into the document that asked only (not one the frame has navigated to since)
    await expect(answerMessage({ type: 'legal-lens:load-first-pass' }, { ...OWN, documentId: 'D0C1' }, d)).resolves.toBe(true);
    expect(d.injectFirstPass.mock.calls[1]).toEqual([17, 3, 'D0C1']);
    d.injectFirstPass.mockClear();
    // the top frame's first pass is its own content script; a sender outside a tab, or not ours, gets nothing
    expect(answerMessage({ type: 'legal-lens:load-first-pass' }, { ...OWN, frameId: 0 }, d)).toBeUndefined();
    expect(answerMessage({ type: 'legal-lens:load-first-pass' }, { id: OWN.id, frameId: 3 }, d)).toBeUndefined();
    expect(answerMessage({ type: 'legal-lens:load-first-pass' }, { ...OWN, id: 'someone-else' }, d)).toBeUndefined();
    expect(d.injectFirstPass).not.toHaveBeenCalled();
    d.injectFirstPass.mockRejectedValueOnce(new Error('Frame with ID 3 was removed.'));
    await expect(answerMessage({ type: 'legal-lens:load-first-pass' }, OWN, d)).rejects.toThrow('removed');
  });

  it('answers "off" to the filter and to the text when the extension is off for the tab\'s site (a frame follows its tab)', async () => {
    const d = deps();
    const frameOfOffSite = { ...OWN, tab: { ...OWN.tab, url: 'https://off.example/news' }, url: 'https://ads.example/slot' };
    await expect(answerMessage({ type: 'legal-lens:glossary-filter' }, frameOfOffSite, d)).resolves.toEqual({ off: true });
    await expect(answerMessage({ type: 'legal-lens:screen-text', text: 'ICE' }, frameOfOffSite, d)).resolves.toEqual({ off: true });
    expect(d.isOnAt).toHaveBeenCalledWith('https://off.example/news');
    expect(d.injectHighlighter).not.toHaveBeenCalled();
    expect(d.glossary).not.toHaveBeenCalled();
    const frameOfOnSite = { ...OWN, tab: { ...OWN.tab, url: 'https://news.example/' }, url: 'https://off.example/embed' };
    await expect(answerMessage({ type: 'legal-lens:glossary-filter' }, frameOfOnSite, d)).resolves.toMatchObject({ always: [] });
  });

  it.each<[string, unknown, MessageSender]>([
    ['for an extension page (no tab)', { type: 'legal-lens:screen-text', text: 'ICE' }, { id: OWN.id }],
    ['for another extension', { type: 'legal-lens:screen-text', text: 'ICE' }, { ...OWN, id: 'someone-else' }],
    ['for a text that is not a string', { type: 'legal-lens:screen-text', text: ['ICE'] }, OWN],
    ['for a text longer than a message may carry', { type: 'legal-lens:screen-text', text: 'ICE '.repeat(MAX_SCREEN_TEXT / 4 + 1) }, OWN],
  ])('injects no highlighter %s', (_name, message, sender) => {
    const d = deps();
    expect(answerMessage(message, sender, d)).toBeUndefined();
    expect(d.injectHighlighter).not.toHaveBeenCalled();
  });

  it('passes on a failed injection, so the content script can try again', async () => {
    const d = deps();
    d.injectCardUi.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    await expect(answerMessage({ type: 'legal-lens:load-card-ui' }, OWN, d)).rejects.toThrow('Cannot access');
  });
});

describe('"Look up in Legal Lens" (context menu)', () => {
  const lookup = createExactLookup(itemsFromCatalog(catalog));
  it.each([
    ['a title opens its term', 'Writ of mandamus', '/explainer.html#writ-of-mandamus'],
    ['in any case, with stray spaces and line breaks', '  WRIT OF\n mandamus ', '/explainer.html#writ-of-mandamus'],
    ['a Spanish title', 'Perfil racial', '/explainer.html#racial-profiling'],
    ['an accent left out', 'Programa 287(g)', '/explainer.html#287g'],
    ['a citation written another way', '287 (g)', '/explainer.html#287g'],
    ['a guide by its title', '287(g) explained', '/explainer.html#287g-models'],
    ['the short name inside a title', 'ICE', '/explainer.html#ice'],
    ['more than a name searches', 'the writ of mandamus', '/explainer.html?q=the%20writ%20of%20mandamus'],
    ['a word that is no name searches', 'police', '/explainer.html?q=police'],
    ['a long selection searches its start', 'x'.repeat(150), `/explainer.html?q=${'x'.repeat(100)}`],
    ['nothing for an empty selection', ' \n ', null],
  ])('%s', (_name, selection, path) => {
    expect(lookupPath(selection, lookup)).toBe(path);
  });

  it('is wired to the menu: a click on a selection opens that path in a new tab', async () => {
    let onClicked: ((info: { menuItemId: string | number; selectionText?: string }) => void) | undefined;
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((l) => void (onClicked = l as never));
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    vi.resetModules();
    const { default: background } = await import('@/entrypoints/background/index');
    background.main();
    onClicked!({ menuItemId: 'legal-lens-lookup', selectionText: 'Form I-862' });
    // the glossary names ICE "la migra" (an alias of its Spanish entry): one name, so its page opens
    onClicked!({ menuItemId: 'legal-lens-lookup', selectionText: 'la migra' });
    onClicked!({ menuItemId: 'legal-lens-lookup', selectionText: 'la migra en mi barrio' });
    onClicked!({ menuItemId: 'another-menu', selectionText: 'Form I-862' });
    // the catalog is read on the first click: the tabs open once it is
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(3));
    expect(create.mock.calls.map(([tab]) => tab)).toEqual([
      { url: 'chrome-extension://test-extension-id/explainer.html#notice-to-appear' },
      { url: 'chrome-extension://test-extension-id/explainer.html#ice' },
      { url: 'chrome-extension://test-extension-id/explainer.html?q=la%20migra%20en%20mi%20barrio' },
    ]);
  });
});

describe('the background service worker', () => {
  beforeEach(() => fakeBrowser.reset());

  async function startBackground(): Promise<void> {
    // menus and commands have no in-memory fake; they are not what these tests are about
    for (const event of [fakeBrowser.contextMenus.onClicked, fakeBrowser.commands.onCommand]) vi.spyOn(event, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(0);
    const { default: background } = await import('@/entrypoints/background/index');
    background.main();
  }

  it('answers a content script\'s request for cards, and ignores other senders', async () => {
    await startBackground();
    const [mine] = await fakeBrowser.runtime.onMessage.trigger({ type: 'legal-lens:get-cards', ids: ['tps'] }, { id: fakeBrowser.runtime.id }, () => {});
    expect(mine).toHaveProperty('tps.en.title');
    const [theirs] = await fakeBrowser.runtime.onMessage.trigger({ type: 'legal-lens:get-cards', ids: ['tps'] }, { id: 'another-extension' }, () => {});
    expect(theirs).toBeUndefined();
  });

  it('files the shipped glossary by head once, and answers content scripts from it', async () => {
    await startBackground();
    const own = { id: fakeBrowser.runtime.id };
    const [filter] = await fakeBrowser.runtime.onMessage.trigger({ type: 'legal-lens:glossary-filter' }, own, () => {});
    expect(filter).toMatchObject({ filter: { bits: expect.any(String) } });
    const [heads] = await fakeBrowser.runtime.onMessage.trigger({ type: 'legal-lens:glossary-heads', heads: ['ice', 'writ of mandamus'] }, own, () => {});
    expect(Object.keys((heads as unknown as { heads: object }).heads).sort()).toEqual(['ice', 'writ of mandamus']);
    expect(heads).toHaveProperty('categories.ice', 'institutions');
  });

  it('writes back stored settings migrated field by field when installed or updated', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { categories: ['institutions', 'enforcement', 'profiling', 'remedies', 'delays', 'status'], hoverDelay: 'slow', firstOnly: true } });
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    const { [SETTINGS_KEY]: stored } = await fakeBrowser.storage.sync.get(SETTINGS_KEY);
    expect(stored).toMatchObject({ hiddenCategories: ['help'], hoverDelay: 300, firstOnly: true });
    expect(stored).not.toHaveProperty('categories');
  });
});
