// ESLint flat config. shared/ is pure TypeScript that runs anywhere: it may not import Node,
// Electron, SQLite or the DOM-bound React code (the Signal Desktop rule).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'test/artifacts', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'],
              message: 'shared/ chạy mọi nơi: không dùng Node.',
            },
            {
              group: [
                'better-sqlite3',
                'electron',
                'react',
                'react-dom',
                '../db/*',
                '../../db/*',
                '../electron/*',
                '../renderer/*',
              ],
              message: 'shared/ không phụ thuộc db/, electron/ hay renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Accessibility (issue 14): antd's icons name themselves in English ("lock", "down") and its
    // number box has English step arrows ("Increase Value"); renderer/ uses the hidden icons and
    // the arrowless NumberInput of renderer/components.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/components/icons.tsx', 'renderer/components/NumberInput.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@ant-design/icons',
              message: 'Dùng renderer/components/icons (biểu tượng ẩn với trình đọc màn hình).',
            },
            {
              name: 'antd',
              importNames: ['InputNumber'],
              message: 'Dùng renderer/components/NumberInput (không có nút tăng/giảm tiếng Anh).',
            },
          ],
        },
      ],
      // antd's notices read their sign aloud in English ("check-circle"): use useNotice().
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "VariableDeclarator[init.callee.property.name='useApp'] > ObjectPattern > Property[key.name='message']",
          message:
            'Dùng useNotice() của renderer/components/notice (dấu hiệu ẩn với trình đọc màn hình).',
        },
      ],
    },
  },
  {
    files: ['renderer/components/notice.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
