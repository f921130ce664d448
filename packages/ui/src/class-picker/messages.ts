/**
 * The class picker's words in fi, sv and en. States say what happened and what to do next.
 * @module
 */
import { byKey, defineCatalog } from '../shared/index.js';

export const messages = defineCatalog(
  byKey({
    label: ['Ryhmä', 'Grupp', 'Group'],
    placeholder: ['Hae ryhmää', 'Sök grupp', 'Search groups'],
    toggle: ['Näytä ryhmät', 'Visa grupper', 'Show groups'],
    listbox: ['Ryhmät', 'Grupper', 'Groups'],
    homeroom: ['Kotiluokka', 'Klass', 'Homeroom'],
    teachingGroup: ['Opetusryhmä', 'Undervisningsgrupp', 'Teaching group'],
    grade: ['{grade}. luokka', 'årskurs {grade}', 'grade {grade}'],
    recent: ['Viimeksi valitut', 'Senast valda', 'Recently chosen'],
    other: ['Muut', 'Övriga', 'Other'],
    results: [
      { one: '{count} ryhmä', other: '{count} ryhmää' },
      { one: '{count} grupp', other: '{count} grupper' },
      { one: '{count} group', other: '{count} groups' },
    ],
    noMatches: [
      'Haulla ei löytynyt ryhmiä. Tyhjennä haku Esc-näppäimellä.',
      'Inga grupper hittades. Töm sökningen med Esc.',
      'No groups match. Press Escape to clear the search.',
    ],
    loading: ['Ladataan ryhmiä…', 'Grupperna laddas…', 'Loading groups…'],
    progress: [
      'Ladataan ryhmiä: {loaded} / {total}',
      'Grupperna laddas: {loaded} / {total}',
      'Loading groups: {loaded} / {total}',
    ],
    empty: [
      'Sinulle ei löytynyt ryhmiä. Jos tämä on virhe, ota yhteyttä koulun kansliaan.',
      'Inga grupper hittades för dig. Om det är fel, kontakta skolans kansli.',
      'No groups were found for you. If this is wrong, contact the school office.',
    ],
    error: [
      'Ryhmien lataaminen ei onnistunut.',
      'Det gick inte att ladda grupperna.',
      'The groups could not be loaded.',
    ],
    retry: ['Yritä uudelleen', 'Försök igen', 'Try again'],
    reload: ['Lataa uudelleen', 'Ladda igen', 'Load again'],
    signedOut: [
      'Kirjaudu sisään, niin voit valita ryhmän.',
      'Logga in för att välja en grupp.',
      'Sign in to choose a group.',
    ],
    child: ['Lapsi', 'Barn', 'Child'],
    childN: ['Lapsi {n}', 'Barn {n}', 'Child {n}'],
    chosen: ['Valittu ryhmä: {title}', 'Vald grupp: {title}', 'Group chosen: {title}'],
  }),
  'class-picker',
);
