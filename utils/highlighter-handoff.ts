// highlighter-handoff: how the content script's two parts meet. The declared content script
// (entrypoints/first-pass) is a first pass that only learns whether a frame's text may hold a term; when it does,
// the background injects the highlighter (entrypoints/highlighter: the matcher, the walk, the paint, the cards)
// into that frame. Injected scripts run in the content script's own isolated world, so the highlighter registers
// itself there under HIGHLIGHTER_GLOBAL (which the page's own scripts never see) and the first pass starts it,
// handing over what it already knows (HeadStart) and the script context it makes then, which a newer copy of
// the content script stops.
import type { HeadStart } from '@/glossary/runtime/paged-matcher';
import type { ScriptContext } from './script-context';

/** The property of the isolated world's global object under which the injected highlighter registers. */
export const HIGHLIGHTER_GLOBAL = '__legalLensHighlighter';

/** The path of the highlighter script inside the extension (what the background injects). */
export const HIGHLIGHTER_FILE = '/highlighter.js';

/** What the injected highlighter registers. */
export interface Highlighter {
  /** Starts marking the frame: once; `ctx` is the first pass's context (the highlighter stops with it). */
  start(ctx: ScriptContext, head: HeadStart): void;
}

type Registry = Record<string, Highlighter | undefined>;

/** Registers the highlighter in this isolated world (called by the injected script). */
export function registerHighlighter(highlighter: Highlighter): void {
  (globalThis as unknown as Registry)[HIGHLIGHTER_GLOBAL] = highlighter;
}

/** The registered highlighter, or null before the background injected it. */
export function registeredHighlighter(): Highlighter | null {
  return (globalThis as unknown as Registry)[HIGHLIGHTER_GLOBAL] ?? null;
}
