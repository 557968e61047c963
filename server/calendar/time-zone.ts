import { badInput } from '../errors.js';
/**
 * Calendar arithmetic in a Pemda's IANA time zone. Indonesian zones (WIB +7, WITA +8, WIT +9) have no daylight
 * saving, but the offset is still read from the zone database rather than assumed.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs ~30x more than using one (an export formats ~10^5 dates). */
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * Offsets by zone and quarter hour: formatToParts costs ~10 us, and an export places ~10^5 instants, nearly all in
 * a few hundred quarter hours. Zone transitions fall on a quarter hour, so an offset holds for its whole quarter.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, number>();

function offsetMs(instant: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant.getTime() / QUARTER_HOUR_MS)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const start = new Date(Math.floor(instant.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
  const parts = zoneFormat(timeZone).formatToParts(start);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - start.getTime();
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetMs(instant, timeZone)).toISOString().slice(0, 10);
}

/** The local date and time of an instant in the zone, to the second: "2026-03-17 09:05:00". */
export function localDateTime(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetMs(instant, timeZone)).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant at which a local date (YYYY-MM-DD) begins in the zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  return new Date(guess.getTime() - offsetMs(guess, timeZone));
}

/**
 * Adds working days in the zone, keeping the local time of day: Monday to Friday, except the local dates in
 * `holidays` (national days, cuti bersama and the Pemda's own; see calendar/holidays.ts).
 */
export function addWorkingDays(instant: Date, days: number, timeZone: string, holidays: ReadonlySet<string> = new Set()): Date {
  const offset = offsetMs(instant, timeZone);
  const local = new Date(instant.getTime() + offset);
  let added = 0;
  while (added < days) {
    local.setUTCDate(local.getUTCDate() + 1);
    if (isWorkingDay(local.toISOString().slice(0, 10), holidays)) added++;
  }
  return new Date(local.getTime() - offset);
}

/** A local date (YYYY-MM-DD) on which offices work: Monday to Friday, and not one of `holidays`. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string> = new Set()): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** A calendar date YYYY-MM-DD that exists, in 1900-2100 (PostgreSQL has no year 0; nothing here predates 1900). */
export function isIsoDate(value: string): boolean {
  if (!/^(19|20)\d{2}-\d{2}-\d{2}$|^2100-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The calendar date `days` days after `date` (YYYY-MM-DD; negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instants of local dates `from` through `to` inclusive (YYYY-MM-DD, either may be open): what a date filter
 * means to a person in the Pemda. A malformed date, or a range that ends before it begins, is refused.
 */
export function localDateRange(from: string | null | undefined, to: string | null | undefined, timeZone: string): { $gte?: Date; $lt?: Date } {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (value && !isIsoDate(value)) throw badInput([{ field, message: 'Tanggal berformat YYYY-MM-DD.' }]);
  }
  if (from && to && from > to) throw badInput([{ field: 'to', message: `Tanggal akhir (${to}) sebelum tanggal awal (${from}).` }]);
  return { ...(from && { $gte: startOfLocalDate(from, timeZone) }), ...(to && { $lt: startOfLocalDate(addDays(to, 1), timeZone) }) };
}

/** 'YYYY-MM' as people write it: "Maret 2026". */
export { monthName as formatMonth } from '../reports/indonesian.js';
