// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'net'];

/**
 * The layering of DESIGN.md, enforced: hosts → api → core, one direction.
 * src/ is Node-only core (no electron, react or UI code); renderer/ is DOM-only and sees src/
 * through type-only imports of the contract; nothing imports the hosts.
 */
export const boundaryRules = {
  src: {
    patterns: [
      { group: ['electron', 'electron/*'], message: 'src/ is the core: it never imports electron (hosts → api → core).' },
      { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*'], message: 'src/ is the core: UI libraries belong in renderer/.' },
      { group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer'], message: 'src/ never imports a host (electron/) or the UI (renderer/).' },
    ],
  },
  renderer: {
    patterns: [
      { group: ['**/src/**', '../src', '../../src', '../../../src'], allowTypeImports: true, message: 'renderer/ may import only types from src/ (the contract); call the API through the client.' },
      { group: ['electron', 'electron/*', '**/electron/**'], message: 'renderer/ talks to the main process only through window.attest (the preload).' },
      { group: NODE_BUILTINS, message: 'renderer/ runs in the browser sandbox: no Node modules.' },
    ],
  },
  preload: {
    patterns: [{ group: ['**/renderer/**'], message: 'the preload exposes the contract; it never imports the UI.' }],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  { files: ['src/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', boundaryRules.src] } },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } }, rules: { '@typescript-eslint/no-restricted-imports': ['error', boundaryRules.renderer] } },
  { files: ['electron/preload/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', boundaryRules.preload] } },
  // Output layers: the CLI writes to the terminal, scripts and benchmarks print their tables.
  { files: ['scripts/**', 'bin/**', 'test/bench/**'], rules: { 'no-console': 'off' } },
);
