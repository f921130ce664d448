import type { Lang, Locale, UiLang } from './model.js';

/** The languages the elements ship today. */
export const UI_LANGS: readonly UiLang[] = ['fi', 'sv', 'en'];

/** Display time zone for every date the platform shows. */
export const TIME_ZONE = 'Europe/Helsinki';

// The primary language subtag, lower case: `sv_FI` -> `sv`.
const primary = (tag: string | null | undefined) => (tag ?? '').toLowerCase().split(/[-_]/)[0]!;

/**
 * The {@link Locale} for a language tag. Messages and formatting are separate: Sámi languages
 * without ICU data format as Finnish (`sms-FI` -> `fi-FI`), and Swedish in Finland formats as
 * `sv-FI` (dates `11.8.2025`), not `sv-SE`.
 */
export function localeFor(tag: string | null | undefined): Locale {
  const p = primary(tag);
  const lang = (['sv', 'en', 'se', 'smn', 'sms'].includes(p) ? p : 'fi') as Lang;
  const ui = lang === 'en' ? 'en' : (`${lang}-FI` as const);
  // Inari and Skolt Sámi: no ICU data, and their messages fall back to Northern Sámi first
  const noIcu = lang === 'smn' || lang === 'sms';
  return {
    ui,
    formatting: noIcu ? 'fi-FI' : `${lang}-FI`,
    // e.g. sv-FI, fi-FI, en; en, fi-FI; sms-FI, se-FI, fi-FI, en (never a tag twice)
    fallbacks: [...new Set([ui, ...(noIcu ? ['se-FI'] : []), 'fi-FI', 'en'])],
    timeZone: TIME_ZONE,
  };
}

/** The UI language of a tag or locale: `fi`, `sv` or `en`; anything else falls back to `fi`. */
export function uiLang(tagOrLocale: string | Locale | null | undefined): UiLang {
  const lang = primary(typeof tagOrLocale === 'object' && tagOrLocale ? tagOrLocale.ui : tagOrLocale);
  return (UI_LANGS as readonly string[]).includes(lang) ? (lang as UiLang) : 'fi';
}

/** Pick the text for a language from a {@link LocalizedText}, falling back fi -> sv -> en -> any. */
export function pickText(text: Partial<Record<string, string>> | string | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const l = lang.split('-')[0] ?? lang;
  return text[l] ?? text.fi ?? text.sv ?? text.en ?? Object.values(text).find((v) => !!v) ?? '';
}
