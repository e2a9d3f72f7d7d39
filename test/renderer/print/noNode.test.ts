import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PRINT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../renderer/print');

describe('print templates', () => {
  it('the templates use no Node module (they also run in the renderer)', () => {
    const files = readdirSync(PRINT_DIR, { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.tsx?$/.test(f) && !f.endsWith('.node.ts'),
    );
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) {
      const source = readFileSync(join(PRINT_DIR, f), 'utf8');
      expect(source, f).not.toMatch(/from '(node:[^']+|fs|path|os|child_process)'/);
      expect(source, f).not.toMatch(/from '[^']*fonts\.node/);
    }
  });
});
