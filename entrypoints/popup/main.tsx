import { render } from 'preact';
import { browser } from 'wxt/browser';
import cards from 'virtual:glossary/cards';
import '@/components/pages.css';
import { loadSettings } from '@/utils/settings';
import { Popup } from './Popup';

async function start() {
  const settings = await loadSettings();
  render(<Popup cards={cards} initialSettings={settings} uiLanguage={browser.i18n.getUILanguage()} />, document.getElementById('app')!);
}
void start();
