import fs from 'node:fs';
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers: src/app -> src/features/<feature> -> shared (components, lib, types,
// testing). A feature never imports another feature or the app; shared code
// never imports a feature or the app.
const features = fs.readdirSync(new URL('./src/features', import.meta.url));
const shared = ['./src/components', './src/lib', './src/types', './src/testing'];

const layerZones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature may not import another feature; compose them in src/app.',
  })),
  { target: './src/features', from: './src/app', message: 'Features may not import the app.' },
  ...shared.flatMap((target) => [
    { target, from: './src/features', message: 'Shared code may not import features.' },
    { target, from: './src/app', message: 'Shared code may not import the app.' },
  ]),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser } },
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.app.json' }, node: true },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'import/no-restricted-paths': ['error', { zones: layerZones }],
      'import/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Node scripts: API type generation and the response contract check.
    files: ['scripts/**/*.mjs', 'e2e-contract/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Browser tests: Node scripts whose page.evaluate() callbacks run in the browser.
    files: ['e2e/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
);
