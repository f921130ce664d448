import { defineCatalog } from '@digione/ui/shared/index.js';

/** The shell's own words, fi/sv/en. */
export const shellCatalog = defineCatalog(
  {
    fi: {
      skip: 'Siirry pääsisältöön',
      nav: 'Työkalut',
      welcome: 'Tervetuloa',
      signInPrompt: 'Kirjaudu sisään, niin näet työkalusi.',
      pickTool: 'Valitse työkalu valikosta.',
      noTools: 'Roolillesi ei ole vielä työkaluja.',
      loadingTools: 'Ladataan työkaluja…',
      toolsFailed: 'Työkalujen lataus epäonnistui.',
      retry: 'Yritä uudelleen',
      unknownTool: 'Työkalua ei löytynyt tai sinulla ei ole siihen pääsyä.',
      skippedTools: {
        one: '{count} työkalu ohitettiin virheellisenä.',
        other: '{count} työkalua ohitettiin virheellisinä.',
      },
    },
    sv: {
      skip: 'Hoppa till huvudinnehållet',
      nav: 'Verktyg',
      welcome: 'Välkommen',
      signInPrompt: 'Logga in för att se dina verktyg.',
      pickTool: 'Välj ett verktyg i menyn.',
      noTools: 'Det finns ännu inga verktyg för din roll.',
      loadingTools: 'Verktygen laddas…',
      toolsFailed: 'Verktygen kunde inte laddas.',
      retry: 'Försök igen',
      unknownTool: 'Verktyget hittades inte eller så har du inte tillgång till det.',
      skippedTools: {
        one: '{count} verktyg hoppades över som felaktigt.',
        other: '{count} verktyg hoppades över som felaktiga.',
      },
    },
    en: {
      skip: 'Skip to main content',
      nav: 'Tools',
      welcome: 'Welcome',
      signInPrompt: 'Sign in to see your tools.',
      pickTool: 'Choose a tool from the menu.',
      noTools: 'There are no tools for your role yet.',
      loadingTools: 'Loading tools…',
      toolsFailed: 'The tools could not be loaded.',
      retry: 'Try again',
      unknownTool: 'The tool was not found or you do not have access to it.',
      skippedTools: {
        one: '{count} tool was skipped as invalid.',
        other: '{count} tools were skipped as invalid.',
      },
    },
  },
  'd1-shell',
);
