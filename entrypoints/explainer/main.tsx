import { render } from 'preact';
import { browser } from 'wxt/browser';
import articles from 'virtual:glossary/articles';
import cards from 'virtual:glossary/cards';
import '@/components/pages.css';
import { loadSettings } from '@/utils/settings';
import { Explainer } from './Explainer';

async function start() {
  const settings = await loadSettings();
  render(
    <Explainer articles={articles} cards={cards} settings={settings} uiLanguage={browser.i18n.getUILanguage()} />,
    document.getElementById('app')!,
  );
}
void start();
