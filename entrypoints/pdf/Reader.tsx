// Reader: the PDF reader page's UI — open a file (picker or drop anywhere), or the PDF at ?url=…; a toolbar with
// page navigation, zoom, find, download and the original's address; the "On this document" list; and a plain
// message for every problem (problems.ts), with what to do next. The pages and their terms live in session.ts.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardData, Lang } from '@/glossary/runtime/types';
import type { Settings } from '@/utils/settings';
import { foldQuery } from './find';
import { classifyPdfError, isProblem, parsePdfAddress, type Problem } from './problems';
import { READER_UI, problemMessage } from './reader-strings';
import type { ReaderSession, SessionState } from './session';
import { fetchPdf, fileNameOf, readPdfFile, type FetchDeps } from './source';

/** Where a document came from: an address the user asked for, or a file on their device. */
export type ReaderInput = { kind: 'url'; url: string } | { kind: 'file'; file: File };

export interface ReaderProps {
  cards: CardData;
  settings: Settings;
  /** the language of the reader's own controls */
  uiLang: Lang;
  /** the document to open at start (pdf.html?url=…), if any */
  initial: ReaderInput | null;
  fetchDeps: FetchDeps;
  /** asks the browser for the optional host permission of `origin` (from a click) */
  requestAccess: (origin: string) => Promise<boolean>;
  /** opens the bytes in a session drawn into `scroller` / `pages` (pdf.js is loaded only here) */
  openSession: (bytes: Uint8Array, password: string | undefined, scroller: HTMLElement, pages: HTMLElement, onUpdate: (s: SessionState) => void) => Promise<ReaderSession>;
}

type Phase =
  | { kind: 'start' }
  | { kind: 'loading'; name: string }
  | { kind: 'problem'; problem: Problem; name: string | null }
  | { kind: 'password'; retry: boolean; name: string }
  | { kind: 'ready'; name: string };

