/** Read a stored PDF back as text with poppler's pdftotext (whitespace collapsed). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function pdfText(dataDir: string, pdfPath: string, layout = false): string {
  const file = join(dataDir, ...pdfPath.split('/'));
  if (!existsSync(file)) throw new Error(`PDF not found: ${file}`);
  const args = layout ? ['-layout', '-enc', 'UTF-8', file, '-'] : ['-enc', 'UTF-8', file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

export const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');
