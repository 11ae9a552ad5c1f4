/**
 * The ways a timestamp column can be written. Times without a zone are read as UTC, so the
 * same file gives the same figures on every computer.
 * - `iso`: ISO 8601, `2024-03-05`, `2024-03-05 14:30`, `2024-03-05T14:30:00.000Z`, `…+01:00`
 * - `dmy`: `05/03/2024 14:30` (day first; `.` and `-` work as separators too)
 * - `mdy`: `03/05/2024 2:30 PM` (month first)
 * - `unix-s` / `unix-ms`: seconds or milliseconds since 1970
 */
export type DateFormat = 'iso' | 'dmy' | 'mdy' | 'unix-s' | 'unix-ms';

export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'dmy', 'mdy', 'unix-s', 'unix-ms'];

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASHED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const UNIX_S = /^\d{9,10}(?:\.\d+)?$/;
const UNIX_MS = /^\d{12,13}$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS[mo - 1]! + (leap ? 1 : 0);
}

/** Two or four digits at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The common machine form `yyyy-mm-ddThh:mm:ss[.sss]Z` read without a regular expression:
 * a million rows carry two timestamps each. NaN when the text is in any other form.
 */
function parseIsoFast(t: string): number {
  const n = t.length;
  if ((n !== 20 && n !== 24) || t.charCodeAt(n - 1) !== 90 /* Z */) return Number.NaN;
  if (t[4] !== '-' || t[7] !== '-' || t[10] !== 'T' || t[13] !== ':' || t[16] !== ':') {
    return Number.NaN;
  }
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  const h = digits(t, 11, 2);
  const mi = digits(t, 14, 2);
  const s = digits(t, 17, 2);
  const ms = n === 24 ? (t[19] === '.' ? digits(t, 20, 3) : -1) : 0;
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0 || ms < 0) return Number.NaN;
  return utc(y, mo, d, h, mi, s, ms);
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) {
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || s > 60) return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

function parseIso(text: string): number {
  const fast = parseIsoFast(text);
  if (!Number.isNaN(fast)) return fast;
  const m = ISO.exec(text);
  if (!m) return Number.NaN;
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const t = utc(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), frac);
  const zone = m[8];
  if (!zone || zone.toUpperCase() === 'Z') return t;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = +digits.slice(0, 2) * 60 + +(digits.slice(2) || 0);
  return t - sign * offset * 60_000;
}

function parseSlashed(text: string, dayFirst: boolean): number {
  const m = SLASHED.exec(text);
  if (!m) return Number.NaN;
  const a = +m[1]!;
  const b = +m[2]!;
  let h = +(m[4] ?? 0);
  const half = m[7]?.toUpperCase();
  if (half) {
    if (h < 1 || h > 12) return Number.NaN;
    h = (h % 12) + (half === 'PM' ? 12 : 0);
  }
  const [d, mo] = dayFirst ? [a, b] : [b, a];
  return utc(+m[3]!, mo, d, h, +(m[5] ?? 0), +(m[6] ?? 0), 0);
}

/**
 * Reads one timestamp written in `format`; NaN when it is not one.
 * @example parseTimestamp('05/03/2024 14:30', 'dmy') // Date.UTC(2024, 2, 5, 14, 30)
 */
export function parseTimestamp(text: string, format: DateFormat): number {
  const t = text.trim();
  switch (format) {
    case 'iso':
      return parseIso(t);
    case 'dmy':
      return parseSlashed(t, true);
    case 'mdy':
      return parseSlashed(t, false);
    case 'unix-s':
      return UNIX_S.test(t) ? Math.round(Number(t) * 1000) : Number.NaN;
    case 'unix-ms':
      return UNIX_MS.test(t) ? Number(t) : Number.NaN;
  }
}

/** What a column's values say about how its dates are written. */
export interface DateGuess {
  /** The format most values are in, or null when too few are dates. */
  format: DateFormat | null;
  /** Share of the non-empty values that read in `format`. */
  share: number;
  /**
   * True when every slashed date has day and month both 12 or less (03/05/2024 is 3 May or
   * 5 March): the person must say which, `format` is then only a default.
   */
  ambiguous: boolean;
}

/**
 * Guesses how a column's dates are written from sample values. Slashed dates are day first
 * when some first number is above 12, month first when some second number is; otherwise
 * the guess is `ambiguous` and the import asks.
 * @example guessDateFormat(['13/01/2024', '02/01/2024']) // { format: 'dmy', share: 1, ambiguous: false }
 */
export function guessDateFormat(values: readonly string[]): DateGuess {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  if (filled.length === 0) return { format: null, share: 0, ambiguous: false };
  let best: DateFormat | null = null;
  let bestCount = 0;
  for (const format of DATE_FORMATS) {
    let count = 0;
    for (const v of filled) if (!Number.isNaN(parseTimestamp(v, format))) count++;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  const share = bestCount / filled.length;
  if (best === 'dmy' || best === 'mdy') {
    let firstOver12 = false;
    let secondOver12 = false;
    for (const v of filled) {
      const m = SLASHED.exec(v);
      if (!m) continue;
      if (+m[1]! > 12) firstOver12 = true;
      if (+m[2]! > 12) secondOver12 = true;
    }
    if (firstOver12 !== secondOver12) {
      return { format: firstOver12 ? 'dmy' : 'mdy', share, ambiguous: false };
    }
    return { format: 'dmy', share, ambiguous: true };
  }
  return { format: share >= 0.5 ? best : null, share, ambiguous: false };
}
