// A whole-document React app (the Next.js pattern): the server renders <html> itself and the client hydrates
// `document`. Rendered to HTML in Node (react-dom/server) and hydrated in the page (client.ts), with one part
// behind a Suspense boundary that the client can hold back, so a test can open a card before hydration, and
// while part of the page is still waiting to hydrate.
import { Suspense, createElement as h, useEffect, useState, type ComponentType } from 'react';

export function Story() {
  return h('section', { id: 'later' },
    h('h2', null, 'What the lawsuit says'),
    h('p', null, 'The complaint says the stops were racial profiling and asks the court for a writ of mandamus.'),
    h('p', null, 'Lawyers for the families say the agency ignored the Immigration and Nationality Act.'),
  );
}

export function App({ Later = Story }: { Later?: ComponentType }) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    (window as unknown as { __hydrated: boolean }).__hydrated = true;
  }, []);
  return h('html', { lang: 'en' },
    h('head', null,
      h('meta', { charSet: 'utf-8' }),
      h('title', null, 'Hydrated news story'),
      h('script', { src: '/react/client.js', async: true }),
    ),
    h('body', null,
      h('header', null, h('h1', null, 'Families sue over traffic stops')),
      h('main', null,
        h('p', { id: 'first' }, 'Officers working with ICE stopped drivers under a 287(g) agreement, the families say.'),
        h('button', { id: 'count', type: 'button', onClick: () => setCount((c) => c + 1) }, `Clicked ${count} times`),
        h(Suspense, { fallback: h('p', null, 'Loading…') }, h(Later)),
      ),
    ),
  );
}
