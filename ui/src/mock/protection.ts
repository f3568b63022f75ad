// The protection commands of the mock backend: passphrase, lock, encryption in place,
// protection settings, backups and restore. Same contracts as the Rust commands, loosely.
import type { BackupInfo } from '../bindings/BackupInfo';
import type { BackupListing } from '../bindings/BackupListing';
import type { DamagedBackups } from '../bindings/DamagedBackups';
import type { ErrorReport } from '../bindings/ErrorReport';
import type { FieldError } from '../bindings/FieldError';
import type { LockState } from '../bindings/LockState';
import type { ProtectionOverview } from '../bindings/ProtectionOverview';
import type { ProtectionSettings } from '../bindings/ProtectionSettings';
import type { Verification } from '../bindings/Verification';
import { passphraseProblem } from '../features/protection/passphrase';

/** The passphrase of the mock's register. */
export const MOCK_PASSPHRASE = 'correct horse 台帳 battery';

type Head = { seq: number; hash: string } | null;

function report(kind: ErrorReport['kind'], message: string, fields: FieldError[] = []): ErrorReport {
  return { kind, message, fields, records: [] };
}

function checkNew(field: string, passphrase: string, confirmation: string): void {
  const fields: FieldError[] = [];
  if (passphraseProblem(passphrase)) {
    fields.push({ field, code: 'tooWeak', limit: 12, message: `${field} is too weak` });
  }
  if (passphrase !== confirmation) {
    fields.push({ field: 'confirmation', code: 'mismatch', limit: null, message: 'confirmation does not match' });
  }
  if (fields.length) throw report('validation', 'invalid input', fields);
}

export class MockProtection {
  lockState: LockState;
  passphrase = MOCK_PASSPHRASE;
  damaged: boolean;
  settings: ProtectionSettings = {
    backupDir: null,
    keepDaily: 7,
    keepWeekly: 8,
    autoBackup: true,
    lockAfterMinutes: 10,
  };
  backups: BackupListing[] = [];
  private head: () => Head;

  constructor(lockState: LockState, damaged: boolean, head: () => Head) {
    this.lockState = lockState;
    this.damaged = damaged;
    this.head = head;
  }

  verification(): Verification {
    const head = this.head();
    return {
      verifiedAt: '2026-04-15T01:00:00.000Z',
      intact: true,
      entries: head?.seq ?? 0,
      head,
      brokenAt: null,
      alteredRecords: 0,
    };
  }

  private backupInfo(fileName: string, createdAt: string): BackupInfo {
    const head = this.head();
    return {
      fileName,
      createdAt,
      sizeBytes: 196608,
      sha256: 'a3'.repeat(32),
      contents: {
        schemaVersion: 3,
        holdings: 8,
        requests: 4,
        complaints: 2,
        auditEntries: head?.seq ?? 0,
        chainHead: head,
      },
    };
  }

  handles(cmd: string): boolean {
    return [
      'unlock_register',
      'create_register',
      'encrypt_register',
      'lock_register',
      'change_passphrase',
      'protection_overview',
      'save_protection_settings',
      'choose_backup_dir',
      'backup_now',
      'restore_backup',
      'damaged_register_backups',
      'restore_damaged_register',
      'choose_damaged_backup_dir',
    ].includes(cmd);
  }

  /** Answers `cmd`; `status` is the startup status after the register opened. */
  handle(cmd: string, args: Record<string, unknown>, status: () => unknown): unknown {
    const dir = this.settings.backupDir ?? '/home/yamada/.local/share/jp.daicho.app/backups';
    switch (cmd) {
      case 'unlock_register':
        if (args.passphrase !== this.passphrase) {
          throw report('wrongPassphrase', 'the passphrase does not open the register');
        }
        if (this.damaged) {
          throw report('damaged', 'the register is damaged and was left untouched (page 7)');
        }
        this.lockState = 'open';
        return status();
      case 'create_register':
        checkNew('passphrase', String(args.passphrase ?? ''), String(args.confirmation ?? ''));
        this.passphrase = String(args.passphrase);
        this.lockState = 'open';
        return status();
      case 'encrypt_register':
        checkNew('passphrase', String(args.passphrase ?? ''), String(args.confirmation ?? ''));
        this.passphrase = String(args.passphrase);
        this.lockState = 'open';
        return status();
      case 'lock_register':
        this.lockState = 'locked';
        return null;
      case 'change_passphrase':
        if (args.current !== this.passphrase) throw report('wrongPassphrase', 'the passphrase does not open the register');
        checkNew('newPassphrase', String(args.passphrase ?? ''), String(args.confirmation ?? ''));
        this.passphrase = String(args.passphrase);
        return null;
      case 'protection_overview':
        return {
          settings: structuredClone(this.settings),
          backupDir: dir,
          verification: this.verification(),
          backups: structuredClone(this.backups),
        } satisfies ProtectionOverview;
      case 'save_protection_settings': {
        const settings = args.settings as ProtectionSettings;
        const fields: FieldError[] = [];
        if (settings.keepDaily < 1 || settings.keepDaily > 365) {
          fields.push({ field: 'keepDaily', code: 'outOfRange', limit: 365, message: 'keepDaily' });
        }
        if (settings.keepWeekly < 0 || settings.keepWeekly > 365) {
          fields.push({ field: 'keepWeekly', code: 'outOfRange', limit: 365, message: 'keepWeekly' });
        }
        if (settings.lockAfterMinutes < 0 || settings.lockAfterMinutes > 480) {
          fields.push({ field: 'lockAfterMinutes', code: 'outOfRange', limit: 480, message: 'lockAfterMinutes' });
        }
        if (fields.length) throw report('validation', 'invalid input', fields);
        this.settings = structuredClone(settings);
        return structuredClone(this.settings);
      }
      case 'choose_backup_dir':
        this.settings.backupDir = '/media/yamada/USB/daicho';
        return structuredClone(this.settings);
      case 'backup_now': {
        const n = this.backups.length + 1;
        const info = this.backupInfo(`daicho-2026041${n}-101530.db`, `2026-04-1${n}T01:15:30.000Z`);
        this.backups.unshift({ path: `${dir}/${info.fileName}`, info, problem: null });
        return info;
      }
      case 'restore_backup': {
        const found = this.backups.find((b) => b.info?.fileName === args.fileName);
        if (!found?.info) throw report('notFound', `backup ${String(args.fileName)} does not exist`);
        if (args.passphrase !== this.passphrase) throw report('wrongPassphrase', 'the passphrase does not open the backup');
        return {
          registerPath: '/home/yamada/.local/share/jp.daicho.app/register.db',
          restored: found.info,
          previousRegister: '/home/yamada/.local/share/jp.daicho.app/register.db.before-restore-20260415-101530',
        };
      }
      case 'damaged_register_backups':
      case 'choose_damaged_backup_dir': {
        const folder = cmd === 'damaged_register_backups' ? dir : '/media/yamada/USB/daicho';
        return {
          dir: folder,
          backups: [
            {
              path: `${folder}/daicho-20260414-180000.db`,
              info: this.backupInfo('daicho-20260414-180000.db', '2026-04-14T09:00:00.000Z'),
              problem: null,
            },
          ],
        } satisfies DamagedBackups;
      }
      case 'restore_damaged_register':
        this.damaged = false;
        this.lockState = 'open';
        return status();
      default:
        throw report('storage', `unknown command ${cmd}`);
    }
  }
}
