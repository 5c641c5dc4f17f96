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
  /** Calls `listener` with every `type` event of the window (first, in the capture phase) until `signal` aborts. */
  on<K extends RelayedType>(type: K, listener: (e: RelayedEvents[K]) => void, signal: AbortSignal): void;
}

type Listener = (e: Event) => void;

/** Starts listening on `win` (once per window): called by the document_start content script. */
export function startInputRelay(win: Window): InputRelay {
  const global = globalThis as unknown as Record<string, InputRelay | undefined>;
  const running = global[RELAY_GLOBAL];
  if (running) return running;
  const listeners = new Map<RelayedType, Set<Listener>>(TYPES.map((t) => [t, new Set()]));
  const relays = TYPES.map((type) => ({
    type,
    passive: type === 'pointermove' || type === 'pointerout',
    relay: (e: Event) => {
      for (const listener of listeners.get(type)!) {
        try {
          listener(e);
        } catch {
          // one controller's failure never keeps the event from the others, nor reaches the page
        }
      }
    },
  }));
  // a listener for an event only this relay knows the name of: alive while the window's listeners are
  let alive = false;
  const probe = `legal-lens-${Math.random().toString(36).slice(2)}`;
  const listen = () => {
    for (const { type, relay, passive } of relays) win.addEventListener(type, relay, { capture: true, passive });
    win.addEventListener(probe, () => (alive = true));
  };
  listen();
  // document.open() empties the document: if it erased the listeners too, listen again (the parser adding the
  // document's first element, which every frame's load reports, removes nothing and is let pass at no cost)
  new MutationObserver((records) => {
    if (!records.some((record) => record.removedNodes.length > 0)) return;
    alive = false;
    win.dispatchEvent(new Event(probe));
    if (!alive) listen();
  }).observe(win.document, { childList: true });
  const relay: InputRelay = {
    on(type, listener, signal) {
      if (signal.aborted) return;
      const set = listeners.get(type)!;
      set.add(listener as Listener);
      signal.addEventListener('abort', () => set.delete(listener as Listener), { once: true });
    },
  };
  global[RELAY_GLOBAL] = relay;
  return relay;
}

/**
 * The relay of this frame: the one the document_start script started, or one started now (the main script can
 * run without it, for instance when the extension was installed into an open tab).
 */
export function inputRelay(win: Window): InputRelay {
  // the running relay read first: starting one is compiled only where none runs
  return (globalThis as unknown as Record<string, InputRelay | undefined>)[RELAY_GLOBAL] ?? startInputRelay(win);
}
