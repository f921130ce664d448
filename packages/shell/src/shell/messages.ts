import { byKey, defineCatalog } from '@digione/ui/shared/index.js';

/** The shell's own words, `[fi, sv, en]` per key (each key ships once; see `byKey`). */
export const shellCatalog = defineCatalog(
  byKey({
    skip: ['Siirry pääsisältöön', 'Hoppa till huvudinnehållet', 'Skip to main content'],
    nav: ['Työkalut', 'Verktyg', 'Tools'],
    welcome: ['Tervetuloa', 'Välkommen', 'Welcome'],
    signInPrompt: [
      'Kirjaudu sisään, niin näet työkalusi.',
      'Logga in för att se dina verktyg.',
      'Sign in to see your tools.',
    ],
    pickTool: ['Valitse työkalu valikosta.', 'Välj ett verktyg i menyn.', 'Choose a tool from the menu.'],
    noTools: [
      'Roolillesi ei ole vielä työkaluja.',
      'Det finns ännu inga verktyg för din roll.',
      'There are no tools for your role yet.',
    ],
    loadingTools: ['Ladataan työkaluja…', 'Verktygen laddas…', 'Loading tools…'],
    toolsFailed: [
      'Työkalujen lataus epäonnistui.',
      'Verktygen kunde inte laddas.',
      'The tools could not be loaded.',
    ],
    retry: ['Yritä uudelleen', 'Försök igen', 'Try again'],
    unknownTool: [
      'Työkalua ei löytynyt tai sinulla ei ole siihen pääsyä.',
      'Verktyget hittades inte eller så har du inte tillgång till det.',
      'The tool was not found or you do not have access to it.',
    ],
    skippedTools: [
      {
        one: '{count} työkalu ohitettiin virheellisenä.',
        other: '{count} työkalua ohitettiin virheellisinä.',
      },
      {
        one: '{count} verktyg hoppades över som felaktigt.',
        other: '{count} verktyg hoppades över som felaktiga.',
      },
      {
        one: '{count} tool was skipped as invalid.',
        other: '{count} tools were skipped as invalid.',
      },
    ],
  }),
  'd1-shell',
);
