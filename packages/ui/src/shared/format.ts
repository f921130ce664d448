/**
 * Dates and times through Intl, always shown in Europe/Helsinki whatever the device's zone.
 * `formatting` is a formatting locale such as `fi-FI` or `sv-FI` (see `localeFor` in
 * `@digione/context`): `sv-FI` writes `11.8.2025 kl. 12.05`, not Sweden's `2025-08-11 12:05`.
 * @module
 */
import { TIME_ZONE } from '@digione/context';

type DateInput = Date | string | number;

const cache = new Map<string, object>();
/** One Intl formatter (or plural rules) per kind and locale: making one costs far more than using it. */
export function cached<T extends object>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** A Date of any input; a Date is copied (new Date(date) keeps its time value). */
const toDate = (d: DateInput) => new Date(d);

/** Date and time, e.g. `11.8.2025 klo 12.05` (fi-FI). */
export function formatDateTime(date: DateInput, formatting: string): string {
  const f = cached(
    `dt|${formatting}`,
    () =>
      new Intl.DateTimeFormat(formatting, { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE }),
  );
  return f.format(toDate(date));
}

/** A day with its weekday, e.g. `ma 11.8.2025` (fi-FI). */
export function formatDay(date: DateInput, formatting: string): string {
  const f = cached(
    `day|${formatting}`,
    () =>
      new Intl.DateTimeFormat(formatting, {
        weekday: 'short',
        day: 'numeric',
        month: 'numeric',
        year: 'numeric',
        timeZone: TIME_ZONE,
      }),
  );
  return f.format(toDate(date));
}

/** Time of day, e.g. `12.05` (fi-FI). */
export function formatTime(date: DateInput, formatting: string): string {
  const f = cached(
    `t|${formatting}`,
    () => new Intl.DateTimeFormat(formatting, { timeStyle: 'short', timeZone: TIME_ZONE }),
  );
  return f.format(toDate(date));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago (or until), e.g. `5 minuuttia sitten`, `eilen`, `i går`; older than a week it is
 * the date itself ({@link formatDay}). Days count in Helsinki calendar days, so 23.55 yesterday
 * is "yesterday" even when only ten minutes have passed. `now` is a parameter so lists can share
 * one clock and tests can fix it.
 */
export function formatRelativeTime(date: DateInput, formatting: string, now: DateInput = Date.now()): string {
  const d = toDate(date);
  const n = toDate(now);
  const diff = +d - +n;
  const rtf = cached(`rel|${formatting}`, () => new Intl.RelativeTimeFormat(formatting, { numeric: 'auto' }));
  const abs = Math.abs(diff);
  if (abs < MINUTE) return rtf.format(0, 'second');
  if (abs < HOUR) return rtf.format(Math.trunc(diff / MINUTE), 'minute');
  const days = helsinkiDayNumber(d) - helsinkiDayNumber(n);
  if (days === 0) return rtf.format(Math.trunc(diff / HOUR), 'hour');
  if (Math.abs(days) <= 6) return rtf.format(days, 'day');
  return formatDay(d, formatting);
}

/** The calendar day of an instant in Helsinki, `YYYY-MM-DD`. */
export function helsinkiDay(date: DateInput): string {
  return cached(
    'ymd',
    () =>
      new Intl.DateTimeFormat('en-CA', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        timeZone: TIME_ZONE,
      }),
  ).format(toDate(date));
}

/**
 * Days since the epoch of the Helsinki calendar date of `d`. A date-only ISO string parses as UTC
 * midnight, a whole number of days.
 */
function helsinkiDayNumber(d: Date): number {
  return Date.parse(helsinkiDay(d)) / DAY;
}
