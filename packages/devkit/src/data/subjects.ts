// Subjects of Finnish basic education (perusopetus), with short codes in the style of the OPH
// subject koodisto, names in fi/sv/en and the grades each is taught as a separate teaching group.

export interface Subject {
  code: string;
  fi: string;
  sv: string;
  en: string;
  /** Grades (1-9) where the subject forms teaching groups of its own. */
  grades: readonly number[];
  /** Only one of the two national-language schools teaches it as a subject (the other's mother tongue). */
  only?: 'fi' | 'sv';
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

// prettier-ignore
export const SUBJECTS: readonly Subject[] = [
  { code: 'MA', fi: 'Matematiikka', sv: 'Matematik', en: 'Mathematics', grades: range(1, 9) },
  { code: 'AI', fi: 'Äidinkieli ja kirjallisuus', sv: 'Finska och litteratur', en: 'Finnish language and literature', grades: range(1, 9), only: 'fi' },
  { code: 'MO', fi: 'Ruotsi äidinkielenä', sv: 'Modersmål och litteratur', en: 'Swedish language and literature', grades: range(1, 9), only: 'sv' },
  { code: 'EN', fi: 'Englanti', sv: 'Engelska', en: 'English', grades: range(1, 9) },
  { code: 'RU', fi: 'Ruotsi', sv: 'Svenska', en: 'Swedish (B1)', grades: range(6, 9), only: 'fi' },
  { code: 'FI', fi: 'Suomi', sv: 'Finska', en: 'Finnish (A)', grades: range(3, 9), only: 'sv' },
  { code: 'YM', fi: 'Ympäristöoppi', sv: 'Omgivningslära', en: 'Environmental studies', grades: range(1, 6) },
  { code: 'BI', fi: 'Biologia', sv: 'Biologi', en: 'Biology', grades: range(7, 9) },
  { code: 'FY', fi: 'Fysiikka', sv: 'Fysik', en: 'Physics', grades: range(7, 9) },
  { code: 'KE', fi: 'Kemia', sv: 'Kemi', en: 'Chemistry', grades: range(7, 9) },
  { code: 'HI', fi: 'Historia', sv: 'Historia', en: 'History', grades: range(5, 9) },
  { code: 'LI', fi: 'Liikunta', sv: 'Gymnastik', en: 'Physical education', grades: range(1, 9) },
  { code: 'MU', fi: 'Musiikki', sv: 'Musik', en: 'Music', grades: range(1, 9) },
  { code: 'KU', fi: 'Kuvataide', sv: 'Bildkonst', en: 'Visual arts', grades: range(1, 9) },
  { code: 'KS', fi: 'Käsityö', sv: 'Slöjd', en: 'Crafts', grades: range(3, 9) },
  { code: 'KO', fi: 'Kotitalous', sv: 'Huslig ekonomi', en: 'Home economics', grades: range(7, 9) },
  { code: 'RA', fi: 'Ranska', sv: 'Franska', en: 'French', grades: range(7, 9) },
];

/** The subjects a school of this language teaches as groups in this grade, in a stable order. */
export function subjectsFor(grade: number, lang: 'fi' | 'sv'): Subject[] {
  return SUBJECTS.filter((s) => s.grades.includes(grade) && (!s.only || s.only === lang));
}
