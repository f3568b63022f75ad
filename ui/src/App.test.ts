import { mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Holding } from './bindings/Holding';
import type { VerifyReport } from './bindings/VerifyReport';
import { commandsCalled, useBackend } from './mock/testing';
import App from './App.svelte';

const input = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;

describe('App', () => {
  it('renders the root element the end-to-end suite waits for', () => {
    useBackend();
    render(App);
    expect(screen.getByTestId('app-root')).toBeTruthy();
  });

  it('asks for the organisation on first run and then shows the register', async () => {
    const backend = useBackend({ scenario: 'empty' });
    render(App);
    expect(await screen.findByTestId('first-run')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('org-save'));
    expect(screen.getByTestId('error-name').textContent).toContain('入力してください');
    expect(commandsCalled(backend)).not.toContain('save_organisation');

    await fireEvent.input(input('org-name'), { target: { value: '厚生労働省 検疫所' } });
    await fireEvent.input(input('org-address'), { target: { value: '東京都千代田区霞が関1-2-2' } });
    await fireEvent.input(input('org-representative'), { target: { value: '所長 山田 太郎' } });
    await fireEvent.input(input('org-privacy-manager'), { target: { value: '総務課長' } });
    await fireEvent.click(input('org-regime-nationalOrgan'));
    await fireEvent.click(input('org-gdpr'));
    await fireEvent.click(screen.getByTestId('org-save'));

    expect((await screen.findByTestId('org-title')).textContent).toBe('厚生労働省 検疫所');
    expect(await screen.findByTestId('dashboard-empty')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('nav-holdings'));
    expect(await screen.findByText('まだ台帳が登録されていません')).toBeTruthy();
    const save = backend.calls.filter((c) => c.cmd === 'save_organisation').at(-1);
    expect(save?.args).toMatchObject({
      expectedVersion: null,
      input: { name: '厚生労働省 検疫所', regime: 'nationalOrgan', gdprApplies: true, privacyManager: '総務課長' },
    });
    expect(screen.getByTestId('toast').textContent).toContain('保存しました');
  });

  it('loads the demo register from the first-run screen', async () => {
    const backend = useBackend({ scenario: 'empty' });
    render(App);
    await fireEvent.click(await screen.findByTestId('load-demo'));
    const agenda = backend.answer<{ items: unknown[] }>('agenda');
    expect(await screen.findAllByTestId('agenda-row')).toHaveLength(agenda.items.length);
    await fireEvent.click(screen.getByTestId('nav-holdings'));
    expect(await screen.findAllByTestId('holding-row')).toHaveLength(backend.answer<Holding[]>('list_holdings').length);
    expect(screen.getByTestId('org-title').textContent).toBe('みらい健康保険組合');
  });

  it('shows the import report when a restore is refused', async () => {
    // The core's refusal of a document naming a data item twice (tests/mock_fixtures.rs).
    useBackend({ scenario: 'empty/importRefused' });
    render(App);
    await fireEvent.click(await screen.findByTestId('import-json'));
    const report = await screen.findByTestId('import-report');
    expect(report.textContent).toContain('何も取り込んでいません');
    expect(report.textContent).toContain('台帳 3件目（H-0003）');
    expect(report.textContent).toContain('個人情報の項目（2件目）：項目名：他の行と重複しています');
  });

  it('shows only the startup error when the register cannot be opened', async () => {
    useBackend({ scenario: 'tooNew' });
    render(App);
    const screenError = await screen.findByTestId('startup-error');
    expect(screenError.textContent).toContain('新しいバージョンの Daicho で作成されています');
    expect(screenError.textContent).toContain('/home/yamada/.local/share/daicho');
    expect(screenError.textContent).toContain('台帳ファイルには一切変更を加えていません。');
    expect(screen.queryByTestId('first-run')).toBeNull();
  });

  it('shows an error screen when startup_status itself fails', async () => {
    mockIPC(() => {
      throw 'IPC unavailable';
    });
    render(App);
    expect((await screen.findByTestId('startup-error')).textContent).toContain('IPC unavailable');
  });

  it('switches the language at once and persists it', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(App);
    expect((await screen.findByTestId('nav-holdings')).textContent).toBe('個人情報管理台帳');
    await fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('nav-holdings').textContent).toBe('Holdings');
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(backend.calls.find((c) => c.cmd === 'set_language')?.args).toEqual({ language: 'en' });
  });

  it('starts in the language saved in the register', async () => {
    useBackend({ scenario: 'demo/en' });
    render(App);
    expect((await screen.findByTestId('nav-settings')).textContent).toBe('Settings');
  });

  it('opens a holding, asks before deleting it and deletes it with its version', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const holdings = backend.answer<Holding[]>('list_holdings');
    // The last holding: nothing else in the demo names it, so the core lets it go.
    const victim = holdings.at(-1);
    if (!victim) throw new Error('the demo has holdings');
    render(App);
    await fireEvent.click(await screen.findByTestId('nav-holdings'));
    const rows = await screen.findAllByTestId('holding-row');
    await fireEvent.click(within(rows.at(-1) as HTMLElement).getByRole('button'));
    expect((await screen.findByTestId('detail-name')).textContent).toBe(victim.name);
    expect(screen.getAllByTestId('history-entry').length).toBeGreaterThan(0);

    await fireEvent.click(screen.getByTestId('holding-delete'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain(`「${victim.name}」（${victim.ledgerNo}）を台帳から削除します`);
    await fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(commandsCalled(backend)).not.toContain('delete_holding');

    await fireEvent.click(screen.getByTestId('holding-delete'));
    await fireEvent.click(screen.getByTestId('confirm-ok'));
    await vi.waitFor(() => expect(screen.getAllByTestId('holding-row')).toHaveLength(holdings.length - 1));
    expect(backend.calls.find((c) => c.cmd === 'delete_holding')?.args).toEqual({
      id: victim.id,
      expectedVersion: victim.version,
    });
    expect(screen.getByTestId('toast').textContent).toContain('削除しました');
  });

  it('verifies the audit trail from the settings screen', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const entries = String(backend.answer<VerifyReport>('verify_register').entries);
    render(App);
    await fireEvent.click(await screen.findByTestId('nav-settings'));
    expect((await screen.findByTestId('chain-head')).textContent).toContain(entries);
    await fireEvent.click(screen.getByTestId('verify'));
    expect((await screen.findByTestId('verify-result')).textContent).toContain(`監査証跡は完全です（完全な検証：${entries}件`);
  });
});
