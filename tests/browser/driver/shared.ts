// What both drivers share: the scripts every tab gets, the settings layout (from utils/settings.ts itself), and
// reading key chords.
import { DEFAULT_SETTINGS, SETTINGS_KEY, SITES_KEY, storageItems } from '../../../utils/settings.ts';

/**
 * Installed in every document a tab loads, before the page's own scripts (so before a hostile page can replace the
 * DOM methods it uses: it keeps the originals). Two globals of the test's own, absent from real pages:
 * - `__name`: tsx compiles test files with esbuild's keepNames, whose __name() calls end up in evaluated functions;
 * - `__lens`: what tests read from a page: marks (the highlight registry), the open card (in its host's open
 *   shadow root), a fingerprint of the page's DOM without our host, and the page's DOM changes since it finished
 *   parsing (a MutationObserver set up before any content script runs). See page-globals.d.ts.
 * Only arrow functions inside: esbuild's __name() calls for hoisted function declarations would come first.
 */
export function installTestHelpers(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.__name ??= (f: unknown) => f;
  if (g.__lens) return;
  // originals, called through `call` so that replaced prototypes do not matter
  const call = Function.prototype.call;
  const un = <F extends (...args: never[]) => unknown>(f: F) => call.bind(f) as unknown as (self: unknown, ...args: Parameters<F>) => ReturnType<F>;
  const get = (proto: object, name: string) => un(Object.getOwnPropertyDescriptor(proto, name)!.get! as () => unknown);
  const D = Document.prototype;
  const E = Element.prototype;
  const N = Node.prototype;
  const R = Range.prototype;
  const qsa = un(E.querySelectorAll);
  const dqsa = un(D.querySelectorAll);
  const qs = un(E.querySelector);
  const sqs = un(DocumentFragment.prototype.querySelector);
  const createRange = un(D.createRange);
  const createWalker = un(D.createTreeWalker);
  const nextNode = un(TreeWalker.prototype.nextNode);
  const setStart = un(R.setStart);
  const setEnd = un(R.setEnd);
  const clientRects = un(R.getClientRects);
  const rangeText = un(R.toString);
  const rect = un(E.getBoundingClientRect);
  const attr = un(E.getAttribute);
  const attrs = get(E, 'attributes') as (el: Element) => NamedNodeMap;
  const closest = un(E.closest);
  const shadowOf = get(E, 'shadowRoot') as (el: Element) => ShadowRoot | null;
  const textOf = get(N, 'textContent') as (n: Node) => string | null;
  const parentEl = get(N, 'parentElement') as (n: Node) => Element | null;
  const scrollInto = un(E.scrollIntoView);
  const activeIn = get(ShadowRoot.prototype, 'activeElement') as (r: ShadowRoot) => Element | null;
  const elementAt = un(D.elementFromPoint);
  const shadowAt = un(ShadowRoot.prototype.elementFromPoint);
  // a frame's first about:blank document can hand its window on to the page loaded next (the same realm, where an
  // init script does not run again): the document and its registry are looked up on each call
  const cssNamespace = CSS;
  const registryOf = un(Object.getOwnPropertyDescriptor(CSS, 'highlights')?.get ?? (() => CSS.highlights));
  const regGet = un(HighlightRegistry.prototype.get);
  const regHas = un(HighlightRegistry.prototype.has);
  const regKeys = un(HighlightRegistry.prototype.keys);
  const hlValues = un(Highlight.prototype.values);
  const hlSize = get(Highlight.prototype, 'size') as (h: Highlight) => number;
  const arrayFrom = Array.from;
  const win = window;
  const isOurs = (el: Element) => el.localName.startsWith('legal-lens');
  const ranges = (name: string) => {
    const h = regGet(registryOf(cssNamespace), name) as Highlight | undefined;
    return h ? (arrayFrom(hlValues(h) as Iterable<AbstractRange>) as AbstractRange[]) : [];
  };
  const live = (r: AbstractRange) => {
    const range = createRange(document);
    setStart(range, r.startContainer, r.startOffset);
    setEnd(range, r.endContainer, r.endOffset);
    return range;
  };
  const boxOf = (r: DOMRect) => ({ x: r.left, y: r.top, width: r.width, height: r.height });
  const hosts = () => (arrayFrom(dqsa(document, '*')) as Element[]).filter(isOurs);
  const dialog = () => {
    for (const host of hosts()) {
      const root = shadowOf(host);
      const d = root && (sqs(root, '[role="dialog"]') as HTMLElement | null);
      if (d) return { root: root!, d };
    }
    return null;
  };
  const name = (el: Element) => (attr(el, 'aria-label') ?? textOf(el) ?? '').trim();
  const roleOf = (el: Element) => attr(el, 'role') ?? (el.localName === 'a' ? 'link' : el.localName === 'button' ? 'button' : el.localName);

  // the page's DOM changes from the end of parsing on (the parser's own insertions come before that)
  const changes: string[] = [];
  const describe = (n: Node) => (n.nodeType === 1 ? (n as Element).localName : n.nodeName);
  const take = (list: MutationRecord[]) => {
    for (const r of list) {
      const added = arrayFrom(r.addedNodes).filter((n) => !(n.nodeType === 1 && isOurs(n as Element)));
      const removed = arrayFrom(r.removedNodes).filter((n) => !(n.nodeType === 1 && isOurs(n as Element)));
      const target = r.target.nodeType === 1 ? (r.target as Element) : null;
      if (r.type === 'childList' && !added.length && !removed.length) continue;
      if (target && isOurs(target)) continue;
      if (r.type === 'attributes') changes.push(`attribute ${r.attributeName} of ${describe(r.target)}`);
      else if (r.type === 'characterData') changes.push(`text of ${describe(parentEl(r.target) ?? r.target)}`);
      else for (const n of [...added.map((x) => `added ${describe(x)}`), ...removed.map((x) => `removed ${describe(x)}`)]) changes.push(`${n} in ${describe(r.target)}`);
    }
  };
  const observer = new MutationObserver(take);
  let observed: Document | null = null;
  /** Watches the current document (again, when the window has moved on to another). */
  const watch = () => {
    if (observed === document) return;
    observer.disconnect();
    changes.length = 0;
    const doc = (observed = document);
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    doc.addEventListener('readystatechange', () => {
      if (doc.readyState !== 'interactive') return;
      observer.takeRecords();
      changes.length = 0;
    });
  };
  watch();

  g.__lens = {
    /** the texts of the ranges in highlight `hl` */
    marks: (hl = 'legal-lens-underline') => ranges(hl).map((r) => rangeText(live(r))),
    /** how many ranges highlight `hl` holds (0 when it is not registered) */
    markCount: (hl = 'legal-lens-underline') => {
      const h = regGet(registryOf(cssNamespace), hl) as Highlight | undefined;
      return h ? hlSize(h) : 0;
    },
    registered: (hl = 'legal-lens-underline') => regHas(registryOf(cssNamespace), hl) as boolean,
    /** names in the registry that are ours and hold ranges */
    ourHighlights: () => (arrayFrom(regKeys(registryOf(cssNamespace)) as Iterable<string>) as string[]).filter((k) => k.startsWith('legal-lens') && ranges(k).length > 0),
    /** each mark's text and the id (or tag) of the nearest element with an id around its start */
    markPlaces: (hl = 'legal-lens-underline') =>
      ranges(hl).map((r) => {
        const el = r.startContainer.nodeType === 1 ? (r.startContainer as Element) : parentEl(r.startContainer);
        const holder = el && (closest(el, '[id]') as Element | null);
        return { text: rangeText(live(r)), where: holder ? attr(holder, 'id')! : (el?.localName ?? '') };
      }),
    /**
     * the viewport box of the n-th mark whose text matches /source/flags, scrolled into view first if asked; with
     * `within`, of the marks no further than `within` viewports' height above or below the viewport only
     */
    markBox: (source: string, flags: string, n: number, hl: string, scroll: boolean, within?: number) => {
      const re = new RegExp(source, flags);
      const near = (r: AbstractRange) => {
        const box = clientRects(live(r))[0];
        return !!box && box.bottom > -within! * win.innerHeight && box.top < (within! + 1) * win.innerHeight;
      };
      const found = ranges(hl).filter((r) => re.test(rangeText(live(r))) && (within === undefined || near(r)))[n];
      if (!found) return null;
      const range = live(found);
      let first = clientRects(range)[0];
      if (scroll && first && (first.top < 0 || first.bottom > win.innerHeight)) {
        const el = found.startContainer.nodeType === 1 ? (found.startContainer as Element) : parentEl(found.startContainer);
        if (el) scrollInto(el, { block: 'center', behavior: 'instant' as ScrollBehavior });
        first = clientRects(range)[0];
      }
      return first ? boxOf(first) : null;
    },
    /** the open card, or null */
    card: () => {
      const found = dialog();
      if (!found) return null;
      const { root, d } = found;
      const h2 = qs(d, 'h2') as Element | null;
      const focused = activeIn(root);
      return {
        heading: h2 ? (textOf(h2) ?? '') : null,
        headingId: h2 ? attr(h2, 'id') : null,
        labelledBy: attr(d, 'aria-labelledby'),
        lang: attr(d, 'lang'),
        text: textOf(d) ?? '',
        box: boxOf(rect(d)),
        focused: focused ? roleOf(focused) : null,
      };
    },
    /** the box of the card's first control of `role` ("button", "link") whose label matches /source/flags */
    cardControl: (role: string, source: string, flags: string) => {
      const found = dialog();
      if (!found) return null;
      const re = new RegExp(source, flags);
      const el = (arrayFrom(qsa(found.d, 'a, button, [role]')) as Element[]).find((c) => roleOf(c) === role && re.test(name(c)));
      return el ? { label: name(el), box: boxOf(rect(el)) } : null;
    },
    /** whether what is at the open card's centre (through its host's shadow root) is the card: it shows, on top */
    cardOnTop: () => {
      const found = dialog();
      if (!found) return false;
      // the middle of the part of the card inside the viewport (a short frame can cut it: that is checked elsewhere)
      const r = rect(found.d);
      const left = Math.max(r.left, 0);
      const right = Math.min(r.right, win.innerWidth);
      const topEdge = Math.max(r.top, 0);
      const bottom = Math.min(r.bottom, win.innerHeight);
      if (right <= left || bottom <= topEdge) return false;
      const x = (left + right) / 2;
      const y = Math.min((topEdge + bottom) / 2, topEdge + 40);
      const top = elementAt(document, x, y) as Element | null;
      if (!top || !isOurs(top)) return false;
      const inner = shadowAt(found.root, x, y) as Element | null;
      return !!inner && (inner === found.d || found.d.contains(inner));
    },
    /**
     * the viewport box of the first occurrence of `text` in the page's text, open shadow roots included (marked or
     * not), scrolled into view
     */
    textBox: (text: string) => {
      const search = (root: Node): Text | null => {
        const walker = createWalker(document, root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let n = nextNode(walker) as Node | null; n; n = nextNode(walker) as Node | null) {
          if (n.nodeType === 3 && (n as Text).data.includes(text)) return n as Text;
          const shadow = n.nodeType === 1 ? shadowOf(n as Element) : null;
          const inner = shadow && !isOurs(n as Element) ? search(shadow) : null;
          if (inner) return inner;
        }
        return null;
      };
      const n = search(document.body ?? document.documentElement);
      if (!n) return null;
      const at = n.data.indexOf(text);
      const range = createRange(document);
      setStart(range, n, at);
      setEnd(range, n, at + text.length);
      let first = clientRects(range)[0];
      if (first && (first.top < 0 || first.bottom > win.innerHeight)) {
        const el = parentEl(n);
        if (el) scrollInto(el, { block: 'center', behavior: 'instant' as ScrollBehavior });
        first = clientRects(range)[0];
      }
      return first ? boxOf(first) : null;
    },
    /** the viewport box of the frame element named `name` in this document: its content box */
    frameBox: (frameName: string) => {
      const el = (arrayFrom(dqsa(document, 'iframe, frame')) as HTMLIFrameElement[]).find((f) => attr(f, 'name') === frameName);
      if (!el) return null;
      const r = rect(el);
      return { x: r.left + el.clientLeft, y: r.top + el.clientTop, width: el.clientWidth, height: el.clientHeight };
    },
    /** how many hosts of ours are in the document */
    hostCount: () => hosts().length,
    /** a fingerprint of the page's DOM (elements, attributes, text) without our hosts */
    fingerprint: () => {
      let hash = 2166136261;
      let nodes = 0;
      const mix = (s: string) => {
        for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 16777619);
      };
      const walker = createWalker(document, document, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (n: Node) => (n.nodeType === 1 && isOurs(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let n = nextNode(walker) as Node | null; n; n = nextNode(walker) as Node | null) {
        nodes++;
        if (n.nodeType === 3) mix(`#${(n as Text).data}`);
        else {
          mix(`<${(n as Element).localName}`);
          for (const a of arrayFrom(attrs(n as Element))) mix(` ${a.name}=${a.value}`);
        }
      }
      return `${nodes}:${(hash >>> 0).toString(16)}`;
    },
    /** the page's DOM changes since it finished parsing, our host's coming and going left out */
    changes: () => {
      watch();
      take(observer.takeRecords());
      return [...changes];
    },
  };
}

/**
 * The storage writes that apply `patch` to what is stored, in the extension's own layout (utils/settings.ts):
 * `read` is what storage holds now; returns the items to set and the keys to remove. Values are written as given,
 * unvalidated, so a test can also store what the extension must reject.
 */
export function settingsWrite(read: Record<string, unknown>, patch: Record<string, unknown>): { set: Record<string, unknown>; remove: string[] } {
  const { disabledSites, ...small } = patch;
  const stored = read[SETTINGS_KEY] && typeof read[SETTINGS_KEY] === 'object' ? (read[SETTINGS_KEY] as Record<string, unknown>) : {};
  const set: Record<string, unknown> = { [SETTINGS_KEY]: { ...stored, ...small } };
  const remove: string[] = [];
  if (disabledSites !== undefined) {
    Object.assign(set, storageItems({ ...DEFAULT_SETTINGS, disabledSites: disabledSites as string[] }, { sites: true }));
    // a short list also where builds from before its own items read it (for comparing builds; ignored by this one)
    if (JSON.stringify(disabledSites).length < 2000) (set[SETTINGS_KEY] as Record<string, unknown>).disabledSites = disabledSites;
    const before = typeof read[SITES_KEY] === 'number' ? (read[SITES_KEY] as number) : 0;
    const after = set[SITES_KEY] as number;
    for (let i = after; i < before; i++) remove.push(`${SITES_KEY}.${i}`);
  }
  return { set, remove };
}

/** "Alt+ArrowDown" → modifiers and the key. */
export function chord(keys: string): { modifiers: string[]; key: string } {
  const parts = keys.split('+');
  const key = parts.pop() || '+';
  return { modifiers: parts, key };
}

/** The script an extension page runs to read everything in sync storage (`chrome` in Chrome, `browser` in Firefox). */
export async function readSync(): Promise<Record<string, unknown>> {
  const api = (globalThis as unknown as { browser?: SyncApi; chrome?: SyncApi }).browser ?? (globalThis as unknown as { chrome: SyncApi }).chrome;
  return api.storage.sync.get(null);
}

/** The script an extension page runs to write settings items. */
export async function writeSync(write: { set: Record<string, unknown>; remove: string[] }): Promise<void> {
  const api = (globalThis as unknown as { browser?: SyncApi; chrome?: SyncApi }).browser ?? (globalThis as unknown as { chrome: SyncApi }).chrome;
  await api.storage.sync.set(write.set);
  if (write.remove.length) await api.storage.sync.remove(write.remove);
}

interface SyncApi {
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(keys: string[]): Promise<void> } };
}

