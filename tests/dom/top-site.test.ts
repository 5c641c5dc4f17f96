// top-site: which address decides "off on this site" in a frame (issue 10, defect 11). A table of frames: the
// top frame, frames of the same origin (about:blank, srcdoc), frames of another origin, and a sandboxed frame.
import { describe, expect, it } from 'vitest';
import { topLevelUrl, type FrameWindow } from '@/entrypoints/highlighter/top-site';
import { DEFAULT_SETTINGS, isActiveOn } from '@/utils/settings';

const NEWS = 'https://news.example/story';
/** A frame whose top page is `top`; `readable` when this frame may read the top page's address. */
function frame(own: string, top: string, readable: boolean, ancestors?: string[]): FrameWindow {
  return {
    top: { location: { get href() { if (!readable) throw new DOMException('Blocked a frame', 'SecurityError'); return top; } } },
    location: { href: own, ancestorOrigins: ancestors && Object.assign([...ancestors], { length: ancestors.length }) },
  };
}

describe('topLevelUrl', () => {
  it('is the page itself in the top frame', () => {
    const win = { location: { href: NEWS } } as FrameWindow;
    (win as { top: unknown }).top = win;
    expect(topLevelUrl(win)).toBe(NEWS);
  });

  it.each<[string, () => FrameWindow, string]>([
    ['an about:blank frame written by the page', () => frame('about:blank', NEWS, true), NEWS],
    ['a srcdoc frame', () => frame('about:srcdoc', NEWS, true), NEWS],
    ['a same-origin frame', () => frame('https://news.example/embed', NEWS, true), NEWS],
    ['a frame from another site', () => frame('https://video.example/player', NEWS, false, ['https://news.example']), 'https://news.example'],
    ['a frame two levels down', () => frame('about:blank', NEWS, false, ['https://video.example', 'https://news.example']), 'https://news.example'],
    ['a frame that knows nothing of its ancestors', () => frame('https://video.example/player', NEWS, false), 'https://video.example/player'],
    ['a sandboxed srcdoc frame (opaque origin) under a readable-origin top', () => frame('about:srcdoc', NEWS, false, ['https://news.example']), 'https://news.example'],
  ])('%s', (_name, win, expected) => {
    expect(topLevelUrl(win())).toBe(expected);
  });

  it('turns a site\'s frames off with the site, and only them', () => {
    const off = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
    expect(isActiveOn(off, topLevelUrl(frame('about:blank', NEWS, true)))).toBe(false);
    expect(isActiveOn(off, topLevelUrl(frame('https://video.example/p', NEWS, false, ['https://news.example'])))).toBe(false);
    expect(isActiveOn(off, topLevelUrl(frame('https://news.example/embed', 'https://blog.example/', false, ['https://blog.example'])))).toBe(true);
  });
});
