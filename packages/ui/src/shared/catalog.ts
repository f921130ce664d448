/**
 * Message catalogs: one per element, all three languages side by side in the source, so a
 * missing translation is a type error and the element ships only its own strings.
 * @module
 */
import { UI_LANGS, type UiLang } from '@digione/context';
import { cached } from './format.js';

/** CLDR plural categories; `other` is required. Sámi (`se`, `smn`, `sms`) will need `two`. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** A message: plain text with `{name}` placeholders, or plural forms chosen by `{count}`. */
export type Message = string | PluralMessage;

/** The catalog of one element: every key in every language. */
export interface Catalog<K extends string = string> {
  readonly name: string;
  readonly messages: Readonly<Record<UiLang, Readonly<Record<K, Message>>>>;
}

/** The keys of a catalog, e.g. `CatalogKey<typeof catalog>`. */
export type CatalogKey<C> = C extends Catalog<infer K> ? K : never;

/** Values a message can interpolate; numbers are formatted in the formatting locale. */
export type MessageParams = Record<string, string | number>;

const registry: Catalog[] = [];

/**
 * Define a catalog. Finnish is the source: `sv` and `en` must have exactly its keys, so a missing
 * or stray key in any language does not compile. Registered for {@link checkCatalogs} under
 * `name` (the element's name, for the problem report).
 *
 * ```ts
 * const catalog = defineCatalog({
 *   fi: { signIn: 'Kirjaudu sisään', unread: { one: '{count} lukematon', other: '{count} lukematonta' } },
 *   sv: { signIn: 'Logga in', unread: { one: '{count} oläst', other: '{count} olästa' } },
 *   en: { signIn: 'Sign in', unread: { one: '{count} unread', other: '{count} unread' } },
 * }, 'login-bar');
 * ```
 */
export function defineCatalog<const K extends string>(
  messages: CatalogMessages<K>,
  name?: string,
): Catalog<K>;
/** The same, name first: `defineCatalog('notification-tray', { fi, sv, en })`. */
export function defineCatalog<const K extends string>(name: string, messages: CatalogMessages<K>): Catalog<K>;
export function defineCatalog<const K extends string>(
  a: CatalogMessages<K> | string,
  b?: CatalogMessages<K> | string,
): Catalog<K> {
  const [messages, name] =
    typeof a === 'string' ? [b as CatalogMessages<K>, a] : [a, b as string | undefined];
  const catalog: Catalog<K> = { name: name ?? `catalog-${registry.length + 1}`, messages };
  registry.push(catalog as unknown as Catalog);
  return catalog;
}

/** What {@link defineCatalog} takes: Finnish is the source, `sv` and `en` must match its keys. */
export interface CatalogMessages<K extends string> {
  fi: Record<K, Message>;
  sv: NoInfer<Record<K, Message>>;
  en: NoInfer<Record<K, Message>>;
}

/**
 * A catalog written key by key, its languages side by side as `[fi, sv, en]`, for
 * {@link defineCatalog}. Each key is then written (and shipped) once rather than once per
 * language; a missing language is still a type error (the tuple has three places).
 *
 * ```ts
 * defineCatalog(byKey({ signIn: ['Kirjaudu sisään', 'Logga in', 'Sign in'] }), 'login-bar');
 * ```
 */
export function byKey<const K extends string>(
  messages: Record<K, readonly [fi: Message, sv: Message, en: Message]>,
): CatalogMessages<K> {
  const out: Record<UiLang, Record<string, Message>> = { fi: {}, sv: {}, en: {} };
  // UI_LANGS is fi, sv, en: the tuple's order
  for (const key in messages) UI_LANGS.forEach((lang, i) => (out[lang][key] = messages[key][i]!));
  return out as CatalogMessages<K>;
}

/** Every catalog defined so far (modules register when imported). */
export function registeredCatalogs(): readonly Catalog[] {
  return registry;
}

const placeholders = (m: Message): string[] =>
  [
    ...new Set(
      Object.values(typeof m === 'string' ? { other: m } : m).flatMap((s) => s?.match(/\{\w+\}/g) ?? []),
    ),
  ].sort();

/**
 * Runtime check over catalogs (default: all registered): a key missing or empty in a language,
 * a plural without `other`, and placeholders that differ between languages. Empty means complete.
 * The types already catch missing keys; this also catches JSON-fed or cast catalogs.
 */
export function checkCatalogs(catalogs: readonly Catalog[] = registry): string[] {
  const problems: string[] = [];
  const langs: UiLang[] = ['fi', 'sv', 'en'];
  for (const c of catalogs) {
    const keys = new Set(langs.flatMap((l) => Object.keys(c.messages[l] ?? {})));
    for (const key of keys) {
      const ref = c.messages.fi?.[key];
      for (const lang of langs) {
        const m = c.messages[lang]?.[key];
        const where = `${c.name}.${lang}.${key}`;
        if (m === undefined) {
          problems.push(`${where}: missing`);
          continue;
        }
        if (typeof m === 'string' ? !m.trim() : !m.other?.trim()) {
          problems.push(`${where}: empty${typeof m === 'string' ? '' : ' (plural needs "other")'}`);
          continue;
        }
        if (ref !== undefined && placeholders(m).join() !== placeholders(ref).join()) {
          problems.push(
            `${where}: placeholders ${placeholders(m).join() || 'none'} differ from fi ${placeholders(ref).join() || 'none'}`,
          );
        }
      }
    }
  }
  return problems;
}

/**
 * Turn a message into text: choose the plural form for `params.count` with the rules of the
 * MESSAGE language (`lang`), and format numbers for the FORMATTING locale.
 */
export function formatMessage(
  message: Message,
  lang: string,
  formatting: string,
  params?: MessageParams,
): string {
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = Number(params?.count ?? 0);
    const rules = cached(`pl|${lang}`, () => new Intl.PluralRules(lang));
    const cat = rules.select(count) as keyof PluralMessage;
    text = message[cat] ?? message.other;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number'
      ? cached(`n|${formatting}`, () => new Intl.NumberFormat(formatting)).format(v)
      : v;
  });
}
