import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'This code also runs in the browser: no Node built-ins.' })),
};
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const noNative = { name: 'better-sqlite3', message: 'The database is reached through the core, never from here.' };

/** The architecture's boundaries (docs/architecture in README): lint fails when one is crossed. */
function boundary(files, { paths = [], patterns = [] }) {
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } };
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.data/', 'test-results/', 'playwright-report/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // useVirtualizer returns functions the React Compiler cannot memoise; the rule says so
    // truthfully and the compiler skips this component, which is what the grid wants.
    files: ['renderer/src/stock/grid/StockGrid.tsx'],
    rules: { 'react-hooks/incompatible-library': 'off' },
  },
  boundary(['renderer/**/*.{ts,tsx}'], {
    paths: [...noNode.paths, noElectron, noNative],
    patterns: [{ group: ['**/electron/**', '**/hq/**'], message: 'The renderer talks to the core only through the contract client.' }],
  }),
  boundary(['shared/**/*.ts'], {
    paths: [...noNode.paths, noElectron, noNative],
    patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/hq/**'], message: 'shared/ is pure: it imports nothing from the sides that use it.' }],
  }),
  boundary(['electron/core/**/*.ts', 'electron/bridge/**/*.ts'], {
    paths: [noElectron],
    patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The core is plain Node and knows nothing of Electron or the UI.' }],
  }),
  boundary(['hq/**/*.ts'], {
    paths: [noElectron],
    patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'HQ shares only shared/ with the counter.' }],
  }),
);
