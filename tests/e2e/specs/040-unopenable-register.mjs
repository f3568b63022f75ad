// A register file the app cannot open: garbage, then a register written by a newer Daicho
// (offered for encryption in place, which is refused).
// The app shows only the startup error, every command refuses, and the file is left
// byte-for-byte as it was.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { REPO_ROOT } from '../lib.mjs';
import { E2E_PASSPHRASE, check, checkEqual, fill, invoke, invokeRefused } from '../steps.mjs';

/**
 * 4000 bytes that no SQLite would take for a database: a text line, then fixed pseudo-random
 * bytes. Not a whole number of pages: a file of whole pages of random bytes cannot be told
 * from an encrypted register without its key, so the app would ask for the passphrase and
 * refuse it instead (tests/encryption.rs covers that refusal).
 */
function garbage() {
  const bytes = Buffer.alloc(4000);
  bytes.write('これは台帳ではありません / not a register\n', 'utf8');
  let x = 0x2545f491;
  for (let i = 64; i < bytes.length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The files next to the register that belong to it (the register itself, -wal, -shm, …). */
function registerFiles(dbPath) {
  return readdirSync(dirname(dbPath))
    .filter((f) => f.startsWith(basename(dbPath)))
    .sort();
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.error ?? r.stderr}`);
  }
  return r.stdout.trim();
}

export function prepare({ dbPath }) {
  writeFileSync(dbPath, garbage());
}

/** The startup screen shows the error and nothing else; returns its text. */
async function expectStartupError(app, kind) {
  const screen = await app.waitFor('startup-error', { timeout: 30_000 });
  check(!(await app.$('first-run').isExisting()), 'no first-run screen behind the error');
  check(!(await app.$('org-title').isExisting()), 'no main layout behind the error');
  const status = await invoke(app, 'startup_status');
  checkEqual(status.error?.kind, kind, 'startup_status error kind');
  checkEqual(status.dbPath, app.dbPath, 'startup_status dbPath');
  // Every command refuses with the same error; none creates or repairs anything.
  const refused = await invokeRefused(app, 'list_holdings');
  checkEqual(refused?.kind, kind, 'list_holdings refused with');
  const text = await screen.getText();
  check(text.includes(app.dbPath), `the error shows the file location (got ${text})`);
  check(text.includes('台帳ファイルには一切変更を加えていません。'), 'the error says the file is untouched');
  return text;
}

export default async function unopenableRegister(app) {
  // ---- garbage ----
  const original = sha256(app.dbPath);
  const text = await expectStartupError(app, 'unopenable');
  check(text.includes('台帳ファイルを開けませんでした'), `title for an unopenable file (got ${text})`);
  check(text.includes('ファイルの場所とアクセス権を確認'), 'hint for an unopenable file');
  check(/not a database/i.test(text), `the details name the cause (got ${text})`);
  checkEqual(sha256(app.dbPath), original, 'garbage file while the app runs');
  await app.screenshot('garbage');

  // ---- a register written by a newer Daicho ----
  // Without the key nothing can read an encrypted register's schema version, and the sqlite3
  // shell cannot write into one; so this register is an unencrypted one (the app offers to
  // encrypt it in place) whose version says a newer Daicho wrote it. Encrypting it is refused
  // before anything is written.
  let newer = null;
  await app.relaunch({
    prepare: ({ dbPath }) => {
      checkEqual(sha256(dbPath), original, 'garbage file after the app quit');
      checkEqual(registerFiles(dbPath).join(','), 'register.db', 'files next to the garbage register');
      rmSync(dbPath);
      const migrations = join(REPO_ROOT, 'src/db/migrations');
      // The refusal reads nothing but the version, and a newer Daicho's schema is unknown to
      // this one anyway; so a migration this machine's sqlite3 shell cannot read (Debian 12's
      // 3.40 lacks the FTS5 options of the bundled SQLite the search index uses) is left out.
      const shellReads = (sql) => !/USING\s+fts5/i.test(sql);
      for (const file of readdirSync(migrations).filter((f) => f.endsWith('.sql')).sort()) {
        if (shellReads(readFileSync(join(migrations, file), 'utf8'))) {
          run('sqlite3', [dbPath, `.read ${join(migrations, file)}`]);
        }
      }
      run('sqlite3', [dbPath, 'PRAGMA user_version=99']);
      checkEqual(run('sqlite3', [dbPath, 'PRAGMA user_version']), '99', 'bumped user_version');
      newer = sha256(dbPath);
    },
  });
  await app.waitFor('lock-screen-unencrypted');
  await fill(app, 'input-passphrase', E2E_PASSPHRASE);
  await fill(app, 'input-confirmation', E2E_PASSPHRASE);
  await app.click('lock-submit');
  const screen = await app.waitFor('startup-error', { timeout: 30_000 });
  const tooNew = await screen.getText();
  check(
    tooNew.includes('この台帳ファイルは新しいバージョンの Daicho で作成されています'),
    `title for a newer register (got ${tooNew})`,
  );
  check(/schema version 99\b/.test(tooNew), `the details name the newer version 99 (got ${tooNew})`);
  check(/newer than this Daicho/.test(tooNew), 'the details say it is newer');
  check(tooNew.includes('台帳ファイルには一切変更を加えていません。'), 'the error says the file is untouched');
  checkEqual((await invokeRefused(app, 'list_holdings'))?.kind, 'locked', 'list_holdings refused with');
  checkEqual(sha256(app.dbPath), newer, 'newer register while the app runs');
  await app.screenshot('too-new');
  await app.close();
  checkEqual(sha256(app.dbPath), newer, 'newer register after the app quit');
  checkEqual(registerFiles(app.dbPath).join(','), 'register.db', 'files next to the newer register');
  checkEqual(run('sqlite3', [app.dbPath, 'PRAGMA user_version']), '99', 'user_version after the app quit');
}
