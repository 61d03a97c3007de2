/**
 * The school words search starts with: what a fresh database searches with until an administrator
 * first saves "Từ đồng nghĩa và viết tắt", and what the demo school's list is seeded with. From
 * then on the global is the only source; nothing else in code names these words.
 */
import type { SchoolVocabulary } from './vocabulary.js'

export const defaultSchoolVocabulary: SchoolVocabulary = {
  abbreviations: [
    { abbreviation: 'ATGT', meaning: 'an toàn giao thông' },
    { abbreviation: 'BGDĐT', meaning: 'Bộ Giáo dục và Đào tạo' },
    { abbreviation: 'CBGVNV', meaning: 'cán bộ giáo viên nhân viên' },
    { abbreviation: 'CNTT', meaning: 'công nghệ thông tin' },
    { abbreviation: 'GDĐT', meaning: 'giáo dục và đào tạo' },
    { abbreviation: 'GV', meaning: 'giáo viên' },
    { abbreviation: 'KH', meaning: 'kế hoạch' },
    { abbreviation: 'MG', meaning: 'mẫu giáo' },
    { abbreviation: 'MN', meaning: 'mầm non' },
    { abbreviation: 'PGDĐT', meaning: 'Phòng Giáo dục và Đào tạo' },
    { abbreviation: 'PH', meaning: 'phụ huynh' },
    { abbreviation: 'QĐ', meaning: 'quyết định' },
    { abbreviation: 'SGDĐT', meaning: 'Sở Giáo dục và Đào tạo' },
    { abbreviation: 'UBND', meaning: 'ủy ban nhân dân' },
    { abbreviation: 'UBND', meaning: 'uỷ ban nhân dân' },
  ],
  synonyms: [
    ['lớp lá', 'mẫu giáo lớn'],
    ['lớp chồi', 'mẫu giáo nhỡ'],
    ['lớp mầm', 'mẫu giáo bé'],
    ['nhập học', 'tuyển sinh'],
    ['online', 'trực tuyến'],
    ['sách tranh', 'truyện tranh'],
    ['clip', 'video'],
    ['họp phụ huynh', 'họp cha mẹ học sinh'],
  ],
}
