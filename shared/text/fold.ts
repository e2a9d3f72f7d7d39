/**
 * Fold Vietnamese text for search: lower case, tone marks and vowel marks removed, đ → d.
 * "Trợ cấp mai táng" → "tro cap mai tang"; "Đăng ký" → "dang ky".
 * SQLite's unicode61 remove_diacritics 2 does not fold đ, so both the indexed text and the
 * query go through this function.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}
