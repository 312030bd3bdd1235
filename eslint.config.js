import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

/**
 * The folder table of docs/ARCHITECTURE.md, enforced: `value` folders may be imported for
 * anything, `typeOnly` folders only with `import type`.
 */
const FOLDERS = {
  lib: { value: [], typeOnly: [] },
  config: { value: ['lib'], typeOnly: [] },
  telemetry: { value: ['lib'], typeOnly: ['config'] },
  sim: { value: ['lib'], typeOnly: ['config'] },
  twin: { value: ['lib', 'config'], typeOnly: ['telemetry'] },
  playback: { value: ['lib', 'telemetry', 'twin'], typeOnly: ['config'] },
  diagnostics: { value: ['lib', 'config'], typeOnly: ['twin'] },
  scene: { value: ['lib', 'config', 'twin'], typeOnly: ['diagnostics'] },
  panels: { value: ['lib', 'twin', 'playback', 'diagnostics', 'ui'], typeOnly: ['config'] },
  ui: { value: ['lib'], typeOnly: [] },
  app: {
    value: [
      'lib',
      'config',
      'telemetry',
      'sim',
      'twin',
      'playback',
      'diagnostics',
      'scene',
      'panels',
      'ui',
    ],
    typeOnly: [],
  },
};

const policies = Object.entries(FOLDERS).flatMap(([from, { value, typeOnly }]) => [
  {
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: [from, ...value] } } } },
  },
  ...(typeOnly.length
    ? [
        {
          from: { element: { type: from } },
          allow: { to: { element: { types: { anyOf: typeOnly } } }, dependency: { kind: 'type' } },
        },
      ]
    : []),
]);

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'bench/.out', 'e2e/.out', 'models', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, boundaries },
    settings: {
      // Resolves relative imports of .ts/.tsx files so the boundary rule knows their folder.
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/elements': Object.keys(FOLDERS).map((type) => ({
        type,
        pattern: `src/${type}`,
      })),
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // R3F mutates three.js objects by design (useFrame); the compiler-oriented rules misfire there.
      'react-hooks/immutability': 'off',
      'react-hooks/refs': 'off',
      'boundaries/dependencies': [2, { default: 'disallow', policies }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Strings from configs and telemetry are never HTML.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'tools/**/*.{js,mjs,ts}',
      'e2e/**/*.{js,mjs,ts}',
      'bench/**/*.{js,mjs,ts}',
      '*.config.{js,ts}',
    ],
    // Node scripts that also hand functions to the browser (page.evaluate), hence both sets.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
);
