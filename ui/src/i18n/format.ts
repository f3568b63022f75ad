// Locale-aware formatting of dates, numbers, lists and retention rules.
import type { RetentionRule } from '../bindings/RetentionRule';
import { locale, t } from './i18n.svelte';

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

/** A civil date: 2026年4月15日 / 15 Apr 2026. */
export function formatDate(value: string | null): string {
  if (!value) return '';
  const date = parseCivilDate(value);
  if (!date) return value;
  const options: Intl.DateTimeFormatOptions =
    locale.lang === 'ja'
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale(), options).format(date);
}

/** An instant (RFC 3339) in local time: 2026年4月15日 14:03 / 15 Apr 2026, 14:03. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions =
    locale.lang === 'ja'
      ? { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }
      : { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(intlLocale(), options).format(date);
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
