// Backups from the settings and a restore that keeps the current register aside; then a
// register damaged on disk: the app explains, overwrites nothing, shows what the newest good
// backup holds and restores it.
import { createHash } from 'node:crypto';
import { openSync, readFileSync, readdirSync, writeSync, closeSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { E2E_PASSPHRASE, check, checkEqual, fill, invoke } from '../steps.mjs';

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

function siblings(dbPath) {
  return readdirSync(dirname(dbPath)).filter((f) => f.startsWith(basename(dbPath)));
}

/** Overwrites 64 bytes in every page but the first (whose header holds the key's salt). */
function damage(dbPath) {
  const size = statSync(dbPath).size;
  const fd = openSync(dbPath, 'r+');
  for (let page = 1; page * 4096 < size; page += 1) {
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, page * 4096 + 1024);
  }
  closeSync(fd);
}

export default async function backupRestoreDamaged(app) {
  await app.waitFor('first-run', { timeout: 30_000 });
  await app.click('load-demo');
  await app.waitForText('org-title', 'みらい健康保険組合');

  // ---- back up from the settings ----
  await app.click('nav-settings');
  await app.waitFor('protection-settings');
  await app.waitFor('no-backups');
  await app.click('backup-now');
  await app.waitForText('toast', 'バックアップを作成し検証しました');
  await app.waitFor('backup-row');
  const backupsDir = join(dirname(app.dbPath), 'backups');
  checkEqual(await app.text('backup-dir'), backupsDir, 'the default backup folder');
  const files = readdirSync(backupsDir);
  check(files.some((f) => /^daicho-\d{8}-\d{6}\.db$/.test(f)), `a backup file: ${files}`);
  check(files.some((f) => f.endsWith('.db.json')), `its description: ${files}`);
  const backupFile = files.find((f) => f.endsWith('.db'));
  check(
    !readFileSync(join(backupsDir, backupFile)).includes(Buffer.from('みらい健康保険組合')),
    'the backup is encrypted',
  );
  const contents = await app.text('backup-contents');
  check(contents.includes('台帳 8件、請求 4件、苦情 2件'), `what the backup holds: ${contents}`);
  await app.browser.execute(() => document.querySelector('[data-testid="backups"]')?.scrollIntoView());
  await app.screenshot('backup-listed');

  // ---- a change after the backup, then restore from the settings ----
  const holdings = await invoke(app, 'list_holdings');
  const victim = holdings.find((h) => h.ledgerNo === 'H-0008');
  await invoke(app, 'delete_holding', { id: victim.id, expectedVersion: victim.version });
  checkEqual((await invoke(app, 'list_holdings')).length, 7, 'holdings after the deletion');
  await app.click('restore-backup');
  await app.waitFor('restore-confirm');
  await fill(app, 'input-restore-passphrase', 'not the passphrase at all');
  await app.click('restore-submit');
  await app.waitForText('restore-error', 'パスフレーズが正しくありません');
  checkEqual((await invoke(app, 'list_holdings')).length, 7, 'nothing was replaced');
  await app.screenshot('restore-confirm');
  await fill(app, 'input-restore-passphrase', E2E_PASSPHRASE);
  await app.click('restore-submit');
  await app.waitForText('toast', '元の台帳は');
  checkEqual((await invoke(app, 'list_holdings')).length, 8, 'holdings after the restore');
  check(
    siblings(app.dbPath).some((f) => f.includes('.before-restore-')),
    `the replaced register is kept aside: ${siblings(app.dbPath)}`,
  );
  await app.screenshot('restored');

  // ---- the register is damaged on disk ----
  let damaged = null;
  await app.relaunch({
    prepare: ({ dbPath }) => {
      damage(dbPath);
      damaged = sha256(dbPath);
    },
  });
  await app.waitFor('damaged-register', { timeout: 30_000 });
  // The backups are listed once each has been opened under the passphrase (a key derivation
  // each), so the newest one appears a moment after the screen.
  await app.waitForText('damaged-register', '台帳 8件', { timeout: 30_000 });
  const screen = await app.text('damaged-register');
  check(screen.includes('台帳ファイルが破損しています'), `the damage is explained: ${screen}`);
  check(screen.includes('台帳 8件、請求 4件、苦情 2件'), `the newest good backup is shown: ${screen}`);
  checkEqual(sha256(app.dbPath), damaged, 'the damaged register is not touched');
  await app.screenshot('damaged');
  await app.click('restore-newest');
  await app.click('confirm-ok');
  await app.waitForText('org-title', 'みらい健康保険組合', { timeout: 30_000 });
  checkEqual((await invoke(app, 'list_holdings')).length, 8, 'holdings after restoring the damaged register');
  // Each kept with its -wal and -shm, if it had them.
  const aside = siblings(app.dbPath).filter((f) => /\.before-restore-\d{8}-\d{6}$/.test(f)).sort();
  check(aside.length === 2, `both replaced registers are kept: ${aside}`);
  const damagedKept = aside.some((f) => {
    try {
      return sha256(join(dirname(app.dbPath), f)) === damaged;
    } catch {
      return false;
    }
  });
  check(damagedKept, 'the damaged file is kept aside byte for byte');
  await app.screenshot('damaged-restored');
}
