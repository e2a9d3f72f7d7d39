/**
 * Before the tests run: are the system programs they need on this machine?
 *   - Chromium (Playwright drives it in browser mode)
 *   - fonts with Vietnamese glyphs (ợ, ấ, ư) for printed PDFs
 *   - poppler (pdftotext reads printed PDFs back)
 *   - zbar (zbarimg reads the barcodes and QR codes of printed slips back)
 *   - PostgreSQL (the central server's tests; without it they run on embedded PGlite only)
 * What is missing is installed where we can: as root on Debian/Ubuntu with apt-get, else
 * Chromium through Playwright's own download. Otherwise we stop at once with the exact command.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { findChromium } from './chromium';

interface Dependency {
  name: string;
  aptPackages: string[];
  present(): boolean;
  /** How to install it where apt-get is not the way (macOS, Windows). */
  elsewhere: string;
  /** Optional dependencies only warn. */
  optional?: string;
}

const has = (cmd: string, args: string[] = ['--version']) =>
  spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

function hasVietnameseFont(): boolean {
  // U+1EE3 ợ, U+1EA5 ấ, U+01B0 ư: Liberation 1.x lacks them and prints boxes.
  if (has('fc-list', ['--version'])) {
    const out =
      spawnSync('fc-list', [':charset=1ee3 1ea5 1b0', 'family'], { encoding: 'utf8' }).stdout ?? '';
    return /DejaVu|Noto/i.test(out);
  }
  return [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  ].some(existsSync);
}

function hasPostgres(): boolean {
  if (process.env.TEST_DATABASE_URL) return true;
  if (has('initdb')) return true;
  try {
    return readdirSync('/usr/lib/postgresql').some((v) =>
      existsSync(`/usr/lib/postgresql/${v}/bin/initdb`),
    );
  } catch {
    return false;
  }
}

const dependencies: Dependency[] = [
  {
    name: 'Chromium',
    aptPackages: ['chromium'],
    present: () => findChromium() !== null,
    elsewhere: 'npx playwright install chromium',
  },
  {
    name: 'Phông chữ tiếng Việt (DejaVu)',
    aptPackages: ['fonts-dejavu-core', 'fontconfig'],
    present: hasVietnameseFont,
    elsewhere: 'cài phông DejaVu Sans hoặc Noto Sans',
  },
  {
    name: 'Poppler (pdftotext)',
    aptPackages: ['poppler-utils'],
    present: () => has('pdftotext', ['-v']),
    elsewhere: 'cài poppler (macOS: brew install poppler; Windows: choco install poppler)',
  },
  {
    name: 'ZBar (zbarimg)',
    aptPackages: ['zbar-tools'],
    present: () => has('zbarimg', ['--version']),
    elsewhere:
      'cài zbar (macOS: brew install zbar; Windows: bộ cài ZBar, rồi thêm zbarimg vào PATH)',
  },
  {
    name: 'PostgreSQL',
    aptPackages: ['postgresql'],
    present: hasPostgres,
    elsewhere:
      'cài PostgreSQL (macOS: brew install postgresql; Windows: bộ cài của postgresql.org)',
    optional: 'các kiểm thử máy chủ sẽ chỉ chạy trên PGlite (PostgreSQL nhúng)',
  },
];

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebianLike = existsSync('/etc/debian_version') && has('apt-get', ['--version']);

function aptInstall(packages: string[]): boolean {
  console.log(`Đang cài bằng apt-get: ${packages.join(' ')}`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    return false;
  }
}

const missing = dependencies.filter((d) => !d.present());
if (missing.length === 0) {
  console.log('Đủ phần mềm hệ thống: ' + dependencies.map((d) => d.name).join(', ') + '.');
  process.exit(0);
}

if (isRoot && isDebianLike) {
  aptInstall(missing.flatMap((d) => d.aptPackages));
} else if (missing.some((d) => d.name === 'Chromium') && !isDebianLike) {
  console.log('Đang tải Chromium của Playwright (npx playwright install chromium)…');
  spawnSync('npx', ['--no-install', 'playwright', 'install', 'chromium'], { stdio: 'inherit' });
}

const stillMissing = dependencies.filter((d) => !d.present());
const required = stillMissing.filter((d) => !d.optional);
for (const d of stillMissing.filter((x) => x.optional)) {
  console.warn(
    `Cảnh báo: thiếu ${d.name}; ${d.optional}. Để cài: sudo apt-get install -y ${d.aptPackages.join(' ')}`,
  );
}
if (required.length === 0) process.exit(0);

console.error(`Thiếu phần mềm hệ thống: ${required.map((d) => d.name).join(', ')}.`);
if (isDebianLike) {
  console.error(
    `Hãy chạy lệnh sau rồi chạy lại npm test:\n  sudo apt-get install -y ${required.flatMap((d) => d.aptPackages).join(' ')}`,
  );
} else {
  console.error('Hãy cài:\n  ' + required.map((d) => d.elsewhere).join('\n  '));
}
process.exit(1);
