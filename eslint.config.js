// Lint: typescript-eslint recommended, plus the rule that sim/ uses seeded streams only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    },
  },
);
