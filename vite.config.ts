/// <reference types="vitest/config" />
// Vite builds the web app from web/; vitest runs tests/ in Node.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  worker: { format: 'es' },
  build: { outDir: '../dist', emptyOutDir: true },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
