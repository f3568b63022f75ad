import { describe, expect, it } from 'vitest';
import '../mock/testing';
import { setEraDates, setLocale } from './i18n.svelte';
import { formatDate, formatDateTime, formatNumber, retentionSummary } from './format';
import { fieldLabel, fieldSlug } from '../lib/fields';
import { reviewOverdue } from '../features/holdings/holding';

describe('formatting', () => {
  it('formats civil dates in each language, with the era when the organisation chose it', () => {
    expect(formatDate('2026-04-15')).toBe('2026年4月15日');
    setEraDates(true);
    expect(formatDate('2026-04-15')).toBe('令和8年4月15日');
    expect(formatDate('2019-05-01')).toBe('令和元年5月1日');
    setLocale('en');
    expect(formatDate('2026-04-15')).toBe('15 April 2026');
    expect(formatNumber(510000)).toBe('510,000');
  });

  it('formats instants to the minute in local time', () => {
    // 13:05:41 local time on 2 December 2026, whatever zone the suite runs in.
    const at = new Date(2026, 11, 2, 13, 5, 41).toISOString();
    expect(formatDateTime(at)).toBe('2026/12/02 13:05');
    setLocale('en');
    expect(formatDateTime(at)).toBe('2 December 2026, 13:05');
  });

  it('summarises retention rules', () => {
    const rule = { years: 7, months: 0, trigger: 'leavingService' as const, triggerNote: '', legalBasis: '' };
    expect(retentionSummary(rule)).toBe('退職・資格喪失から7年');
    expect(retentionSummary({ ...rule, years: 1, months: 6, trigger: 'other', triggerNote: '契約満了' })).toBe(
      '契約満了から1年6か月',
    );
    expect(retentionSummary({ ...rule, years: 0, trigger: 'purposeAchieved' })).toBe('利用目的の達成まで');
    expect(retentionSummary(null)).toBe('未設定');
    setLocale('en');
    expect(retentionSummary({ ...rule, years: 1 })).toBe('1 year from leaving service');
  });

  it('labels field paths and derives test ids from them', () => {
    expect(fieldSlug('dataItems[2].name')).toBe('dataItems-2-name');
    expect(fieldSlug('fileRegister.regularRecipients[1]')).toBe('fileRegister-regularRecipients-1');
    expect(fieldLabel('holding.field', 'dataItems[2].name')).toBe('個人情報の項目（3件目）：項目名');
    expect(fieldLabel('holding.field', 'fileRegister.regularRecipients[1]')).toBe(
      '個人情報ファイル簿：経常的提供先（2件目）',
    );
    expect(fieldLabel('org.field', 'privacyManager')).toBe('個人情報保護管理者');
  });

  it('flags a review older than a year or missing', () => {
    expect(reviewOverdue(null, '2026-06-01')).toBe(true);
    expect(reviewOverdue('2025-06-01', '2026-06-01')).toBe(false);
    expect(reviewOverdue('2025-05-31', '2026-06-01')).toBe(true);
  });
});
