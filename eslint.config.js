// Lint: typescript-eslint recommended, the rule that sim/ uses seeded streams only, and the
// layering: sim/ imports nothing from the tiers above it, workers/ nothing from the page or the CLI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** An import pattern that keeps the code in `from` off the top-level folders `above`. */
function layer(from, above) {
  return {
    regex: `^(\\.\\./)+(${above})/`,
    message: `${from} must not import from ${above.split('|').join('/, ')}/ (layering, see README).`,
  };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage', 'tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['sim/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream from sim/random.' },
        {
          object: 'Date',
          property: 'now',
          message: 'Simulation time only; no wall clock in sim/.',
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'performance'],
      'no-restricted-imports': ['error', { patterns: [layer('sim/', 'workers|web|cli|bench')] }],
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('workers/', 'web|cli|bench')] }],
    },
  },
  {
    files: ['web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('web/', 'cli|bench')] }],
    },
  },
);
