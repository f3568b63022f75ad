// The passphrase in the real window: first run refuses a weak passphrase and a mismatch, then
// sets it; after a restart a wrong passphrase is named and changes nothing; the lock button
// drops the register from the screen; the passphrase is changed from the settings and only
// the new one opens the register afterwards.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { check, checkEqual, fill, invoke, invokeRefused, unlock } from '../steps.mjs';

export const lockScreen = 'manual';

const FIRST = 'first passphrase 台帳 2026';
const SECOND = 'second passphrase 保護 2027';

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

export default async function passphrase(app) {
  // ---- first run: weak, then mismatched, then accepted ----
  await app.waitFor('lock-screen-new', { timeout: 30_000 });
  await fill(app, 'input-passphrase', 'short');
  checkEqual(await app.$('strength').getAttribute('data-score'), '0', 'meter for a short passphrase');
  await fill(app, 'input-confirmation', 'different');
  await app.click('lock-submit');
  await app.waitForText('error-passphrase', '12文字以上');
  await app.waitForText('error-confirmation', '一致しません');
  checkEqual((await invoke(app, 'startup_status')).lockState, 'new', 'nothing was created');
  await app.screenshot('first-run-weak-and-mismatch');

  await fill(app, 'input-passphrase', FIRST);
  checkEqual(await app.$('strength').getAttribute('data-score'), '4', 'meter for a long mixed passphrase');
  await fill(app, 'input-confirmation', FIRST);
  await app.screenshot('first-run-strong');
  await app.click('lock-submit');
  await app.waitFor('first-run', { timeout: 30_000 });
  await app.click('load-demo');
  await app.waitForText('org-title', 'みらい健康保険組合');

  // ---- restart: a wrong passphrase changes nothing ----
  await app.relaunch();
  await app.waitFor('lock-screen-locked', { timeout: 30_000 });
  const before = sha256(app.dbPath);
  check(
    !readFileSync(app.dbPath).includes(Buffer.from('みらい健康保険組合')),
    'the organisation is not in clear in the file',
  );
  check(!(await app.$('org-title').isExisting()), 'nothing of the register behind the lock screen');
  checkEqual((await invokeRefused(app, 'list_holdings')).kind, 'locked', 'commands while locked');
  await fill(app, 'input-unlock', 'not the passphrase at all');
  await app.click('lock-submit');
  await app.waitForText('lock-error', 'パスフレーズが正しくありません');
  checkEqual(await app.value('input-unlock'), '', 'the wrong passphrase is cleared');
  checkEqual(sha256(app.dbPath), before, 'the register after a wrong passphrase');
  await app.screenshot('wrong-passphrase');
  await unlock(app, FIRST);
  await app.waitForText('org-title', 'みらい健康保険組合');

  // ---- lock on demand ----
  await app.click('nav-requests');
  await app.waitFor('css=[data-testid="request-row"]');
  await app.click('lock-now');
  await app.waitFor('lock-screen-locked');
  const shown = await app.browser.execute(() => document.body.innerText);
  check(!shown.includes('みらい健康保険組合'), 'the organisation is gone from the screen');
  check(!/山田|佐藤|鈴木|田中|山本/.test(shown), `no requester is left on the screen: ${shown}`);
  checkEqual((await invokeRefused(app, 'list_requests')).kind, 'locked', 'commands after locking');
  await app.screenshot('locked-on-demand');
  await unlock(app, FIRST);
  await app.waitForText('org-title', 'みらい健康保険組合');

  // ---- change the passphrase ----
  await app.click('nav-settings');
  await app.waitFor('protection-settings');
  await app.waitFor('last-verification');
  checkEqual(await app.$('last-verification').getAttribute('data-intact'), 'true', 'verified on open');
  const head = (await invoke(app, 'startup_status')).chainHead;
  check((await app.text('verified-head')).includes(head.hash), 'the settings show the chain head');
  await fill(app, 'input-current', 'not the passphrase at all');
  await fill(app, 'input-newPassphrase', SECOND);
  await fill(app, 'input-confirmation', SECOND);
  await app.click('change-passphrase');
  await app.waitForText('passphrase-error', '現在のパスフレーズが正しくありません');
  await fill(app, 'input-current', FIRST);
  await app.click('change-passphrase');
  await app.waitForText('toast', 'パスフレーズを変更しました');
  await app.browser.execute(() => document.querySelector('[data-testid="protection-settings"]')?.scrollIntoView());
  await app.screenshot('passphrase-changed');

  await app.click('lock-now');
  await app.waitFor('lock-screen-locked');
  await fill(app, 'input-unlock', FIRST);
  await app.click('lock-submit');
  await app.waitForText('lock-error', 'パスフレーズが正しくありません');
  await unlock(app, SECOND);
  await app.waitForText('org-title', 'みらい健康保険組合');

  // ---- English lock screen ----
  await app.click('lang-en');
  await app.click('lock-now');
  await app.waitForText('lock-screen-locked', 'The register is locked');
  await app.screenshot('locked-en');

  // ---- nothing personal or secret reached the app's log ----
  await app.close();
  const log = readFileSync(app.logFile, 'utf8');
  check(log.includes('the register was unlocked'), 'the log is the app\'s log');
  for (const value of [FIRST, SECOND, 'not the passphrase at all', 'みらい健康保険組合', '山田', '佐藤']) {
    check(!log.includes(value), `the app's log contains ${value}`);
  }
}
