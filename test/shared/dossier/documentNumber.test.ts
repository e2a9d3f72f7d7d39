import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DOCUMENT_NUMBER_SUFFIXES,
  formatDocumentNumber,
} from '../../../shared/dossier/documentNumber';
import type { DocumentKind } from '../../../shared/dossier/documentNumber';

describe('formatDocumentNumber', () => {
  it('prints the plain number for a single workstation', () => {
    expect(formatDocumentNumber('supplement_request', 12)).toBe('12/HDHS');
    expect(formatDocumentNumber('apology', 3)).toBe('3/PXL');
    expect(formatDocumentNumber('refusal', 5)).toBe('5/TCHS');
    expect(formatDocumentNumber('refusal', 5, { workstationNumber: 0 })).toBe('5/TCHS');
  });

  it('prefixes the workstation number and pads to three digits', () => {
    expect(formatDocumentNumber('supplement_request', 12, { workstationNumber: 3 })).toBe(
      '3-012/HDHS',
    );
    expect(formatDocumentNumber('apology', 1, { workstationNumber: 9 })).toBe('9-001/PXL');
    expect(formatDocumentNumber('refusal', 1234, { workstationNumber: 2 })).toBe('2-1234/TCHS');
  });

  it('adds the year when asked', () => {
    expect(formatDocumentNumber('supplement_request', 12, { year: 2022 })).toBe('12/2022/HDHS');
    expect(formatDocumentNumber('apology', 7, { workstationNumber: 1, year: 2025 })).toBe(
      '1-007/2025/PXL',
    );
  });

  it('refuses impossible inputs with Vietnamese messages', () => {
    expect(() => formatDocumentNumber('apology', 0)).toThrow('từ 1 trở lên');
    expect(() => formatDocumentNumber('apology', 2.5)).toThrow('từ 1 trở lên');
    expect(() => formatDocumentNumber('apology', 1, { workstationNumber: 10 })).toThrow(
      'từ 0 đến 9',
    );
    expect(() => formatDocumentNumber('apology', 1, { year: 22 })).toThrow('4 chữ số');
    expect(() => formatDocumentNumber('receipt' as DocumentKind, 1)).toThrow(
      'Loại phiếu không hợp lệ',
    );
  });

  it('never gives two workstations or two counts the same number (property)', () => {
    const kinds = Object.keys(DOCUMENT_NUMBER_SUFFIXES) as DocumentKind[];
    const slip = fc.record({
      kind: fc.constantFrom(...kinds),
      w: fc.integer({ min: 1, max: 9 }),
      n: fc.integer({ min: 1, max: 99_999 }),
    });
    fc.assert(
      fc.property(slip, slip, (a, b) => {
        const na = formatDocumentNumber(a.kind, a.n, { workstationNumber: a.w });
        const nb = formatDocumentNumber(b.kind, b.n, { workstationNumber: b.w });
        const same = a.kind === b.kind && a.w === b.w && a.n === b.n;
        expect(na === nb).toBe(same);
      }),
    );
  });
});
