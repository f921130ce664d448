/**
 * The host's own words in fi, sv and en. Kept here (not in `@digione/ui`, which the plugin host
 * must not depend on); `{name}`-style placeholders. The ids are written once, in {@link IDS}; each
 * language lists its texts in that order (the tuple type makes a missing or extra text a type
 * error), so the bundle does not carry every id three times.
 * @module
 */
import type { UiLang } from '@digione/context';

const IDS = [
  'loading',
  'slow',
  'ready',
  'failed',
  'unresponsive',
  'unresponsiveHelp',
  'retry',
  'wait',
  'reload',
  'skip',
  'end',
  // error codes (PluginErrorCode)
  'NOT_FOUND',
  'INVALID_MANIFEST',
  'SAME_ORIGIN',
  'NOT_ALLOWED',
  'ROLE',
  'SESSION',
  'TIMEOUT',
  'LOAD',
  'MOUNT',
  'REGISTRY',
] as const;
/** A message id. */
export type MessageId = (typeof IDS)[number];
/** One text per id, in the order of {@link IDS}. */
type Texts = StringsFor<typeof IDS>;
type StringsFor<T> = { readonly [I in keyof T]: string };

const fi: Texts = [
  /* loading */ 'Ladataan: {name}…',
  /* slow */ 'Lataus kestää tavallista kauemmin.',
  /* ready */ '{name} on valmis.',
  /* failed */ '{name}: lataus epäonnistui.',
  /* unresponsive */ '{name} ei vastaa.',
  /* unresponsiveHelp */ 'Voit odottaa tai ladata sen uudelleen.',
  /* retry */ 'Yritä uudelleen',
  /* wait */ 'Odota',
  /* reload */ 'Lataa uudelleen',
  /* skip */ 'Ohita {name}',
  /* end */ '{name} päättyy',
  /* NOT_FOUND */ 'Työkalua {id} ei ole tässä portaalissa.',
  /* INVALID_MANIFEST */ 'Työkalun kuvauksessa (manifest) on virheitä.',
  /* SAME_ORIGIN */ 'Portaali ei aja työkalua omasta osoitteestaan, koska se pääsisi ulos suojatusta kehyksestä.',
  /* NOT_ALLOWED */ 'Portaali ei luota tämän moduulin osoitteeseen.',
  /* ROLE */ 'Työkalu ei ole käytettävissä roolillasi.',
  /* SESSION */ 'Työkalulle ei saatu istuntoa. Tarkista verkkoyhteys.',
  /* TIMEOUT */ 'Työkalu ei käynnistynyt {seconds} sekunnissa.',
  /* LOAD */ 'Työkalun koodia ei voitu ladata.',
  /* MOUNT */ 'Työkalu kaatui käynnistyessään.',
  /* REGISTRY */ 'Työkalujen luetteloa ei voitu ladata.',
];

const sv: Texts = [
  /* loading */ 'Laddar: {name}…',
  /* slow */ 'Det tar längre tid än vanligt.',
  /* ready */ '{name} är klar.',
  /* failed */ '{name}: laddningen misslyckades.',
  /* unresponsive */ '{name} svarar inte.',
  /* unresponsiveHelp */ 'Du kan vänta eller ladda om.',
  /* retry */ 'Försök igen',
  /* wait */ 'Vänta',
  /* reload */ 'Ladda om',
  /* skip */ 'Hoppa över {name}',
  /* end */ 'Slut på {name}',
  /* NOT_FOUND */ 'Verktyget {id} finns inte i den här portalen.',
  /* INVALID_MANIFEST */ 'Verktygets beskrivning (manifest) innehåller fel.',
  /* SAME_ORIGIN */ 'Portalen kör inte verktyget från sin egen adress, eftersom det då kunde ta sig ut ur sin skyddade ram.',
  /* NOT_ALLOWED */ 'Portalen litar inte på modulens adress.',
  /* ROLE */ 'Verktyget är inte tillgängligt för din roll.',
  /* SESSION */ 'Verktyget fick ingen session. Kontrollera nätverket.',
  /* TIMEOUT */ 'Verktyget startade inte inom {seconds} sekunder.',
  /* LOAD */ 'Verktygets kod kunde inte laddas.',
  /* MOUNT */ 'Verktyget kraschade när det startade.',
  /* REGISTRY */ 'Listan över verktyg kunde inte laddas.',
];

const en: Texts = [
  /* loading */ 'Loading {name}…',
  /* slow */ 'This is taking longer than usual.',
  /* ready */ '{name} is ready.',
  /* failed */ '{name} could not be loaded.',
  /* unresponsive */ '{name} is not responding.',
  /* unresponsiveHelp */ 'You can wait or reload it.',
  /* retry */ 'Try again',
  /* wait */ 'Wait',
  /* reload */ 'Reload',
  /* skip */ 'Skip {name}',
  /* end */ 'End of {name}',
  /* NOT_FOUND */ 'The tool {id} is not available in this portal.',
  /* INVALID_MANIFEST */ 'The description (manifest) of the tool has errors.',
  /* SAME_ORIGIN */ "The portal does not run a tool from the portal's own address: it could escape its protective frame.",
  /* NOT_ALLOWED */ "The portal does not trust this module's address.",
  /* ROLE */ 'This tool is not available for your role.',
  /* SESSION */ 'Could not start a session for the tool. Check your connection.',
  /* TIMEOUT */ 'The tool did not start within {seconds} seconds.',
  /* LOAD */ 'The code of the tool could not be loaded.',
  /* MOUNT */ 'The tool failed while starting.',
  /* REGISTRY */ 'The list of tools could not be loaded.',
];

const catalog: Record<UiLang, Texts> = { fi, sv, en };

/** The message `id` in `lang`, with its `{placeholders}` filled from `params` (give every one it holds). */
export function t(lang: UiLang, id: MessageId, params: Record<string, string | number | undefined>): string {
  return catalog[lang][IDS.indexOf(id)]!.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));
}

/** The subject of the host's sentences when the plugin has neither a name nor an id (`plugin-id`) to go by. */
export const TOOL = { fi: 'Työkalu', sv: 'Verktyget', en: 'The tool' };
