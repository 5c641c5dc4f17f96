import { render } from 'preact';
import { browser } from 'wxt/browser';
import articleLoaders from 'virtual:glossary/article-loaders';
import catalog from 'virtual:glossary/catalog';
import '@/components/pages.css';
import type { ArticleBody } from '@/glossary/runtime/types';
import { loadSettings } from '@/utils/settings';
import { Explainer } from './Explainer';

/** Each article's body is a chunk of its own, fetched from the extension's package when it is shown. */
function loadBody(id: string): Promise<ArticleBody> {
  const load = Object.hasOwn(articleLoaders, id) ? articleLoaders[id] : null;
  return load ? load().then((m) => m.default) : Promise.reject(new Error(`no article ${id}`));
}
const loadBodyWords = () => import('virtual:glossary/body-words').then((m) => m.default);

async function start() {
  const settings = await loadSettings();
  render(
    <Explainer catalog={catalog} loadBody={loadBody} loadBodyWords={loadBodyWords} settings={settings} uiLanguage={browser.i18n.getUILanguage()} />,
    document.getElementById('app')!,
  );
}
void start();
