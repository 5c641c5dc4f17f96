// Builds the whole-document React app for a browser test: its server HTML (react-dom/server in Node) and its
// client bundle (esbuild), into a fresh temporary folder to serve as /react/. React 18, the strictest: it
// reports an extra node anywhere in <html> or at the start of <body> and throws the server HTML away, where
// React 19 skips unexpected nodes in <head> and <body>.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './app';

export async function buildReactApp(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'legal-lens-react-'));
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html>${renderToString(createElement(App))}`);
  await build({
    entryPoints: [join(import.meta.dirname, 'client.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    define: { 'process.env.NODE_ENV': '"development"' }, // development React reports every mismatch in full
    outfile: join(dir, 'client.js'),
    logLevel: 'error',
  });
  return dir;
}
