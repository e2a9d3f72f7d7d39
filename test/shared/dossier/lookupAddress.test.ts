/**
 * The lookup address of one dossier and what its QR holds (shared/dossier/lookupAddress.ts): an
 * office address with a {code} place gives each dossier its own address, the counter's scanner
 * gets the code back out of it, and an address without the place changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dossierCodeInScan,
  dossierLookupAddress,
  dossierQrText,
} from '../../../shared/dossier/lookupAddress';
import { dossierCode } from './arbitraries';

const CODE = '000.00.13.H31-261207-1002';

/** Office addresses with a {code} place: in the path, in the query, with a fragment after. */
const officeAddress = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,20}(\.[a-z][a-z0-9-]{0,10}){1,3}$/),
    fc.constantFrom(
      '/ho-so/{code}',
      '/tra-cuu?ma={code}',
      '/{code}',
      '/tra-cuu?ma={code}&nguon=qr',
      '/p/{code}#ket-qua',
    ),
  )
  .map(([scheme, host, place]) => `${scheme}://${host}${place}`);

describe('dossierLookupAddress / dossierQrText', () => {
  it('fills the {code} place with the dossier code', () => {
    expect(dossierLookupAddress('https://dichvucong.khanhhoa.gov.vn/ho-so/{code}', CODE)).toBe(
      `https://dichvucong.khanhhoa.gov.vn/ho-so/${CODE}`,
    );
    expect(dossierQrText('https://a.gov.vn/tra-cuu?ma={code}', CODE)).toBe(
      `https://a.gov.vn/tra-cuu?ma=${CODE}`,
    );
  });

  it('leaves an address without a place as given, and the QR holds the code', () => {
    expect(dossierLookupAddress('https://dichvucong.khanhhoa.gov.vn', CODE)).toBe(
      'https://dichvucong.khanhhoa.gov.vn',
    );
    expect(dossierQrText('https://dichvucong.khanhhoa.gov.vn', CODE)).toBe(CODE);
    expect(dossierQrText(undefined, CODE)).toBe(CODE);
  });

  it('prints the address up to the place on a paper without a code', () => {
    expect(dossierLookupAddress('https://a.gov.vn/tra-cuu?ma={code}', null)).toBe(
      'https://a.gov.vn/tra-cuu?ma=',
    );
  });

  it('gives the scanner back the very code, for any code and address (property)', () => {
    fc.assert(
      fc.property(dossierCode, officeAddress, (code, address) => {
        const qr = dossierQrText(address, code);
        expect(qr).not.toContain('{code}');
        expect(new URL(qr).href).toBeTruthy();
        expect(dossierCodeInScan(qr)).toBe(code);
        // upper- or lower-case scheme, stray spaces from a scanner's suffix
        expect(dossierCodeInScan(` ${qr.toUpperCase().slice(0, 5)}${qr.slice(5)} `)).toBe(code);
      }),
    );
  });
});

describe('dossierCodeInScan', () => {
  it('finds nothing in text that is not a lookup address', () => {
    for (const text of [CODE, 'Nguyễn Văn An', '0905 123 456', '', `ftp://a.vn/${CODE}`]) {
      expect(dossierCodeInScan(text), text).toBeNull();
    }
  });

  it('finds nothing where the address holds no code, two codes or a malformed one', () => {
    expect(dossierCodeInScan('https://a.gov.vn/ho-so/')).toBeNull();
    expect(
      dossierCodeInScan(`https://a.gov.vn/${CODE}/${CODE.replace('1002', '1003')}`),
    ).toBeNull();
    expect(dossierCodeInScan('https://a.gov.vn/000.00.13.H31-261399-1002')).toBeNull(); // month 13
    expect(dossierCodeInScan('https://a.gov.vn/000.00.13.H31-261207-0000')).toBeNull();
    expect(dossierCodeInScan(`https://a.gov.vn/${CODE}?again=${CODE}`)).toBe(CODE);
  });

  it('reads a code the address carries percent-encoded', () => {
    expect(dossierCodeInScan(`https://a.gov.vn/?ma=${CODE.replace(/\./g, '%2E')}`)).toBe(CODE);
    expect(dossierCodeInScan('https://a.gov.vn/%E0%A4%A')).toBeNull(); // broken escape: as typed
  });
});
