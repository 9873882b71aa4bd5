/// <reference types="vitest/config" />
// Vite builds the web app from web/ (served by `npm start` with vite preview); vitest runs
// tests/ in Node: unit tests first, then the browser end-to-end tests on their own.
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects styles and its client inline, which the app's strict
 * Content-Security-Policy (a meta tag in web/index.html) forbids; drop the tag there only.
 * Builds keep it, and the end-to-end tests check it holds.
 */
function relaxCspInDev(): Plugin {
  return {
    name: 'doorstroom:relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
  };
}

/**
 * `@stdlib/assert-has-generator-support` (pulled in by the t-quantile the statistics use)
 * probes with `eval`, which the CSP blocks and reports as a violation. Every browser that runs
 * this app has generators, so the probe is replaced by its answer.
 */
function noEvalProbe(): Plugin {
  const id = '\0doorstroom:has-generator-support';
  return {
    name: 'doorstroom:no-eval-probe',
    enforce: 'pre',
    resolveId: (source) => (source === '@stdlib/assert-has-generator-support' ? id : null),
    load: (source) =>
      source === id ? 'module.exports = function hasGeneratorSupport() { return true; };' : null,
  };
}

export default defineConfig({
  root: 'web',
  plugins: [relaxCspInDev(), noEvalProbe()],
  worker: { format: 'es', plugins: () => [noEvalProbe()] },
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  preview: { host: 'localhost', port: 4173 },
  test: {
    root: '.',
    testTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real Chromium against the built app; after the unit tests, so timings are not disturbed.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
