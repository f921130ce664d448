/**
 * Pure data helpers of the notification tray: ordering, limits, day grouping and link safety.
 * Kept apart from the element so they are cheap to test and to run over 10,000 items.
 * @module
 */
import { pickText, type Notification } from '@digione/context';
import { compareRaw } from '../shared/compare.js';
import { helsinkiDay } from '../shared/format.js';

// Every day boundary and time the tray shows is Finnish time (Europe/Helsinki).
export { helsinkiDay };

/** Limits on what the tray keeps and renders. */
export interface TrayLimits {
  /** Newest notifications kept in total. */
  max: number;
  /** Newest notifications kept per source (plugin), so one noisy source cannot flood the tray. */
  perSource: number;
}

/** What {@link applyLimits} dropped, for the "showing newest N" note. */
export interface LimitReport {
  /** Notifications given. */
  total: number;
  /** Notifications kept. */
  shown: number;
  /** Sources that hit the per-source limit: their display name and how many were hidden. */
  cappedSources: Array<{ pluginId: string; name: string; hidden: number }>;
}

/** A row of the virtual list: a day heading or a notification. */
export type TrayRow =
  { kind: 'day'; key: string; day: string } | { kind: 'item'; key: string; n: Notification; index: number };

/**
 * Whether an item from outside can be shown at all: an object with a string id and a valid
 * `createdAt`. Anything else is left out rather than allowed to break the whole tray (the
 * platform's feed applies the same rule to what it receives).
 */
export function isUsable(n: unknown): n is Notification {
  if (!n || typeof n !== 'object') return false;
  const { id, createdAt } = n as Partial<Notification>;
  return (
    typeof id === 'string' && id !== '' && typeof createdAt === 'string' && !isNaN(Date.parse(createdAt))
  );
}

/** The text of a title or body from outside, in `lang`; never throws, whatever its shape. */
export function textOf(value: unknown, lang: string): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const t: unknown = pickText(value as Partial<Record<string, string>>, lang);
  return t == null ? '' : String(t);
}

/** The time of a notification in ms; 0 for one that cannot be read (NaN is falsy). */
const time = (n: Notification): number => Date.parse(n.createdAt) || 0;

/** Newest first; equal times keep a stable order by id so re-renders do not shuffle rows. */
export function newestFirst(list: readonly Notification[]): Notification[] {
  return list
    .map((n) => [time(n), n] as const)
    .sort((a, b) => b[0] - a[0] || compareRaw(a[1].id, b[1].id))
    .map(([, n]) => n);
}

/**
 * Keeps the newest `perSource` of each source and then the newest `max` overall. `list` must be
 * newest first. The service enforces its own limits; this is the tray's guard on memory and DOM.
 */
export function applyLimits(
  list: readonly Notification[],
  limits: TrayLimits,
): {
  kept: Notification[];
  report: LimitReport;
} {
  const perSource = new Map<string, number>();
  const capped = new Map<string, { pluginId: string; name: string; hidden: number }>();
  const kept: Notification[] = [];
  for (const n of list) {
    const id = n.source?.pluginId ?? '';
    const seen = perSource.get(id) ?? 0;
    if (seen >= limits.perSource) {
      const c = capped.get(id) ?? { pluginId: id, name: n.source?.vendorName || id, hidden: 0 };
      c.hidden++;
      capped.set(id, c);
      continue;
    }
    perSource.set(id, seen + 1);
    if (kept.length < limits.max) kept.push(n);
  }
  return {
    kept,
    report: { total: list.length, shown: kept.length, cappedSources: [...capped.values()] },
  };
}

/** Flattens newest-first notifications into day headings and items for the virtual list. */
export function toRows(list: readonly Notification[]): TrayRow[] {
  const rows: TrayRow[] = [];
  let day = '';
  list.forEach((n, index) => {
    const d = helsinkiDay(time(n));
    if (d !== day) {
      day = d;
      rows.push({ kind: 'day', key: `day:${d}`, day: d });
    }
    rows.push({ kind: 'item', key: n.id, n, index });
  });
  return rows;
}

/**
 * An action href the tray may render as a real link: absolute http(s) URLs, or a path on this
 * site (a plugin deep link such as `/plugins/fi.example.kalenteri/tapahtuma/1`). Anything else
 * (`javascript:`, `data:`, protocol-relative `//host`) is refused and the action becomes an event only.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (typeof href != 'string' || !href) return undefined;
  const h = href.trim();
  // URL parsing drops tabs and newlines anywhere and reads a backslash as "/": "/<TAB>/evil.example"
  // is "//evil.example", another site. Refuse every control character and backslash.
  if (/[\u0000-\u001f\u007f\\]/.test(h)) return undefined;
  if (/^https?:\/\//i.test(h)) {
    try {
      return new URL(h).href;
    } catch {
      return undefined;
    }
  }
  if (h.startsWith('/') && !h.startsWith('//')) return h;
  return undefined;
}

/**
 * An icon URL the tray may load into an `<img>`: what {@link safeHref} allows, or an inline
 * raster/SVG image (`data:image/...`; an `<img>` never runs an SVG's scripts).
 */
export function safeIcon(src: string | undefined): string | undefined {
  if (typeof src == 'string' && /^data:image\/(png|gif|jpeg|webp|svg\+xml)[;,]/i.test(src.trim()))
    return src.trim();
  return safeHref(src);
}
