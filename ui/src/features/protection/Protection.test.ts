import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { StartupStatus } from '../../bindings/StartupStatus';
import { commandsCalled, RECORDED_PASSPHRASE as MOCK_PASSPHRASE, useBackend, useBackendWith } from '../../mock/testing';
import { passphraseProblem, passphraseScore } from './passphrase';
import { watchIdle } from '../../shell/lock.svelte';
import { app } from '../../lib/app.svelte';
import App from '../../App.svelte';

const input = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;

async function type(testid: string, value: string): Promise<void> {
  await fireEvent.input(input(testid), { target: { value } });
}

describe('passphrase rule mirrored from the core', () => {
  it('refuses short and repetitive passphrases and scores the rest', () => {
    expect(passphraseProblem('')).toBe('required');
    expect(passphraseProblem('short1')).toBe('tooWeak');
    expect(passphraseProblem('aaaaaaaaaaaaaaaa')).toBe('tooWeak');
    expect(passphraseProblem('台帳台帳台帳台帳台帳台帳')).toBe('tooWeak');
    expect(passphraseProblem('個人情報 保護台帳 2026')).toBeNull();
    expect(passphraseScore('short1')).toBe(1);
    expect(passphraseScore('abcdefghijkl')).toBe(2);
    expect(passphraseScore('correct horse 台帳 battery')).toBe(4);
  });
});

