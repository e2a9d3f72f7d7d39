/**
 * The dossier code as machine-readable marks, drawn as inline SVG (no network, no canvas):
 * - a QR code (qrcode's matrix, drawn here as one path of dark modules, 4-module quiet zone);
 * - a Code 128 barcode (bwip-js toSVG, platform-independent build), bars only: the code is
 *   printed as text by the template.
 */
import { toSVG } from 'bwip-js/generic';
import QRCode from 'qrcode';

export const QR_QUIET_ZONE = 4;

/** The QR matrix of a text: rows of booleans (true = dark), without quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(Boolean(modules.get(r, c)));
    rows.push(row);
  }
  return rows;
}

/** The dark modules as one SVG path, runs of a row merged ("M x y h n v 1 h -n z"). */
export function qrPath(matrix: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      const n = c - start;
      parts.push(`M${start + QR_QUIET_ZONE} ${r + QR_QUIET_ZONE}h${n}v1h-${n}z`);
    }
  });
  return parts.join('');
}

/** A QR code of `text`, `sizeMm` wide and high (quiet zone included). */
export function QrCode({ text, sizeMm }: { text: string; sizeMm: number }) {
  const matrix = qrMatrix(text);
  const side = matrix.length + 2 * QR_QUIET_ZONE;
  return (
    <svg
      className="qr"
      xmlns="http://www.w3.org/2000/svg"
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={`Mã QR: ${text}`}
      data-qr={text}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(matrix)} fill="#000" />
    </svg>
  );
}

const VIEWBOX_RE = /^<svg viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/;

/**
 * The Code 128 SVG markup of `text`, `moduleMm` per narrow bar and `heightMm` high. The markup
 * comes from bwip-js and holds only paths (no text); it is checked before it is used as HTML.
 */
export function code128Svg(text: string, moduleMm: number, heightMm: number): string {
  const scale = 2;
  const svg = toSVG({ bcid: 'code128', text, scale, height: 10, includetext: false });
  const m = VIEWBOX_RE.exec(svg);
  if (!m || /<(script|text|foreignObject|image)/i.test(svg)) {
    throw new Error('bwip-js trả về mã vạch Code 128 không đúng dạng SVG mong đợi.');
  }
  const modules = Number(m[1]) / scale;
  const width = (modules * moduleMm).toFixed(2);
  return svg.replace(
    '<svg ',
    `<svg class="code128" width="${width}mm" height="${heightMm}mm" preserveAspectRatio="none" shape-rendering="crispEdges" role="img" aria-label="Mã vạch Code 128" data-code128="${escapeAttribute(text)}" `,
  );
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The Code 128 barcode as an element. */
export function Code128({
  text,
  moduleMm,
  heightMm,
}: {
  text: string;
  moduleMm: number;
  heightMm: number;
}) {
  return (
    <span
      className="barcode"
      dangerouslySetInnerHTML={{ __html: code128Svg(text, moduleMm, heightMm) }}
    />
  );
}
