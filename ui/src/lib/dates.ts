// The date reader and writer of the screens: the same forms as the core's `src/model/era.rs`
// (2026/4/1, 2026年4月1日, 2026-04-01, 令和8年4月1日, 令和元年, R8.4.1, full-width digits), so
// that what an officer types reads the same whatever the OS or WebKit locale. The rule lives in
// the core; `dates.test.ts` replays the table of cases the core recorded
// (`ui/src/mock/fixtures/catalogue.json`, `$date_cases` and `$date_styles`) and fails on any
// disagreement, so this file cannot drift into a second rule.
import type { DateProblem } from '../bindings/DateProblem';
import type { DateStyle } from '../bindings/DateStyle';
import type { Era } from '../bindings/Era';

type Ymd = { y: number; m: number; d: number };

type EraSpan = { era: Era; kanji: string; latin: string; first: Ymd; gannen: number };

// Oldest first, as in the core; the start days are those of the core's table.
const ERAS: readonly EraSpan[] = [
  { era: 'meiji', kanji: '明治', latin: 'M', first: { y: 1873, m: 1, d: 1 }, gannen: 1868 },
  { era: 'taisho', kanji: '大正', latin: 'T', first: { y: 1912, m: 7, d: 30 }, gannen: 1912 },
  { era: 'showa', kanji: '昭和', latin: 'S', first: { y: 1926, m: 12, d: 25 }, gannen: 1926 },
  { era: 'heisei', kanji: '平成', latin: 'H', first: { y: 1989, m: 1, d: 8 }, gannen: 1989 },
  { era: 'reiwa', kanji: '令和', latin: 'R', first: { y: 2019, m: 5, d: 1 }, gannen: 2019 },
];

export type DateReading = { ok: string } | { problem: DateProblem };

const key = (v: Ymd): number => v.y * 10000 + v.m * 100 + v.d;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function realDay(y: number, m: number, d: number): Ymd | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `2026-04-01`, as chrono writes it (a sign before years past 9999). */
function iso(v: Ymd): string {
  const year = v.y > 9999 ? `+${v.y}` : pad(v.y, 4);
  return `${year}-${pad(v.m, 2)}-${pad(v.d, 2)}`;
}

/** Full-width ASCII as half-width, and the spaces between parts dropped. */
function normalise(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xff01 + 0x21);
    else if (c !== ' ' && c !== '\u3000') out += c;
  }
  return out;
}

/** One to four ASCII digits, the whole of `text`. */
function digits(text: string): number | null {
  return /^[0-9]{1,4}$/.test(text) ? Number(text) : null;
}

/** The leading ASCII digits as a number, and what follows them. */
function takeNumber(text: string): [number, string] | null {
  const match = /^[0-9]*/.exec(text);
  const run = match ? match[0] : '';
  const n = digits(run);
  return n === null ? null : [n, text.slice(run.length)];
}

/** After the year: `年4月1日` (the `日` optional), `.4.1`, `/4/1` or `-4-1`. */
function monthDay(rest: string): [number, number] | null {
  if (rest.startsWith('年')) {
    const month = takeNumber(rest.slice(1));
    if (!month || !month[1].startsWith('月')) return null;
    const day = takeNumber(month[1].slice(1));
    if (!day) return null;
    const tail = day[1].startsWith('日') ? day[1].slice(1) : day[1];
    return tail === '' ? [month[0], day[0]] : null;
  }
  const separator = rest.charAt(0);
  if (!['.', '/', '-'].includes(separator)) return null;
  const parts = rest.slice(1).split(separator);
  if (parts.length !== 2) return null;
  const month = digits(parts[0] ?? '');
  const day = digits(parts[1] ?? '');
  return month === null || day === null ? null : [month, day];
}

function readEra(text: string): DateReading | null {
  for (const [index, span] of ERAS.entries()) {
    const prefix = [span.kanji, span.latin, span.latin.toLowerCase()].find((p) => text.startsWith(p));
    if (prefix === undefined) continue;
    const rest = text.slice(prefix.length);
    let year: [number, string] | null;
    if (rest.startsWith('元')) year = [1, rest.slice(1)];
    else year = takeNumber(rest);
    if (!year) return null;
    const parts = monthDay(year[1]);
    if (!parts) return { problem: { problem: 'unrecognised' } };
    if (year[0] < 1) return { problem: { problem: 'outsideEra', era: span.era } };
    const day = realDay(span.gannen + year[0] - 1, parts[0], parts[1]);
    if (!day) return { problem: { problem: 'noSuchDay' } };
    const next = ERAS[index + 1];
    if (key(day) < key(span.first) || (next && key(day) >= key(next.first))) {
      return { problem: { problem: 'outsideEra', era: span.era } };
    }
    return { ok: iso(day) };
  }
  return null;
}

function readGregorian(text: string): DateReading {
  const year = takeNumber(text);
  const parts = year ? monthDay(year[1]) : null;
  // Two-digit years are ambiguous (a Gregorian 26 or an era year?): only four digits.
  if (!year || !parts || year[0] < 1000 || year[0] > 9999) return { problem: { problem: 'unrecognised' } };
  const day = realDay(year[0], parts[0], parts[1]);
  return day ? { ok: iso(day) } : { problem: { problem: 'noSuchDay' } };
}

/** Reads a typed date into ISO `YYYY-MM-DD`, or says why it is not one. */
export function readDate(text: string): DateReading {
  const clean = normalise(text).trim();
  return readEra(clean) ?? readGregorian(clean);
}

function parseIso(value: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return realDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The era a day falls in and its year within it (1 for 元年); null before Meiji 6. */
export function eraOf(value: string): { era: Era; year: number } | null {
  const day = parseIso(value);
  if (!day) return null;
  const span = [...ERAS].reverse().find((s) => key(day) >= key(s.first));
  return span ? { era: span.era, year: day.y - span.gannen + 1 } : null;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Writes an ISO date in a style; what is not an ISO date comes back unchanged. */
export function writeDate(value: string, style: DateStyle): string {
  const day = parseIso(value);
  if (!day) return value;
  switch (style) {
    case 'iso':
      return iso(day);
    case 'slashed':
      return `${pad(day.y, 4)}/${pad(day.m, 2)}/${pad(day.d, 2)}`;
    case 'kanji':
      return `${day.y}年${day.m}月${day.d}日`;
    case 'era': {
      const era = eraOf(value);
      if (!era) return `${day.y}年${day.m}月${day.d}日`;
      const kanji = ERAS.find((s) => s.era === era.era)?.kanji ?? '';
      return `${kanji}${era.year === 1 ? '元' : era.year}年${day.m}月${day.d}日`;
    }
    case 'english':
      return `${day.d} ${MONTHS[day.m - 1]} ${day.y}`;
  }
}

/** The kanji name of an era, for messages: 平成. */
export function eraName(era: Era): string {
  return ERAS.find((s) => s.era === era)?.kanji ?? era;
}

/** An era's first day and last day (null for the current era), ISO. */
export function eraSpan(era: Era): { from: string; to: string | null } {
  const index = ERAS.findIndex((s) => s.era === era);
  const span = ERAS[index] ?? ERAS[0]!;
  const next = ERAS[index + 1];
  let to: string | null = null;
  if (next) {
    const { y, m, d } = next.first;
    const last = d > 1 ? { y, m, d: d - 1 } : m > 1 ? { y, m: m - 1, d: daysInMonth(y, m - 1) } : { y: y - 1, m: 12, d: 31 };
    to = iso(last);
  }
  return { from: iso(span.first), to };
}
