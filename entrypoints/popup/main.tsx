import { render } from 'preact';
import { browser } from 'wxt/browser';
import catalog from 'virtual:glossary/catalog';
import '@/components/pages.css';
import { loadSettings } from '@/utils/settings';
import { Popup } from './Popup';

const loadBodyWords = () => import('virtual:glossary/body-words').then((m) => m.default);

async function start() {
  const settings = await loadSettings();
  render(
    <Popup catalog={catalog} loadBodyWords={loadBodyWords} initialSettings={settings} uiLanguage={browser.i18n.getUILanguage()} />,
    document.getElementById('app')!,
  );
}
void start();
