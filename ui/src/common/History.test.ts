import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../bindings/AuditEntry';
import '../mock/testing';
import { setLocale } from '../i18n/i18n.svelte';
import History from './History.svelte';

const rule = (years: number) => ({
  years,
  months: 0,
  trigger: 'leavingService',
  triggerNote: '',
  legalBasis: '健康保険法施行規則',
});

const entries: AuditEntry[] = [
  {
    seq: 12,
    at: '2026-04-15T05:03:00Z',
    actor: 'yamada',
    action: 'update',
    entity: 'holding',
    entityId: '1',
    changes: [
      { field: 'retention', before: rule(5), after: rule(7) },
      { field: 'medium', before: 'electronic', after: 'both' },
      { field: 'retainedPersonalData', before: false, after: true },
      { field: 'accessHolders', before: ['業務グループ担当者'], after: ['業務グループ担当者', 'システム管理者'] },
      { field: 'lastReview', before: null, after: '2026-04-15' },
      {
        field: 'dataItems',
        before: [{ id: 1, name: '氏名', sensitive: false, myNumber: false }],
        after: [
          { id: 1, name: '氏名', sensitive: false, myNumber: false },
          { id: 2, name: '傷病名', sensitive: true, myNumber: false },
        ],
      },
      { field: 'purposeNotice', before: ['published'], after: ['published', 'notified'] },
    ],
  },
  {
    seq: 3,
    at: '2026-04-01T00:00:00Z',
    actor: 'suzuki',
    action: 'create',
    entity: 'holding',
    entityId: '1',
    changes: [{ field: 'name', before: null, after: '被保険者台帳' }],
  },
];

function change(field: string): HTMLElement {
  const element = screen
    .getAllByTestId('history-change')
    .find((el) => el.getAttribute('data-field') === field);
  if (!element) throw new Error(`no change for ${field}`);
  return element;
}

describe('History', () => {
  it('renders each entry with its action, actor and time', () => {
    render(History, { props: { entries } });
    const items = screen.getAllByTestId('history-entry');
    expect(items).toHaveLength(2);
    const first = items[0] as HTMLElement;
    expect(within(first).getByText('変更')).toBeTruthy();
    expect(within(first).getByText('操作者：yamada')).toBeTruthy();
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe('2026-04-15T05:03:00Z');
    expect(first.querySelector('time')?.textContent).toMatch(/^2026\/04\/15 \d{2}:\d{2}$/);
    expect(within(items[1] as HTMLElement).getByText('登録')).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByText('登録時の内容（1項目）')).toBeTruthy();
  });

  it('shows each changed field with its label and readable before → after values', () => {
    render(History, { props: { entries } });
    const retention = change('retention');
    expect(retention.querySelector('dt')?.textContent).toBe('保管期限');
    expect(retention.querySelector('.before')?.textContent).toContain('退職・資格喪失から5年（根拠：健康保険法施行規則）');
    expect(retention.querySelector('.after')?.textContent).toContain('退職・資格喪失から7年');
    expect(retention.textContent).toContain('→');

    expect(change('medium').querySelector('.before')?.textContent).toContain('電子');
    expect(change('medium').querySelector('.after')?.textContent).toContain('紙・電子');
    expect(change('retainedPersonalData').querySelector('dt')?.textContent).toBe('保有個人データ');
    expect(change('retainedPersonalData').querySelector('.before')?.textContent).toContain('いいえ');
    expect(change('retainedPersonalData').querySelector('.after')?.textContent).toContain('はい');
    expect(change('accessHolders').querySelector('.after')?.textContent).toContain(
      '業務グループ担当者、システム管理者',
    );
    expect(change('lastReview').querySelector('.before')?.textContent).toContain('（なし）');
    expect(change('lastReview').querySelector('.after')?.textContent).toContain('2026年4月15日');
    expect(change('dataItems').querySelector('.after')?.textContent).toContain('氏名、傷病名（要配慮）');
    expect(change('purposeNotice').querySelector('.after')?.textContent).toContain('公表、本人への通知');
  });

  it('renders in English', () => {
    setLocale('en');
    render(History, { props: { entries } });
    const first = screen.getAllByTestId('history-entry')[0] as HTMLElement;
    expect(within(first).getByText('Changed')).toBeTruthy();
    expect(first.querySelector('time')?.textContent).toMatch(/^15 April 2026, \d{2}:\d{2}$/);
    expect(change('retention').querySelector('dt')?.textContent).toBe('Retention period');
    expect(change('retention').querySelector('.after')?.textContent).toContain(
      '7 years from leaving service (basis: 健康保険法施行規則)',
    );
    expect(change('retainedPersonalData').querySelector('.after')?.textContent).toContain('Yes');
    expect(change('medium').querySelector('.after')?.textContent).toContain('Paper and electronic');
  });
});
