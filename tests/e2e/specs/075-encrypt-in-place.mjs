// A register from before encryption: the app explains, asks for a passphrase (refusing a
// weak one and changing nothing), encrypts it in place, and afterwards the sqlite3 shell can
// no longer read the file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { REPO_ROOT } from '../lib.mjs';
import { E2E_PASSPHRASE, check, checkEqual, fill, invoke } from '../steps.mjs';

export const lockScreen = 'manual';

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

function sqlite3(dbPath, sql) {
  return spawnSync('sqlite3', [dbPath, sql], { encoding: 'utf8', timeout: 30_000 });
}

/** An unencrypted register at schema version 3, as Daicho wrote it before encryption. */
export function prepare({ dbPath }) {
  const migrations = join(REPO_ROOT, 'src/db/migrations');
  // Only the migrations of schema version 3: the newer ones run when the app opens it.
  const released = (f) => f.endsWith('.sql') && Number(f.slice(0, 4)) <= 3;
  for (const file of readdirSync(migrations).filter(released).sort()) {
    const r = sqlite3(dbPath, `.read ${join(migrations, file)}`);
    if (r.status !== 0) throw new Error(`sqlite3 ${file}: ${r.stderr}`);
  }
  const r = sqlite3(dbPath, 'PRAGMA user_version=3');
  if (r.status !== 0) throw new Error(r.stderr);
}

export default async function encryptInPlace(app) {
  await app.waitFor('lock-screen-unencrypted', { timeout: 30_000 });
  const before = sha256(app.dbPath);
  checkEqual((await invoke(app, 'startup_status')).lockState, 'unencrypted', 'lock state');
  await app.screenshot('unencrypted');

  await fill(app, 'input-passphrase', 'weak');
  await fill(app, 'input-confirmation', 'weak');
  await app.click('lock-submit');
  await app.waitForText('error-passphrase', '12文字以上');
  checkEqual(sha256(app.dbPath), before, 'the unencrypted register after a refused passphrase');

  await fill(app, 'input-passphrase', E2E_PASSPHRASE);
  await fill(app, 'input-confirmation', E2E_PASSPHRASE);
  await app.click('lock-submit');
  await app.waitFor('first-run', { timeout: 30_000 });
  const status = await invoke(app, 'startup_status');
  checkEqual(status.lockState, 'open', 'lock state after encrypting');
  check(status.verification?.intact === true, 'the encrypted register verified on open');
  const files = readdirSync(dirname(app.dbPath)).filter((f) => f.startsWith(basename(app.dbPath)));
  check(
    !files.some((f) => f.includes('unencrypted') || f.includes('encrypting')),
    `no original or work file is left: ${files}`,
  );
  const header = readFileSync(app.dbPath).subarray(0, 16).toString('latin1');
  check(!header.startsWith('SQLite format 3'), 'the file no longer starts with the plain SQLite header');
  const shell = sqlite3(app.dbPath, 'SELECT count(*) FROM holding');
  check(shell.status !== 0 && /not a database/.test(shell.stderr), `sqlite3 cannot read it: ${shell.stderr}`);
  await app.screenshot('encrypted');
}
