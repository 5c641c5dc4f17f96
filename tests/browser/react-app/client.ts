// The client half of the whole-document React app (app.ts): hydrates `document` when the test calls
// window.__hydrate(), and holds the Suspense part back until window.__resolveLater(). Every error React recovers
// from (a hydration mismatch) is kept in window.__recoverable.
import { createElement as h, lazy } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App, Story } from './app';

interface TestWindow {
  __hydrate: () => void;
  __resolveLater: () => void;
  __recoverable: string[];
}
const w = window as unknown as TestWindow;
w.__recoverable = [];
let resolveLater: () => void = () => {};
const Later = lazy(() => new Promise<{ default: typeof Story }>((resolve) => (resolveLater = () => resolve({ default: Story }))));
w.__resolveLater = () => resolveLater();
w.__hydrate = () => {
  hydrateRoot(document, h(App, { Later }), {
    onRecoverableError: (error) => w.__recoverable.push(String((error as Error)?.message ?? error)),
  });
};
