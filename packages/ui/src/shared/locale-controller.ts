/**
 * `LocaleController`: the language an element speaks and the strings it shows.
 *
 * Why not `@lit/localize` runtime mode: its locale is one global per page (`configureLocalization`
 * may run once, `msg()` reads a module-level locale), but DESIGN.md asks each element to speak the
 * language of ITS nearest `lang` attribute, so two elements on one page may speak two languages
 * (a Swedish-language school's widget inside a Finnish vendor page). Per-element catalogs looked
 * up by this controller give that, need no extraction step, make a missing translation a type
 * error, and ship only the strings of the elements a vendor imports.
 * @module
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  localeFor,
  storeContext,
  uiLang,
  type ContextStore,
  type Locale,
  type PlatformContext,
  type UiLang,
} from '@digione/context';
import { formatMessage, type Catalog, type MessageParams } from './catalog.js';
import { formatDateTime, formatDay, formatRelativeTime } from './format.js';
import { nearestLang, watchLang } from './lang-observer.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The element's language and its messages. Inside a `<d1-platform>` the platform store's locale
 * decides; standalone, the nearest `lang` attribute at or above the element (`fi`, `sv`, `en`;
 * anything else is `fi`). A change of either re-renders the host.
 *
 * ```ts
 * private l10n = new LocaleController(this, catalog);
 * render() { return html`<button>${this.l10n.t('signIn')}</button>`; }
 * ```
 */
export class LocaleController<K extends string = string> implements ReactiveController {
  #host: Host;
  #catalog: Catalog<K>;
  #locale: Locale = localeFor('fi');
  #store: ContextStore<PlatformContext> | undefined;
  #unsubscribeStore?: () => void;
  #unwatchLang?: () => void;
  /** The `lang` this controller put on its host, if any. */
  #mark?: string;

  constructor(host: Host, catalog: Catalog<K>) {
    this.#host = host;
    this.#catalog = catalog;
    host.addController(this);
    // subscribe: true keeps following a provider that swaps its store
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => this.#useStore(store),
    });
  }

  /** The message language: `fi`, `sv` or `en`. */
  get lang(): UiLang {
    return uiLang(this.#locale);
  }

  /** The Intl formatting locale, e.g. `sv-FI`. */
  get formatting(): string {
    return this.#locale.formatting;
  }

  /** The whole {@link Locale} (message language, formatting locale, fallbacks, time zone). */
  get locale(): Locale {
    return this.#locale;
  }

  /**
   * The message `id` in the current language with `{name}` placeholders filled and plurals chosen
   * by `count`. A bound function: an element may keep it as its own `t`.
   */
  t = (id: K, params?: MessageParams): string => {
    const m = this.#catalog.messages[this.lang][id] ?? this.#catalog.messages.fi[id];
    if (m === undefined) return id;
    return formatMessage(m, this.lang, this.formatting, params);
  };

  /** {@link formatDateTime} in this element's formatting locale. */
  dateTime(date: Date | string | number): string {
    return formatDateTime(date, this.formatting);
  }

  /** {@link formatDay} in this element's formatting locale. */
  day(date: Date | string | number): string {
    return formatDay(date, this.formatting);
  }

  /** {@link formatRelativeTime} in this element's formatting locale. */
  relativeTime(date: Date | string | number, now?: Date | string | number): string {
    return formatRelativeTime(date, this.formatting, now);
  }

  hostConnected(): void {
    this.#unwatchLang = watchLang(this.#host, () => this.#refresh());
    this.#refresh();
  }

  // (Both stop functions may be called again later: a second call does nothing.)
  hostDisconnected(): void {
    this.#unwatchLang?.();
    // the provider may not be ours after a move; the consumer asks again on reconnect
    this.#unsubscribeStore?.();
    this.#store = undefined;
  }

  #useStore(store: ContextStore<PlatformContext> | undefined): void {
    this.#unsubscribeStore?.();
    this.#store = store;
    this.#unsubscribeStore = store?.select(
      (s) => s.locale,
      () => this.#refresh(),
    );
    this.#refresh();
  }

  #refresh(): void {
    const h = this.#host;
    // a `lang` we wrote on the host is not the page's word: read the page's from above it
    if (h.lang !== this.#mark) this.#mark = undefined;
    const said = nearestLang(this.#mark ? h.parentNode! : h);
    const next = this.#store?.get().locale ?? localeFor(said);
    // Screen readers pronounce by `lang`: when the language spoken is not the one the page says
    // (a fallback to fi, or the platform's locale), say it on the host; take it back when it is.
    // (Setting an equal value would still wake every lang watcher: only a change is written.)
    const ui = uiLang(next);
    if (!said?.startsWith(ui)) {
      if (h.lang !== ui) h.lang = this.#mark = ui;
    } else if (this.#mark) {
      this.#mark = undefined;
      h.removeAttribute('lang');
    }
    if (next.ui === this.#locale.ui && next.formatting === this.#locale.formatting) return;
    this.#locale = next;
    h.requestUpdate();
  }
}
