// ESLint for the repository's own sources: typescript-eslint's type-checked recommended rules.
// Formatting is prettier's (`npm run lint` runs `prettier --check` with .prettierrc.repo.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'generated/**', 'node_modules/**', 'test/cases/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a binding kept for its position; `{ a: _a, ...rest }` leaves `a` out of `rest`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests compare parsed JSON and use vitest's asymmetric matchers (`expect.objectContaining`,
    // `expect.stringMatching`), which are typed `any`: the no-unsafe-* rules would flag every one.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The runtime copied into the output keeps Object.prototype.hasOwnProperty as it was when it
    // loaded, and calls it with `.call`.
    files: ['src/runtime/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
);
