// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Per-layer import boundaries (STYLE.md: layers by runtime). A later block's options replace an
 * earlier one's, so each folder lists its layer's patterns and then its own.
 */
const nodeBuiltins = { group: ['node:*'], message: 'This layer runs without Node.' };
const rendererPatterns = [
  nodeBuiltins,
  {
    group: ['electron', '**/server/**', '**/main/**', '**/preload/**'],
    message: 'The renderer talks to main and head office only through the transport.',
  },
];
const layer = (from, patterns) => ({
  files: [from],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/** A feature imports another feature only through its index.ts (its own files freely). */
const featureBoundaries = {
  meta: {
    type: 'problem',
    messages: { deep: 'Import feature "{{feature}}" through its index.ts, not {{source}}.' },
    schema: [],
  },
  create(context) {
    const featureOf = (file) => {
      const match = /^(.*[\\/]features)[\\/]([^\\/]+)[\\/](.*)$/.exec(file);
      return match ? { root: match[1], name: match[2], rest: match[3] } : null;
    };
    const own = featureOf(context.filename);
    const check = (node) => {
      const source = node.source?.value;
      if (own === null || typeof source !== 'string' || !source.startsWith('.')) return;
      const target = featureOf(path.resolve(path.dirname(context.filename), source));
      if (target === null || target.root !== own.root || target.name === own.name) return;
      if (/^index(\.[jt]sx?)?$/.test(target.rest)) return;
      context.report({ node: node.source, messageId: 'deep', data: { feature: target.name, source } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

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
  layer('src/renderer/**/*.{ts,tsx}', rendererPatterns),
  layer('src/renderer/ui/**/*.{ts,tsx}', [
    ...rendererPatterns,
    { group: ['**/features/**'], message: 'ui/ imports no feature.' },
  ]),
  {
    files: ['src/renderer/features/**/*.{ts,tsx}', 'src/server/features/**/*.ts'],
    plugins: { local: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'local/feature-boundaries': 'error' },
  },
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
