// Locale-aware formatting of dates, numbers, lists and retention rules.
import type { RetentionRule } from '../bindings/RetentionRule';
import type { DateStyle } from '../bindings/DateStyle';
import { writeDate } from '../lib/dates';
import { dateDisplay, locale, t } from './i18n.svelte';

function intlLocale(): string {
  return locale.lang === 'ja' ? 'ja-JP' : 'en-GB';
}

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a civil date `YYYY-MM-DD` as midnight UTC; null if it is not one. */
export function parseCivilDate(value: string): Date | null {
  const match = CIVIL_DATE.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The style dates are shown in: the era (令和8年4月15日) or 2026年4月15日 in Japanese, as the
 * organisation chose; 15 April 2026 in English, which no locale reads the wrong way round. */
export function displayStyle(): DateStyle {
  if (locale.lang === 'en') return 'english';
  return dateDisplay.era ? 'era' : 'kanji';
}

/** The style a date input shows: one the reader reads back (English screens get ISO, which is
 * as unambiguous as `15 April 2026` and typed the same on every keyboard). */
export function inputStyle(): DateStyle {
  if (locale.lang === 'en') return 'iso';
  return dateDisplay.era ? 'era' : 'slashed';
}

/** A civil date `YYYY-MM-DD` in the display style; anything else comes back unchanged. */
export function formatDate(value: string | null): string {
  if (!value) return '';
  return writeDate(value, displayStyle());
}

/** An instant (RFC 3339) in local time, to the minute: 2026/12/02 13:05 (令和8年12月2日 13:05
 * with era dates) / 2 December 2026, 13:05. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (locale.lang === 'en') return `${writeDate(day, 'english')}, ${time}`;
  return `${writeDate(day, dateDisplay.era ? 'era' : 'slashed')} ${time}`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

export function joinList(values: readonly string[]): string {
  return values.join(t('common.listSeparator'));
}

export function formatDuration(years: number, months: number): string {
  const y = years > 0 ? t(years === 1 ? 'duration.year' : 'duration.years', { n: years }) : '';
  const m = months > 0 ? t(months === 1 ? 'duration.month' : 'duration.months', { n: months }) : '';
  if (y && m) return t('duration.join', { a: y, b: m });
  return y || m;
}

/** 退職・資格喪失から7年 / 7 years from leaving service. */
export function retentionSummary(rule: RetentionRule | null): string {
  if (!rule) return t('common.notSet');
  const duration = formatDuration(rule.years, rule.months);
  if (!duration) {
    return rule.trigger === 'purposeAchieved' ? t('retention.untilPurpose') : t('common.notSet');
  }
  let from: string;
  if (rule.trigger === 'other') {
    from = rule.triggerNote.trim()
      ? t('retentionFrom.other', { note: rule.triggerNote.trim() })
      : t('retentionFrom.otherUnnamed');
  } else {
    from = t(`retentionFrom.${rule.trigger}`);
  }
  return t('retention.summary', { from, duration });
}

/** Total length in months, for sorting; rules without a duration sort last among set rules. */
export function retentionMonths(rule: RetentionRule | null): number {
  if (!rule) return Number.POSITIVE_INFINITY;
  const months = rule.years * 12 + rule.months;
  return months === 0 ? Number.MAX_SAFE_INTEGER : months;
}

/** Lower-cased NFKC text, so that full-width and half-width letters match each other. */
export function searchable(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
