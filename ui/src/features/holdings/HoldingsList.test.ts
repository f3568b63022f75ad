import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useBackend } from '../../mock/testing';
import { app } from '../../lib/app.svelte';
import { setLocale } from '../../i18n/i18n.svelte';
import HoldingsList from './HoldingsList.svelte';

const ledgerNos = () =>
  screen.getAllByTestId('holding-row').map((row) => row.getAttribute('data-ledger-no'));

/** Selects an option the way a user does (happy-dom's `select.value =` is not enough). */
async function choose(select: HTMLElement, value: string) {
  for (const option of Array.from((select as HTMLSelectElement).options)) {
    option.selected = option.value === value;
  }
  await fireEvent.change(select);
}

async function renderDemo() {
  const backend = useBackend({ scenario: 'demo' });
  render(HoldingsList);
  await screen.findAllByTestId('holding-row');
  return backend;
}

describe('HoldingsList', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T09:00:00+09:00'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists every holding in ledger order with counts, badges and review flags', async () => {
    await renderDemo();
    expect(ledgerNos()).toEqual(['H-0001', 'H-0002', 'H-0003', 'H-0004', 'H-0005', 'H-0006', 'H-0007', 'H-0008']);
    const first = screen.getAllByTestId('holding-row')[0] as HTMLElement;
    expect(within(first).getByText('42,000')).toBeTruthy();
    expect(within(first).getByText('個人番号')).toBeTruthy();
    expect(within(first).getByText('退職・資格喪失から7年')).toBeTruthy();
    expect(within(first).getByText('2026年4月15日')).toBeTruthy();
    const web = screen.getAllByTestId('holding-row')[5] as HTMLElement;
    expect(within(web).getByText('要点検')).toBeTruthy();
    const joint = screen.getAllByTestId('holding-row')[7] as HTMLElement;
    expect(within(joint).getByText('未点検')).toBeTruthy();
    expect(within(joint).getByText('未設定')).toBeTruthy();
  });

  it('sorts by a column header and reverses on a second click, with aria-sort', async () => {
    await renderDemo();
    const header = screen.getByTestId('sort-approxCount');
    await fireEvent.click(header);
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByTestId('sort-ledgerNo').closest('th')?.getAttribute('aria-sort')).toBe('none');
    expect(ledgerNos().slice(0, 3)).toEqual(['H-0007', 'H-0005', 'H-0006']);
    await fireEvent.click(header);
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(ledgerNos().slice(0, 2)).toEqual(['H-0002', 'H-0001']);
  });

  it('sorts Japanese names and review dates', async () => {
    await renderDemo();
    await fireEvent.click(screen.getByTestId('sort-lastReview'));
    // Never reviewed first, then the oldest review.
    expect(ledgerNos().slice(0, 2)).toEqual(['H-0008', 'H-0006']);
    await fireEvent.click(screen.getByTestId('sort-department'));
    const departments = screen
      .getAllByTestId('holding-row')
      .map((row) => row.querySelectorAll('td')[2]?.textContent ?? '');
    expect(departments).toEqual([...departments].sort(new Intl.Collator('ja').compare));
  });

  it('filters by text over names, departments and items, including full-width input', async () => {
    await renderDemo();
    const filter = screen.getByTestId('holdings-filter');
    await fireEvent.input(filter, { target: { value: '健診' } });
    expect(ledgerNos()).toEqual(['H-0003', 'H-0008']);
    await fireEvent.input(filter, { target: { value: '傷病名' } });
    expect(ledgerNos()).toEqual(['H-0002']);
    await fireEvent.input(filter, { target: { value: 'ｈ－０００５' } });
    expect(ledgerNos()).toEqual(['H-0005']);
    await fireEvent.input(filter, { target: { value: '総務　問合せ' } });
    expect(ledgerNos()).toEqual(['H-0006']);
    await fireEvent.input(filter, { target: { value: '存在しない' } });
    expect(screen.queryAllByTestId('holding-row')).toHaveLength(0);
    expect(screen.getByText('条件に一致する台帳はありません。')).toBeTruthy();
  });

  it('filters by department and by the sensitive / My Number / overdue chips', async () => {
    await renderDemo();
    await choose(screen.getByTestId('holdings-department'), '保健事業グループ');
    expect(ledgerNos()).toEqual(['H-0003', 'H-0005', 'H-0008']);
    await choose(screen.getByTestId('holdings-department'), '');
    expect(ledgerNos()).toHaveLength(8);

    await fireEvent.click(screen.getByTestId('chip-myNumber'));
    expect(screen.getByTestId('chip-myNumber').getAttribute('aria-pressed')).toBe('true');
    expect(ledgerNos()).toEqual(['H-0001', 'H-0007']);
    await fireEvent.click(screen.getByTestId('chip-sensitive'));
    expect(ledgerNos()).toEqual(['H-0007']);
    await fireEvent.click(screen.getByTestId('chip-myNumber'));
    await fireEvent.click(screen.getByTestId('chip-sensitive'));
    await fireEvent.click(screen.getByTestId('chip-overdue'));
    expect(ledgerNos()).toEqual(['H-0006', 'H-0008']);
    expect(screen.getByText('全8件中 2件を表示')).toBeTruthy();
  });

  it('opens a holding when its row is clicked', async () => {
    await renderDemo();
    const row = screen.getAllByTestId('holding-row')[2] as HTMLElement;
    await fireEvent.click(row.querySelectorAll('td')[2] as HTMLElement);
    expect(app.route).toEqual({ name: 'holding', id: 3 });
  });

  it('shows an empty state and follows the language', async () => {
    useBackend({ scenario: 'empty' });
    setLocale('en');
    render(HoldingsList);
    expect(await screen.findByText('No holdings yet')).toBeTruthy();
    expect(screen.getByTestId('new-holding').textContent).toContain('New holding');
  });
});
