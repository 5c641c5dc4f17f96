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
  },
});
