import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { glossaryPlugin } from './glossary/build/vite-plugin.ts';

export default defineConfig({
  plugins: [WxtVitest(), preact(), glossaryPlugin()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/dom/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
    restoreMocks: true,
    // one module graph per worker instead of per file (15 s → 5 s on 2 cores): every test file sets up the DOM,
    // timers, mocks and fake browser it needs and should leave none behind. Not yet true of every order: with
    // --sequence.shuffle.files the default order and seed 1 pass; seeds 2–4 fail in the content-script tests,
    // whose first pass gets its answer from a message listener that a file run before them left registered
    isolate: false,
  },
});
