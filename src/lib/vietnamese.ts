/**
 * Folds Vietnamese text to lowercase ASCII: strips tone and vowel marks and maps đ/Đ (and the
 * look-alike Ð) to d, so "Đào tạo", "dao tao" and decomposed (NFD) input compare equal.
 */
export const foldVietnamese = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase()
