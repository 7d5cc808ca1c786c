import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  // Type-checked rules for TypeScript (as actions/typescript-action): they catch floating promises,
  // `any` leaking through, and unnecessary assertions that the untyped set cannot see.
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['__tests__/**/*.ts'],
    ...jest.configs['flat/recommended'],
    ...jest.configs['flat/style'],
    plugins: { jest },
    rules: {
      ...jest.configs['flat/recommended'].rules,
      ...jest.configs['flat/style'].rules,
      // Helpers that assert count as assertions.
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expectOneLineError'] }],
      // describe(rule.id, ...) names a block by a rule's id, a string at run time.
      'jest/valid-title': ['error', { ignoreTypeOfDescribeName: true }],
      // The type-checked rules hold in tests too: type parsed JSON (`as Report`), let fakes return
      // Promise.resolve()/reject() instead of `async` without await, and import `expect` from
      // '@jest/globals' where asymmetric matchers sit in an object literal (@types/jest types them `any`).
      // A skipped or commented-out test looks green: errors, not the recommended set's warnings
      // (`eslint .` exits 0 on warnings).
      'jest/no-disabled-tests': 'error',
      'jest/no-commented-out-tests': 'error'
    }
  },
  // Shared test tables and support modules (not *.test.ts) exist to be imported.
  {
    files: ['__tests__/**/*.ts'],
    ignores: ['__tests__/**/*.test.ts'],
    rules: { 'jest/no-export': 'off' }
  },
  // Scripts and config files are plain JS outside tsconfig: no type information, so no type-checked rules.
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', '*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        require: 'readonly',
        URL: 'readonly'
      }
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
