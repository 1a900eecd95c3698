// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Per-layer import boundaries (STYLE.md: layers by runtime). */
const nodeBuiltins = { group: ['node:*'], message: 'This layer runs without Node.' };
const layer = (from, patterns) => ({
  files: [from],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'src/server/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  layer('src/shared/**/*.ts', [
    nodeBuiltins,
    {
      group: [
        'electron',
        'react',
        'react-dom',
        'dexie',
        '**/server/**',
        '**/renderer/**',
        '**/main/**',
        '**/preload/**',
      ],
      message: 'src/shared is pure TypeScript + zod.',
    },
  ]),
  layer('src/renderer/**/*.{ts,tsx}', [
    nodeBuiltins,
    {
      group: ['electron', '**/server/**', '**/main/**', '**/preload/**'],
      message: 'The renderer talks to main and head office only through the transport.',
    },
  ]),
  layer('src/renderer/ui/**/*.{ts,tsx}', [
    nodeBuiltins,
    { group: ['**/features/**'], message: 'ui/ imports no feature.' },
  ]),
  layer('src/preload/**/*.ts', [
    nodeBuiltins,
    {
      group: ['**/server/**', '**/renderer/**', '**/main/**'],
      message: 'The preload is the bridge and nothing else.',
    },
  ]),
  layer('src/main/**/*.ts', [
    {
      group: ['**/server/**', '**/renderer/**'],
      message: 'Main stays thin: it reaches head office over HTTP only.',
    },
  ]),
  layer('src/server/**/*.ts', [
    {
      group: ['electron', 'react', 'react-dom', 'dexie', '**/renderer/**', '**/main/**', '**/preload/**'],
      message: 'The server shares only src/shared.',
    },
  ]),
);
