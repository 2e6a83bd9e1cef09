import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is pure: it may import nothing of the project outside itself, and no I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../sources/*', '../store/*', '../app/*', '../server/*', '../web/*', '../cli/*'],
              message: 'src/domain imports nothing of the project outside itself.',
            },
            {
              group: ['node:*', 'fs', 'path', 'pg', '@electric-sql/*', 'kysely'],
              message: 'src/domain does no I/O.',
            },
          ],
        },
      ],
    },
  },
)
