// input-relay: the reader's pointer, clicks and keys, heard before the page can take them away. A page can stop
// an event from reaching every listener registered after its own (stopImmediatePropagation in a capture-phase
// listener on window), and a content script that starts at document_end always registers after the page's
// scripts (issue 10, defect 5). So a tiny content script starts this relay at document_start, before any script
// of the page runs: its listeners on window, in the capture phase, are the first any event meets. The main
// content script subscribes when it starts; both meet in the content scripts' isolated world, which the page
// cannot see. document.open() (a frame written by its parent, a page rewritten by document.write) erases every
// listener of the window, ours too: the relay notices the document being emptied and listens again.

/** The events the card's input controllers follow. */
export type RelayedEvents = Pick<WindowEventMap, 'pointermove' | 'pointerdown' | 'pointerout' | 'click' | 'keydown'>;
export type RelayedType = keyof RelayedEvents;

const TYPES: RelayedType[] = ['pointermove', 'pointerdown', 'pointerout', 'click', 'keydown'];
/** Where the frame's relay is kept, in the isolated world's global object. */
const RELAY_GLOBAL = '__legalLensInputRelay';

export interface InputRelay {
  /**
   * Calls `listener` with every `type` event of the window (first, in the capture phase) until `signal` aborts
   * or the returned function is called.
   */
  on<K extends RelayedType>(type: K, listener: (e: RelayedEvents[K]) => void, signal?: AbortSignal): () => void;
}

type Listener = (e: Event) => void;

/** Starts listening on `win` (once per window): called by the document_start content script. */
export function startInputRelay(win: Window): InputRelay {
  const global = globalThis as unknown as Record<string, InputRelay | undefined>;
  const running = global[RELAY_GLOBAL];
  if (running) return running;
  // kept small: this runs in every frame before the page has painted (each set is made when first subscribed to)
  const listeners: Partial<Record<RelayedType, Set<Listener>>> = {};
  const relay = (e: Event) => {
    const set = listeners[e.type as RelayedType];
    if (set === undefined) return;
    for (const listener of set) {
      try {
        listener(e);
      } catch {
        // one controller's failure never keeps the event from the others, nor reaches the page
      }
    }
  };
  // adding a listener the window already has (same type, function and phase) does nothing, so listening again
  // keeps a live listener where it is (first) and puts back only one that document.open() erased
  const listen = () => {
    for (const type of TYPES) win.addEventListener(type, relay, { capture: true, passive: type === 'pointermove' || type === 'pointerout' });
  };
  listen();
  // document.open() empties the document: listen again (the parser adding the document's first element, which
  // every frame's load reports, removes nothing and is let pass at no cost)
  new MutationObserver((records) => {
    for (const record of records) if (record.removedNodes.length > 0) return listen();
  }).observe(win.document, { childList: true });
  const relayApi: InputRelay = {
    on(type, listener, signal) {
      const set = (listeners[type] ??= new Set());
      const off = () => void set.delete(listener as Listener);
      if (signal?.aborted) return off;
      set.add(listener as Listener);
      signal?.addEventListener('abort', off, { once: true });
      return off;
    },
  };
  global[RELAY_GLOBAL] = relayApi;
  return relayApi;
}

/**
 * The relay of this frame: the one the document_start script started, or one started now (the main script can
 * run without it, for instance when the extension was installed into an open tab).
 */
export function inputRelay(win: Window): InputRelay {
  // the running relay read first: starting one is compiled only where none runs
  return (globalThis as unknown as Record<string, InputRelay | undefined>)[RELAY_GLOBAL] ?? startInputRelay(win);
}
