// ESLint flat config. Each folder keeps to its role (README, code map), checked by the
// boundaries rule below: shared/ is pure TypeScript that runs anywhere (no Node, no other folder:
// the Signal Desktop rule); db/, renderer/ and server/ build on shared/ only; electron/ composes
// them; build/ is build tooling.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ROOT = dirname(fileURLToPath(import.meta.url));
const NODE = new Set(builtinModules);

/**
 * What each folder may import besides its own files: other top-level folders, Node's modules,
 * and the npm packages named (a package's subpaths included).
 */
const BOUNDARIES = {
  shared: { folders: [], node: false, packages: ['zod'] },
  db: { folders: ['shared'], node: true, packages: ['better-sqlite3', 'exceljs', 'uuid', 'zod'] },
  renderer: {
    folders: ['shared'],
    node: false,
    packages: [
      'react',
      'react-dom',
      'antd',
      '@ant-design/icons',
      'dayjs',
      'zustand',
      'bwip-js',
      'qrcode',
    ],
  },
  server: {
    folders: ['shared'],
    node: true,
    packages: ['fastify', 'pg', '@electric-sql/pglite', 'uuid', 'zod'],
  },
  // Build tooling: it renders the renderer's antd components once with the page's own theme
  // (renderer/lib/theme.ts) to ship their styles ready-made (build/scripts/antdStyles.ts).
  build: { folders: ['renderer'], node: true, packages: null },
};

function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why `source`, imported by `file` of `folder`, crosses the folder's boundary (null: it does not). */
function crossing(folder, file, source) {
  const rule = BOUNDARIES[folder];
  if (source.startsWith('.')) {
    const target = relative(ROOT, resolve(dirname(file), source)).split(/[\\/]/);
    const top = target[0] || '.';
    if (top === folder || rule.folders.includes(top)) return null;
    const where = top === '..' ? 'ngoài dự án' : `${top}/`;
    const allowed = rule.folders.map((f) => `${f}/`).join(', ');
    return allowed
      ? `${folder}/ chỉ dùng ${allowed} (không dùng ${where}).`
      : `${folder}/ không dùng thư mục khác (không dùng ${where}).`;
  }
  if (source.startsWith('node:') || NODE.has(packageName(source))) {
    return rule.node ? null : `${folder}/ không chạy trong Node: không dùng ${source}.`;
  }
  if (rule.packages === null || rule.packages.includes(packageName(source))) return null;
  return `${folder}/ không dùng gói ${packageName(source)} (xem BOUNDARIES trong eslint.config.js).`;
}

const boundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const folder = relative(ROOT, file).split(/[\\/]/)[0];
    if (!(folder in BOUNDARIES)) return {};
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const why = crossing(folder, file, node.value);
      if (why) context.report({ node, message: why });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      'CallExpression[callee.name="require"]': (n) => check(n.arguments[0]),
    };
  },
};

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
    files: ['{shared,db,renderer,server,build}/**/*.{ts,tsx,js,mjs}'],
    plugins: { motcua: { rules: { boundaries } } },
    rules: { 'motcua/boundaries': 'error' },
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
