import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Holding } from '../../bindings/Holding';
import { commandsCalled, useBackend } from '../../mock/testing';
import { setLocale } from '../../i18n/i18n.svelte';
import { app, showToast } from '../../lib/app.svelte';
import HoldingForm from './HoldingForm.svelte';

function renderNew(regime: 'privateOperator' | 'nationalOrgan' = 'privateOperator') {
  const oncancel = vi.fn();
  render(HoldingForm, { props: { holding: null, regime, oncancel } });
  return { oncancel };
}

const field = (name: string) => screen.getByTestId(`field-${name}`) as HTMLInputElement;

async function type(name: string, value: string) {
  await fireEvent.input(field(name), { target: { value } });
}

async function fillRequired() {
  await type('name', '被保険者台帳');
  await type('department', '適用グループ');
  await type('dataItems-0-name', '氏名');
  await type('purposes-0', '資格管理');
}

function enter(target: HTMLElement, init: KeyboardEventInit = {}, keyCode?: number) {
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init });
  if (keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: keyCode });
  target.dispatchEvent(event);
  return event;
}

describe('HoldingForm', () => {
  it('shows client-side required errors inline and in a summary, and does not call create', async () => {
    const backend = useBackend({ scenario: 'demo' });
    backend.calls = [];
    renderNew();
    await fireEvent.click(screen.getByTestId('holding-save'));

    for (const name of ['name', 'department', 'dataItems-0-name', 'purposes-0']) {
      expect(screen.getByTestId(`error-${name}`).textContent).toContain('入力してください');
      expect(field(name).getAttribute('aria-invalid')).toBe('true');
    }
    const summary = screen.getByTestId('form-errors');
    expect(summary.textContent).toContain('入力内容を確認してください（4件）');
    expect(summary.textContent).toContain('個人情報の項目（1件目）：項目名：入力してください');
    expect(document.activeElement).toBe(field('name'));
    expect(commandsCalled(backend)).not.toContain('create_holding');
  });

  it('takes down a lingering 保存しました toast when a save fails', async () => {
    // Found in the end-to-end screenshots: the green toast of the previous save stood next to
    // 「エラーがあるため、まだ保存していません。」
    useBackend({ scenario: 'demo' });
    showToast('toast.saved');
    renderNew();
    await fireEvent.click(screen.getByTestId('holding-save'));
    expect(screen.getByTestId('form-errors')).toBeTruthy();
    expect(app.toast).toBeNull();
  });

  it('clears a field error once the field is edited', async () => {
    useBackend({ scenario: 'demo' });
    renderNew();
    await fireEvent.click(screen.getByTestId('holding-save'));
    await type('name', '台帳');
    expect(screen.queryByTestId('error-name')).toBeNull();
    expect(screen.getByTestId('error-department')).toBeTruthy();
  });

  it('shows the core’s validation ErrorReport inline, translated from the codes', async () => {
    // The core's answer to this very input (tests/mock_fixtures.rs); the ranges themselves are
    // the core's to check (tests/holdings.rs).
    const backend = useBackend({ scenario: 'demo' });
    renderNew();
    await fillRequired();
    await type('ledgerNo', 'H-'.repeat(21));
    await fireEvent.click(field('retention-enabled'));
    await type('retention-years', '500');
    await fireEvent.click(screen.getByTestId('holding-save'));

    expect(await screen.findByTestId('form-errors')).toBeTruthy();
    expect(screen.getByTestId('error-ledgerNo').textContent).toContain('40文字以内で入力してください');
    expect(screen.getByTestId('error-retention-years').textContent).toContain('0から100までの値を入力してください');
    expect(screen.getByTestId('form-errors').textContent).toContain('保管期限：年数');
    // The English backend text is never shown.
    expect(document.body.textContent).not.toContain('characters');
    expect(document.activeElement).toBe(field('ledgerNo'));
    expect(commandsCalled(backend).filter((c) => c === 'create_holding')).toHaveLength(1);

    setLocale('en');
    await Promise.resolve();
    expect(screen.getByTestId('error-ledgerNo').textContent).toContain('Use at most 40 characters');
  });

  it('creates a holding with the typed values and numbers parsed from full-width digits', async () => {
    const backend = useBackend({ scenario: 'demo' });
    renderNew();
    await fillRequired();
    await type('approxCount', '４２,０００');
    await fireEvent.click(field('dataItems-0-myNumber'));
    await fireEvent.click(screen.getByTestId('add-number-affair'));
    await type('numberAffairs-0-description', '健康保険法による保険給付の支給');
    await fireEvent.click(screen.getByTestId('holding-save'));
    await vi.waitFor(() => expect(app.route.name).toBe('holding'));
    const call = backend.calls.find((c) => c.cmd === 'create_holding');
    expect(call?.args.input).toMatchObject({
      ledgerNo: '',
      name: '被保険者台帳',
      department: '適用グループ',
      dataItems: [{ id: null, name: '氏名', sensitive: false, myNumber: true }],
      numberAffairs: [{ kind: 'use', description: '健康保険法による保険給付の支給' }],
      purposes: ['資格管理'],
      approxCount: 42000,
      retention: null,
      disposalMethod: null,
      lastReview: null,
    });
    expect(app.toast?.key).toBe('toast.saved');
  });

  it('ignores the Enter that confirms an IME conversion, and never submits on Enter', async () => {
    const backend = useBackend({ scenario: 'demo' });
    backend.calls = [];
    renderNew();
    await type('dataItems-0-name', '氏名');
    const item = field('dataItems-0-name');
    item.focus();

    let event = enter(item, { isComposing: true });
    await Promise.resolve();
    expect(event.defaultPrevented).toBe(false);
    expect(screen.queryByTestId('field-dataItems-1-name')).toBeNull();

    event = enter(item, {}, 229); // WebKit: compositionend came first, only keyCode tells
    await Promise.resolve();
    expect(event.defaultPrevented).toBe(false);
    expect(screen.queryByTestId('field-dataItems-1-name')).toBeNull();
    expect(document.activeElement).toBe(item);

    // A plain Enter in a list row opens the next row and moves there.
    event = enter(item);
    expect(event.defaultPrevented).toBe(true);
    expect(await screen.findByTestId('field-dataItems-1-name')).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement).toBe(field('dataItems-1-name')));

    // In an ordinary field, Enter moves to the next field; while composing it does nothing.
    const name = field('name');
    name.focus();
    enter(name, { isComposing: true });
    expect(document.activeElement).toBe(name);
    event = enter(name);
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(field('department'));

    expect(commandsCalled(backend)).not.toContain('create_holding');
    expect(screen.queryByTestId('form-errors')).toBeNull();
  });

  it('adds, reorders and removes data item rows', async () => {
    useBackend({ scenario: 'demo' });
    renderNew();
    await type('dataItems-0-name', '氏名');
    await fireEvent.click(screen.getByTestId('add-data-item'));
    await type('dataItems-1-name', '住所');
    await fireEvent.click(field('dataItems-1-sensitive'));
    await fireEvent.click(screen.getByTestId('move-up-dataItems-1'));
    expect(field('dataItems-0-name').value).toBe('住所');
    expect(field('dataItems-0-sensitive').checked).toBe(true);
    expect(field('dataItems-1-name').value).toBe('氏名');
    await fireEvent.click(screen.getByTestId('remove-dataItems-0'));
    expect(field('dataItems-0-name').value).toBe('氏名');
    expect(screen.queryByTestId('field-dataItems-1-name')).toBeNull();
  });

  it('opens the file register section for public bodies only', () => {
    useBackend({ scenario: 'demo' });
    renderNew('nationalOrgan');
    expect((screen.getByTestId('file-register') as HTMLDetailsElement).open).toBe(true);
  });

  it('tells the user when the holding changed elsewhere and reloads it', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const holding = backend.answer<Holding[]>('list_holdings')[1];
    if (!holding) throw new Error('demo holding missing');
    render(HoldingForm, {
      props: { holding: structuredClone(holding), regime: 'privateOperator', oncancel: vi.fn() },
    });
    // Someone else saves first.
    const { id, version, createdAt: _c, updatedAt: _u, ...input } = holding;
    backend.elsewhere('update_holding', { id, expectedVersion: version, input: { ...input, name: '別の画面での変更' } });
    await type('name', '私の変更');
    await fireEvent.click(screen.getByTestId('holding-save'));
    expect(await screen.findByTestId('conflict')).toBeTruthy();
    expect(screen.getByText('この台帳は別の画面で変更されています')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('reload'));
    await vi.waitFor(() => expect(field('name').value).toBe('別の画面での変更'));
    expect(screen.queryByTestId('conflict')).toBeNull();
  });
});