const ZOOMS = [0.5, 0.67, 0.8, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

export function Reader({ cards, settings, uiLang, initial, fetchDeps, requestAccess, openSession }: ReaderProps) {
  const t = READER_UI[uiLang];
  const [phase, setPhase] = useState<Phase>({ kind: 'start' });
  const [state, setState] = useState<SessionState | null>(null);
  const [dragging, setDragging] = useState(false);
  const [original, setOriginal] = useState<string | null>(null);
  const [download, setDownload] = useState<{ href: string; name: string } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const pages = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const session = useRef<ReaderSession | null>(null);
  const bytesRef = useRef<{ bytes: Uint8Array; name: string } | null>(null);
  const [pageField, setPageField] = useState('1');
  const [findField, setFindField] = useState('');

  /** Closes the open document, if any; resolves when pdf.js has let go of it. */
  const close = async () => {
    const open = session.current;
    session.current = null;
    setState(null);
    await open?.destroy();
  };

  const openBytes = async (bytes: Uint8Array, name: string, password?: string) => {
    bytesRef.current = { bytes, name };
    setPhase({ kind: 'loading', name });
    await close();
    try {
      session.current = await openSession(bytes, password, scroller.current!, pages.current!, (s) => setState(s));
      setState({ ...session.current.state });
      setPhase({ kind: 'ready', name });
      document.title = `${name} — Legal Lens`;
      setDownload((old) => {
        if (old) URL.revokeObjectURL(old.href);
        return { href: URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })), name };
      });
    } catch (error) {
      const problem = classifyPdfError(error);
      if (problem.kind === 'unknown') console.warn('Legal Lens: the PDF could not be opened', error);
      setPhase(problem.kind === 'password' ? { kind: 'password', retry: problem.retry, name } : { kind: 'problem', problem, name });
    }
  };

  const open = async (input: ReaderInput) => {
    if (input.kind === 'file') {
      setOriginal(null);
      setPhase({ kind: 'loading', name: input.file.name });
      const bytes = await readPdfFile(input.file);
      if (isProblem(bytes)) return setPhase({ kind: 'problem', problem: bytes, name: input.file.name });
      return openBytes(bytes, input.file.name || 'document.pdf');
    }
    const url = parsePdfAddress(input.url);
    if (isProblem(url)) return setPhase({ kind: 'problem', problem: url, name: null });
    const name = fileNameOf(url);
    setOriginal(url.href);
    setPhase({ kind: 'loading', name });
    const bytes = await fetchPdf(url, fetchDeps);
    if (isProblem(bytes)) return setPhase({ kind: 'problem', problem: bytes, name });
    return openBytes(bytes, name);
  };

  useEffect(() => {
    if (initial) void open(initial);
    return () => void close();
  }, []);

  useEffect(() => session.current?.applySettings(settings), [settings]);
  useEffect(() => setPageField(String(state?.currentPage ?? 1)), [state?.currentPage]);

  // Ctrl+F / ⌘F finds in the whole document (the browser's own find sees only the pages drawn)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'f' || !(e.ctrlKey || e.metaKey) || e.altKey || !findInput.current) return;
      e.preventDefault();
      findInput.current.focus();
      findInput.current.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // a file dropped anywhere on the page opens; nothing else dropped does anything
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer!.files[0];
      if (file) void open({ kind: 'file', file });
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, []);

  const pickFile = () => fileInput.current?.click();
  const ready = phase.kind === 'ready' && state;

  const zoomTo = (scale: number) => session.current?.setScale(Math.round(scale * 100) / 100);
  const zoomStep = (direction: 1 | -1) => {
    const current = state?.scale ?? 1;
    const next = direction > 0 ? ZOOMS.find((z) => z > current + 0.001) : [...ZOOMS].reverse().find((z) => z < current - 0.001);
    if (next) zoomTo(next);
  };
  const sortedTerms = useMemo(() => {
    const list = (state?.terms ?? []).filter((term) => cards[term.id]);
    return list.sort((a, b) => b.count - a.count || cards[a.id][uiLang].title.localeCompare(cards[b.id][uiLang].title, uiLang));
  }, [state?.terms, cards, uiLang]);
  const readingDone = !!state && state.pagesRead >= state.pageCount;

  return (
    <div class={`reader${dragging ? ' dragging' : ''}`} lang={uiLang}>
      <header class="reader-toolbar">
        <span class="brand-mark" aria-hidden="true" />
        <h1 class="reader-title">{phase.kind === 'start' ? t.title : (phase as { name?: string | null }).name ?? t.title}</h1>
        {ready && (
          <>
            <nav class="toolbar-group" aria-label={t.page}>
              <button type="button" aria-label={t.previousPage} disabled={state.currentPage <= 1} onClick={() => session.current?.goToPage(state.currentPage - 1)}>‹</button>
              <label class="page-field">
                <span>{t.page}</span>
                <input
                  type="number"
                  min={1}
                  max={state.pageCount}
                  value={pageField}
                  onInput={(e) => setPageField(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') session.current?.goToPage(Math.min(Math.max(1, Number(pageField) || 1), state.pageCount));
                  }}
                />
                <span>{t.of(state.pageCount)}</span>
              </label>
              <button type="button" aria-label={t.nextPage} disabled={state.currentPage >= state.pageCount} onClick={() => session.current?.goToPage(state.currentPage + 1)}>›</button>
            </nav>
            <div class="toolbar-group" role="group" aria-label={t.zoomLevel}>
              <button type="button" aria-label={t.zoomOut} onClick={() => zoomStep(-1)}>−</button>
              <output class="zoom-level" aria-live="polite">{Math.round(state.scale * 100)}%</output>
              <button type="button" aria-label={t.zoomIn} onClick={() => zoomStep(1)}>+</button>
              <button type="button" onClick={() => session.current && zoomTo(session.current.viewer.fitWidthScale())}>{t.fitWidth}</button>
            </div>
            <form
              class="toolbar-group find"
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                if (findField.trim() && foldQuery(findField) === state.find.query) void session.current?.findStep(1);
                else session.current?.find(findField);
              }}
            >
              <input ref={findInput} type="search" aria-label={t.find} placeholder={t.find} value={findField} onInput={(e) => setFindField(e.currentTarget.value)} />
              <button type="button" aria-label={t.findPrevious} disabled={!state.find.hits} onClick={() => void session.current?.findStep(-1)}>↑</button>
              <button type="button" aria-label={t.findNext} disabled={!state.find.hits} onClick={() => void session.current?.findStep(1)}>↓</button>
              {state.find.query && <output class="find-count" aria-live="polite">{t.findCount(state.find.current, state.find.hits)}</output>}
            </form>
          </>
        )}
        <div class="toolbar-group toolbar-end">
          {ready && download && <a class="button-link" href={download.href} download={download.name}>{t.download}</a>}
          {original && <a class="button-link" href={original} target="_blank" rel="noopener noreferrer">{t.openOriginal}</a>}
          {/* the start panel has its own, larger "Open a PDF file…": one of them at a time */}
          {phase.kind !== 'start' && <button type="button" class="open-file" onClick={pickFile}>{t.openFile}</button>}
          {/* reached only through those buttons (and drops): hidden from everyone, so it is not a second control of
              the same name for screen readers; browsers open the picker of a hidden file input on click() */}
          <input
            ref={fileInput}
            type="file"
            accept="application/pdf,.pdf"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void open({ kind: 'file', file });
            }}
          />
        </div>
      </header>

      <div class="reader-body">
        {ready && (
          <aside class="reader-aside" aria-labelledby="on-document-heading">
            <h2 id="on-document-heading">{t.onThisDocument}</h2>
            {!readingDone && <p class="note" role="status">{t.reading(state.pagesRead, state.pageCount)}</p>}
            {readingDone && state.pagesWithoutText === state.pageCount && <p class="notice" role="status">{t.noText}</p>}
            {readingDone && state.pagesWithoutText > 0 && state.pagesWithoutText < state.pageCount && <p class="notice">{t.someNoText(state.pagesWithoutText)}</p>}
            {readingDone && state.pagesWithoutText < state.pageCount && sortedTerms.length === 0 && <p class="note">{t.noTerms}</p>}
            {sortedTerms.length === 0 && !readingDone && <p class="note">{t.noTermsYet}</p>}
            {sortedTerms.length > 0 && (
              <ul class="page-terms">
                {sortedTerms.map((term) => (
                  <li key={term.id}>
                    <button type="button" class="term-button" onClick={(e) => void session.current?.showTerm(term.id, e.currentTarget)}>
                      <span class="term-title">{cards[term.id][uiLang].title}</span>
                      <span class="count">{t.foundTimes(term.count)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {state.pageErrors.length > 0 && state.pageErrors.slice(0, 3).map((n) => <p key={n} class="notice">{t.pageError(n)}</p>)}
            <p class="disclaimer-note">{t.disclaimer}</p>
          </aside>
        )}
        <main class="reader-main" ref={scroller} tabIndex={-1} aria-label={ready ? phase.name : t.title}>
          {phase.kind !== 'ready' && (
            <Panel>
              {phase.kind === 'start' && (
                <>
                  <p>{t.dropHint}</p>
                  <p><button type="button" class="primary" onClick={pickFile}>{t.openFile}</button></p>
                  <p class="note">{t.howToOpen}</p>
                </>
              )}
              {phase.kind === 'loading' && <p role="status">{t.loading(phase.name)}</p>}
              {phase.kind === 'problem' && (
                <>
                  <p role="alert" class="problem" data-problem={phase.problem.kind}>{problemMessage(phase.problem, uiLang)}</p>
                  {phase.problem.kind === 'needs-access' && original && (
                    <p>
                      <button
                        type="button"
                        class="primary"
                        onClick={() => {
                          const origin = (phase.problem as { origin: string }).origin;
                          void requestAccess(origin).then((granted) => {
                            if (granted) void open({ kind: 'url', url: original });
                          });
                        }}
                      >
                        {t.allowAccess(phase.problem.origin)}
                      </button>
                    </p>
                  )}
                  <p><button type="button" onClick={pickFile}>{t.tryAnotherFile}</button></p>
                  <p class="note">{t.dropHint}</p>
                </>
              )}
              {phase.kind === 'password' && (
                <form
                  class="password-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const field = (e.currentTarget as HTMLFormElement).elements.namedItem('password') as HTMLInputElement;
                    if (bytesRef.current) void openBytes(bytesRef.current.bytes, bytesRef.current.name, field.value);
                  }}
                >
                  <p role="alert" class="problem" data-problem="password">{problemMessage({ kind: 'password', retry: phase.retry }, uiLang)}</p>
                  <label>
                    {t.passwordLabel} <input name="password" type="password" autoComplete="off" autoFocus required />
                  </label>{' '}
                  <button type="submit" class="primary">{t.passwordSubmit}</button>
                </form>
              )}
            </Panel>
          )}
          <div class="pages" ref={pages} hidden={phase.kind !== 'ready'} />
        </main>
      </div>
      {dragging && <div class="drop-overlay" aria-hidden="true">{t.dropHere}</div>}
    </div>
  );
}

function Panel({ children }: { children: ComponentChildren }) {
  return <div class="reader-panel">{children}</div>;
}