describe('protection screens', () => {
  it('sets the passphrase of a new register, naming a weak one and a mismatch', async () => {
    const backend = useBackend({ scenario: 'new' });
    render(App);
    expect(await screen.findByTestId('lock-screen-new')).toBeTruthy();
    await type('input-passphrase', 'short');
    expect(screen.getByTestId('strength').dataset.score).toBe('0');
    await type('input-confirmation', 'other');
    await fireEvent.click(screen.getByTestId('lock-submit'));
    expect((await screen.findByTestId('error-passphrase')).textContent).toContain('12文字以上');
    expect(screen.getByTestId('error-confirmation').textContent).toContain('一致しません');

    await type('input-passphrase', MOCK_PASSPHRASE);
    expect(screen.getByTestId('strength').dataset.score).toBe('4');
    await type('input-confirmation', MOCK_PASSPHRASE);
    await fireEvent.click(screen.getByTestId('lock-submit'));
    expect(await screen.findByTestId('first-run')).toBeTruthy();
    expect(commandsCalled(backend).filter((c) => c === 'create_register')).toHaveLength(2);
  });

  it('says a wrong passphrase changed nothing, then unlocks; the lock button drops the register view', async () => {
    useBackend({ scenario: 'locked' });
    render(App);
    await screen.findByTestId('lock-screen-locked');
    await type('input-unlock', 'wrong passphrase here');
    await fireEvent.click(screen.getByTestId('lock-submit'));
    expect((await screen.findByTestId('lock-error')).textContent).toContain('変更を加えていません');
    expect(input('input-unlock').value).toBe('');

    await type('input-unlock', MOCK_PASSPHRASE);
    await fireEvent.click(screen.getByTestId('lock-submit'));
    expect((await screen.findByTestId('org-title')).textContent).toBe('みらい健康保険組合');

    await fireEvent.click(screen.getByTestId('lock-now'));
    expect(await screen.findByTestId('lock-screen-locked')).toBeTruthy();
    expect(screen.queryByTestId('org-title')).toBeNull();
    expect(app.organisation).toBeNull();
    expect(document.body.textContent).not.toContain('みらい健康保険組合');
  });

  it('encrypts an unencrypted register in place', async () => {
    const backend = useBackend({ scenario: 'unencrypted' });
    render(App);
    expect(await screen.findByTestId('lock-screen-unencrypted')).toBeTruthy();
    await type('input-passphrase', MOCK_PASSPHRASE);
    await type('input-confirmation', MOCK_PASSPHRASE);
    await fireEvent.click(screen.getByTestId('lock-submit'));
    expect(await screen.findByTestId('org-title')).toBeTruthy();
    expect(commandsCalled(backend)).toContain('encrypt_register');
  });

  it('offers the newest good backup of a damaged register and shows what it holds first', async () => {
    // A damaged register, its backups and the folder dialog are the shell's (tests/backup.rs
    // checks what the core reads from a backup); the register restored is the recorded demo.
    const backend = useBackend({ scenario: 'locked' });
    const opened = backend.answer<StartupStatus>('unlock_register', { passphrase: MOCK_PASSPHRASE });
    const backupsIn = (dir: string) => ({
      dir,
      backups: [
        {
          path: `${dir}/daicho-20260331-180000.db`,
          info: {
            fileName: 'daicho-20260331-180000.db',
            createdAt: '2026-03-31T18:00:00+09:00',
            sizeBytes: 196608,
            sha256: 'a3'.repeat(32),
            contents: {
              schemaVersion: 7,
              holdings: 8,
              requests: 4,
              complaints: 2,
              auditEntries: opened.chainHead?.seq ?? 0,
              chainHead: opened.chainHead,
            },
          },
          problem: null,
        },
      ],
    });
    useBackendWith(backend, {
      unlock_register: () => {
        throw { kind: 'damaged', message: 'the register is damaged and was left untouched', fields: [], records: [] };
      },
      damaged_register_backups: () => backupsIn('/home/yamada/.local/share/daicho/backups'),
      choose_damaged_backup_dir: () => backupsIn('/media/yamada/USB/daicho'),
      restore_damaged_register: () => opened,
    });
    render(App);
    await screen.findByTestId('lock-screen-locked');
    await type('input-unlock', MOCK_PASSPHRASE);
    await fireEvent.click(screen.getByTestId('lock-submit'));
    expect(await screen.findByTestId('damaged-register')).toBeTruthy();
    const contents = await screen.findByTestId('backup-contents');
    expect(contents.textContent).toContain('台帳 8件');
    expect(commandsCalled(backend)).not.toContain('restore_damaged_register');
    await fireEvent.click(screen.getByTestId('damaged-choose-folder'));
    await vi.waitFor(() =>
      expect(screen.getByTestId('damaged-backup-dir').textContent).toBe('/media/yamada/USB/daicho'),
    );
    await fireEvent.click(screen.getByTestId('restore-newest'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    expect(await screen.findByTestId('org-title')).toBeTruthy();
    expect(commandsCalled(backend)).toContain('restore_damaged_register');
  });

  it('locks after the idle time and not before', () => {
    vi.useFakeTimers();
    let clock = 0;
    const backend = useBackend({ scenario: 'demo' });
    const stop = watchIdle(10, () => clock);
    clock = 9 * 60_000;
    vi.advanceTimersByTime(5_000);
    expect(commandsCalled(backend)).not.toContain('lock_register');
    window.dispatchEvent(new Event('keydown'));
    clock = 18 * 60_000;
    vi.advanceTimersByTime(5_000);
    expect(commandsCalled(backend)).not.toContain('lock_register');
    clock = 19 * 60_000 + 1;
    vi.advanceTimersByTime(5_000);
    expect(commandsCalled(backend)).toContain('lock_register');
    stop();
    vi.useRealTimers();
  });

  it('changes the passphrase, backs up and restores from the settings', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(App);
    await fireEvent.click(await screen.findByTestId('nav-settings'));
    await screen.findByTestId('protection-settings');
    await type('input-current', 'not the passphrase');
    await type('input-newPassphrase', '新しい合言葉 battery staple 9');
    await type('input-confirmation', '新しい合言葉 battery staple 9');
    await fireEvent.click(screen.getByTestId('change-passphrase'));
    expect((await screen.findByTestId('passphrase-error')).dataset.kind).toBe('wrongPassphrase');
    await type('input-current', MOCK_PASSPHRASE);
    await fireEvent.click(screen.getByTestId('change-passphrase'));
    expect((await screen.findByTestId('toast')).textContent).toContain('パスフレーズを変更しました');

    // Backups are files the shell names by the system clock (tests/backup.rs checks them).
    const info = {
      fileName: 'daicho-20260401-180000.db',
      createdAt: '2026-04-01T18:00:00+09:00',
      sizeBytes: 196608,
      sha256: 'a3'.repeat(32),
      contents: { schemaVersion: 7, holdings: 8, requests: 4, complaints: 2, auditEntries: 1, chainHead: null },
    };
    let backedUp = false;
    const overview = backend.answer<Record<string, unknown>>('protection_overview');
    useBackendWith(backend, {
      backup_now: () => {
        backedUp = true;
        return info;
      },
      protection_overview: () => ({
        ...overview,
        backups: backedUp ? [{ path: `/home/yamada/.local/share/daicho/backups/${info.fileName}`, info, problem: null }] : [],
      }),
      restore_backup: (args) => {
        if ((args as { passphrase: string }).passphrase === MOCK_PASSPHRASE) {
          throw { kind: 'wrongPassphrase', message: 'the passphrase does not open the backup', fields: [], records: [] };
        }
        return { registerPath: '/home/yamada/.local/share/daicho/register.db', restored: info, previousRegister: null };
      },
    });
    await fireEvent.click(screen.getByTestId('backup-now'));
    expect(await screen.findAllByTestId('backup-row')).toHaveLength(1);
    await fireEvent.click(screen.getByTestId('restore-backup'));
    await type('input-restore-passphrase', MOCK_PASSPHRASE);
    await fireEvent.click(screen.getByTestId('restore-submit'));
    expect((await screen.findByTestId('restore-error')).dataset.kind).toBe('wrongPassphrase');
    await type('input-restore-passphrase', '新しい合言葉 battery staple 9');
    await fireEvent.click(screen.getByTestId('restore-submit'));
    await vi.waitFor(() => expect(commandsCalled(backend)).toContain('restore_backup'));
    await vi.waitFor(() => expect(screen.queryByTestId('restore-confirm')).toBeNull());
  });
});
