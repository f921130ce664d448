import type { Lang, Locale, UiLang } from './model.js';

/** The languages the elements ship today. */
export const UI_LANGS: readonly UiLang[] = ['fi', 'sv', 'en'];

/** Display time zone for every date the platform shows. */
export const TIME_ZONE = 'Europe/Helsinki';

/**
 * The {@link Locale} for a language tag. Messages and formatting are separate: Sámi languages
 * without ICU data format as Finnish (`sms-FI` -> `fi-FI`), and Swedish in Finland formats as
 * `sv-FI` (dates `11.8.2025`), not `sv-SE`.
 */
export function localeFor(tag: string | null | undefined): Locale {
  const lang = (tag ?? '').toLowerCase().split(/[-_]/)[0] as Lang;
  switch (lang) {
    case 'sv':
      return { ui: 'sv-FI', formatting: 'sv-FI', fallbacks: ['sv-FI', 'fi-FI', 'en'], timeZone: TIME_ZONE };
    case 'en':
      return { ui: 'en', formatting: 'en-FI', fallbacks: ['en', 'fi-FI'], timeZone: TIME_ZONE };
    case 'se':
      return { ui: 'se-FI', formatting: 'se-FI', fallbacks: ['se-FI', 'fi-FI', 'en'], timeZone: TIME_ZONE };
    case 'smn':
      return {
        ui: 'smn-FI',
        formatting: 'fi-FI',
        fallbacks: ['smn-FI', 'se-FI', 'fi-FI', 'en'],
        timeZone: TIME_ZONE,
      };
    case 'sms':
      return {
        ui: 'sms-FI',
        formatting: 'fi-FI',
        fallbacks: ['sms-FI', 'se-FI', 'fi-FI', 'en'],
        timeZone: TIME_ZONE,
      };
    default:
      return { ui: 'fi-FI', formatting: 'fi-FI', fallbacks: ['fi-FI', 'en'], timeZone: TIME_ZONE };
  }
}

/** The UI language of a tag or locale: `fi`, `sv` or `en`; anything else falls back to `fi`. */
export function uiLang(tagOrLocale: string | Locale | null | undefined): UiLang {
  const tag = typeof tagOrLocale === 'object' && tagOrLocale ? tagOrLocale.ui : tagOrLocale;
  const lang = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (UI_LANGS as readonly string[]).includes(lang ?? '') ? (lang as UiLang) : 'fi';
}

/** Pick the text for a language from a {@link LocalizedText}, falling back fi -> sv -> en -> any. */
export function pickText(text: Partial<Record<string, string>> | string | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const l = lang.split('-')[0] ?? lang;
  return text[l] ?? text.fi ?? text.sv ?? text.en ?? Object.values(text).find((v) => !!v) ?? '';
}
