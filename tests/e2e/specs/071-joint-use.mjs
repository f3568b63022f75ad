// The demo register's joint-use notices: the list with the one missing statutory items, an
// earlier edition read back, an edit completing the responsible party (a change notified
// without delay), and a change of purposes refused as "without delay" then recorded as
// notified in advance; in Japanese and English.
import { check, checkEqual, fill, invoke, scrollIntoView } from '../steps.mjs';

/** Chooses an option the way the page sees it (a `change` event), without opening the popup:
 * WebKit's popup menu is not drawn under Xvfb and a click meant for it lands on the page. */
async function choose(app, testid, value) {
  const el = await app.waitFor(testid);
  await app.browser.execute(
    (e, v) => {
      e.value = v;
      e.dispatchEvent(new Event('change', { bubbles: true }));
    },
    el,
    value,
  );
  checkEqual(await el.getValue(), value, `value of ${testid}`);
}

const rowSelector = (reference) => `css=[data-testid="joint-use-row"][data-reference="${reference}"]`;

async function setDate(app, testid, value) {
  const el = await app.waitFor(testid);
  await app.browser.execute(
    (e, v) => {
      e.value = v;
      e.dispatchEvent(new Event('input', { bubbles: true }));
    },
    el,
    value,
  );
  checkEqual(await el.getValue(), value, `value of ${testid}`);
}

export default async function jointUse(app) {
  await app.click('load-demo');
  await app.waitForText('toast', 'デモ台帳を読み込みました（8件）');
  await app.waitFor('dashboard');

  await app.click('nav-jointUses');
  await app.waitFor('joint-use-row');
  const views = await invoke(app, 'list_joint_uses');
  checkEqual(views.length, 2, 'the two joint-use notices');
  check((await app.text(rowSelector('JU-0002'))).includes('法定事項不足'), 'the employers notice is flagged');
  check(!(await app.text(rowSelector('JU-0001'))).includes('法定事項不足'), 'the grant notice is complete');
  await app.screenshot('list');

  // ---- an earlier edition, readable ----
  await (await app.$(rowSelector('JU-0001')).$('button.name')).click();
  await app.waitFor('joint-use-detail');
  check((await app.text('ju-responsible')).includes('理事長 田中 修'), 'current representative');
  check((await app.text('ju-current-change')).includes('変更後遅滞なく'), 'the current edition says how it was notified');
  await app.click('ju-edition-toggle');
  await app.waitForText('css=[data-testid="ju-edition"] [data-testid="ju-responsible"]', '理事長 佐藤 一郎');
  await scrollIntoView(app, 'ju-editions');
  await app.screenshot('earlier-edition');

  // ---- completing the employers notice: the responsible party's address ----
  await app.click('nav-jointUses');
  await (await (await app.waitFor(rowSelector('JU-0002'))).$('button.name')).click();
  await app.waitForText('sharing-flags', '管理責任者');
  await app.click('ju-edit');
  await app.waitFor('joint-use-form');
  await fill(app, 'ju-terms-responsibleParties-0-address', '東京都港区芝公園四丁目2番8号 みらいビル5階');
  await fill(app, 'ju-terms-responsibleParties-0-representative', '理事長 田中 修');
  await app.waitFor('ju-change');
  checkEqual(await app.value('ju-change-kind'), 'notifyWithoutDelay', 'the change needs notice without delay');
  await app.click('ju-save');
  await app.waitForText('error-change-summary', '入力してください');
  await fill(app, 'ju-change-summary', '令和2年改正による住所及び代表者の追記');
  await scrollIntoView(app, 'ju-change');
  await app.screenshot('change-without-delay');
  await app.click('ju-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('joint-use-detail');
  check(!(await app.$('css=[data-testid="sharing-flags"]').isExisting()), 'no statutory item missing any more');
  checkEqual((await invoke(app, 'get_joint_use', { id: views[1].jointUse.id })).jointUse.editions.length, 2, 'a second edition');

  // ---- a new purpose: notice in advance only ----
  await app.click('ju-edit');
  await app.waitFor('joint-use-form');
  // The demo notice has two purposes (the society's and the employers'); a third is added.
  await app.click('ju-add-purpose');
  await fill(app, 'ju-terms-purposes-2-user', '当組合');
  await fill(app, 'ju-terms-purposes-2-purpose', '保健事業の効果検証（個人を特定しない集計）');
  await app.waitFor('ju-change');
  checkEqual(await app.value('ju-change-kind'), 'notifyInAdvance', 'a new purpose needs notice in advance');
  await choose(app, 'ju-change-kind', 'notifyWithoutDelay');
  await fill(app, 'ju-change-summary', '利用目的の追加');
  await app.click('ju-save');
  await app.waitForText('error-change-kind', 'あらかじめ通知・公表する必要があります');
  await scrollIntoView(app, 'ju-change');
  await app.screenshot('in-advance-required');
  await choose(app, 'ju-change-kind', 'notifyInAdvance');
  await setDate(app, 'ju-change-notifiedOn', '2026-03-01');
  await setDate(app, 'ju-change-effectiveOn', '2026-04-01');
  await app.click('ju-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('joint-use-detail');
  check((await app.text('ju-current-change')).includes('あらかじめ'), 'the third edition was notified in advance');
  await app.waitFor('history-entry');
  await app.screenshot('third-edition');
  const editionsChange = await app.text('css=[data-testid="history-change"][data-field="editions"]');
  check(
    editionsChange.includes('追加') && editionsChange.includes('第3版') && editionsChange.includes('利用目的の追加'),
    `the history names the edition added and its change, not raw JSON (got ${editionsChange})`,
  );
  await scrollIntoView(app, 'history');
  await app.screenshot('history');

  // ---- English ----
  await app.click('lang-en');
  await app.waitForText('ju-current-change', 'Notified in advance');
  await app.click('ju-edition-toggle');
  await app.screenshot('detail-en');
  await app.click('nav-jointUses');
  await app.waitForText('css=[data-testid="joint-uses-list"] thead', 'Responsible party');
  await app.screenshot('list-en');
}
