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
      // TODO(issue 14): 29 violations left (expect inside if/catch in tests); fix by
      // asserting on the outcome (e.g. `await expect(p).rejects`, narrowing helpers) and re-enable.
      'jest/no-conditional-expect': 'off',
      // TODO(issue 14): the test fakes implement async interfaces with no await inside
      // (34 violations); rewrite them to return Promise.resolve()/reject() and re-enable.
      '@typescript-eslint/require-await': 'off',
      // TODO(issue 14): JSON.parse() results in tests are used untyped (45 member-access,
      // 38 assignment, 9 call, 2 argument, 2 return); type them (e.g. `as Report`) and re-enable.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off'
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
