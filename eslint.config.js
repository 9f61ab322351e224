// Flat config. Besides the usual TypeScript rules it enforces the layer boundaries:
// only electron/main and electron/preload may import 'electron'; the renderer knows only
// renderer/ and electron/common/; the Node core never imports the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron (keep services plain Node).' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'migrations/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'better-sqlite3', 'drizzle-orm', 'ws'],
          patterns: [
            { group: ['**/electron/node/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The renderer talks to the core only through the API client.' },
            { group: ['**/db/**', '**/scripts/**', '**/tests/**'], message: 'The renderer imports only renderer/ and electron/common/.' },
            { group: ['node:*'], message: 'No Node built-ins in the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/node/**', 'electron/common/**', 'db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['**/renderer/**'], message: 'The core never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['electron/common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'better-sqlite3', 'drizzle-orm'],
          patterns: [
            { group: ['**/renderer/**', '**/electron/node/**', '**/db/**'], message: 'electron/common is shared by both sides: contract and pure helpers only.' },
            { group: ['node:*'], message: 'electron/common runs in the renderer too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
);
