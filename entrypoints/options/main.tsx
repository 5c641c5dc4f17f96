import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/pages.css';
import { loadSettings } from '@/utils/settings';
import { Options } from './Options';

async function start() {
  const settings = await loadSettings();
  render(<Options initialSettings={settings} uiLanguage={browser.i18n.getUILanguage()} />, document.getElementById('app')!);
}
void start();