/** The script an extension page runs to send a message to the top frame of every other tab. */
export async function messageTabs(message: unknown): Promise<void> {
  type TabsApi = { tabs: { query(q: object): Promise<{ id?: number }[]>; getCurrent(): Promise<{ id?: number } | undefined>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> } };
  const api = (globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi }).browser ?? (globalThis as unknown as { chrome: TabsApi }).chrome;
  const own = (await api.tabs.getCurrent())?.id;
  const tabs = await api.tabs.query({});
  await Promise.all(tabs.filter((t) => t.id !== undefined && t.id !== own).map((t) => api.tabs.sendMessage(t.id!, message, { frameId: 0 }).catch(() => undefined)));
}

/** The script an extension page runs to ask the top frame of the tab at `url` something, and get its answer. */
export async function askTab({ url, message }: { url: string; message: unknown }): Promise<unknown> {
  type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> } };
  const api = (globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi }).browser ?? (globalThis as unknown as { chrome: TabsApi }).chrome;
  const tab = (await api.tabs.query({})).find((t) => t.url === url);
  if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
  return api.tabs.sendMessage(tab.id, message, { frameId: 0 });
}

/**
 * In an extension page or the background: whether the first pass runs in the top frame of the tab at `url`, by
 * injecting the probe script `file` as the popup does (scripting in Chrome, tabs.executeScript in Firefox).
 */
export async function firstPassRunsAt({ url, file }: { url: string; file: string }): Promise<boolean> {
  type Api = {
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; executeScript?(id: number, o: object): Promise<unknown[]> };
    scripting?: { executeScript(o: object): Promise<{ result?: unknown }[]> };
  };
  const api = (globalThis as unknown as { browser?: Api; chrome?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
  const tab = (await api.tabs.query({})).find((t) => t.url === url);
  if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
  if (api.scripting) return (await api.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: [file] }))[0]?.result === true;
  return (await api.tabs.executeScript!(tab.id, { file, frameId: 0 }))[0] === true;
}
