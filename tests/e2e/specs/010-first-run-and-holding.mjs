// First run → organisation → a holding created through the form → a failed save that saves
// nothing → an edit and its change history → English, kept across a restart → Japanese again.
import {
  check,
  checkEqual,
  clearInput,
  definition,
  fill,
  invoke,
  registerOrganisation,
  scrollIntoView,
} from '../steps.mjs';

const ORG = '医療法人 さくら会';
const HOLDING = '職員健康診断記録';

export default async function firstRunAndHolding(app) {
  // ---- first run: the organisation profile ----
  await app.waitFor('first-run');
  await app.screenshot('first-run');
  const before = await invoke(app, 'startup_status');
  checkEqual(before.organisation, null, 'organisation before the first run');

  // The first-run screen in English, then back to Japanese.
  await app.click('lang-en');
  await app.waitForText('first-run', 'Welcome to Daicho');
  const firstRunEn = await app.text('first-run');
  for (const part of ['First, register your organisation', 'Organisation name', 'Load the demo register', 'Save and start']) {
    check(firstRunEn.includes(part), `English first run shows ${part}`);
  }
  await app.screenshot('first-run-en');
  await app.click('lang-ja');
  await app.waitForText('first-run', 'Daicho へようこそ');

  await registerOrganisation(app, {
    name: ORG,
    address: '東京都千代田区丸の内1-1-1',
    representative: '理事長 佐藤 一郎',
    regime: 'localGovernment',
  });
  await app.waitForText('toast', '保存しました');
  const status = await invoke(app, 'startup_status');
  checkEqual(status.organisation?.name, ORG, 'saved organisation name');
  checkEqual(status.organisation?.regime, 'localGovernment', 'saved regime (the radio chosen)');
  checkEqual(await app.text('org-title'), ORG, 'organisation name in the sidebar');

  // ---- a new holding through the form (the dashboard is the landing screen) ----
  await app.waitFor('dashboard');
  await app.click('nav-holdings');
  await app.click('new-holding');
  await app.waitFor('holding-form');
  await fill(app, 'field-name', HOLDING);
  await fill(app, 'field-department', '総務課');
  await fill(app, 'field-dataItems-0-name', '氏名');
  await app.click('add-data-item');
  await fill(app, 'field-dataItems-1-name', '健診結果');
  await app.click('field-dataItems-1-sensitive');
  check(await app.$('field-dataItems-1-sensitive').isSelected(), '要配慮 box of item 2 is ticked');
  check(!(await app.$('field-dataItems-0-sensitive').isSelected()), '要配慮 box of item 1 is not ticked');
  await fill(app, 'field-purposes-0', '職員の健康管理のため');
  await fill(app, 'field-storagePlace', '本館2階 書庫A');
  await app.click('field-retention-enabled');
  await fill(app, 'field-retention-years', '5');
  await (await app.waitFor('field-retention-trigger')).selectByAttribute('value', 'leavingService');
  await app.click('holding-save');
  await app.waitForText('toast', '保存しました');
  await app.waitForText('detail-name', HOLDING);

  await app.click('nav-holdings');
  const row = await app.waitFor('css=[data-testid="holding-row"][data-ledger-no="H-0001"]');
  const rowText = await row.getText();
  check(rowText.includes(HOLDING), `row H-0001 shows the name (row: ${rowText})`);
  check(rowText.includes('総務課'), `row H-0001 shows the department (row: ${rowText})`);
  check(rowText.includes('要配慮'), `row H-0001 carries the 要配慮 badge (row: ${rowText})`);
  check(rowText.includes('退職・資格喪失から5年'), `row H-0001 shows the retention (row: ${rowText})`);
  checkEqual((await app.browser.$$('[data-testid="holding-row"]')).length, 1, 'rows in the list');
  await app.screenshot('list');

  // ---- a required field left empty: inline error, summary, nothing saved ----
  await (await row.$('td:nth-child(3)')).click(); // a click anywhere on the row opens it
  await app.waitForText('detail-name', HOLDING);
  await app.click('holding-edit');
  await app.waitFor('holding-form');
  checkEqual(await app.value('field-name'), HOLDING, 'name loaded into the edit form');
  await clearInput(app, 'field-name');
  await app.click('holding-save');
  await app.waitFor('error-name');
  check((await app.text('error-name')).includes('入力してください'), 'inline error says 入力してください');
  const summary = await app.text('form-errors');
  check(summary.includes('入力内容を確認してください（1件）'), `error summary title (got ${summary})`);
  check(summary.includes('個人情報の名称：入力してください'), `error summary line (got ${summary})`);
  checkEqual(
    await app.browser.execute(() => document.activeElement?.getAttribute('data-testid')),
    'field-name',
    'focus after the failed save',
  );
  checkEqual(await app.$('field-name').getAttribute('aria-invalid'), 'true', 'aria-invalid on the name');
  check(!(await app.$('toast').isExisting()), 'no 保存しました toast left next to the error summary');
  await app.screenshot('form-errors');

  const stored = await invoke(app, 'list_holdings');
  checkEqual(stored.length, 1, 'holdings stored after the failed save');
  checkEqual(stored[0].name, HOLDING, 'stored name after the failed save');
  checkEqual(stored[0].version, 1, 'stored version after the failed save');
  await app.click('holding-cancel');
  await app.waitForText('detail-name', HOLDING);

  // ---- an edit: the storage place ----
  await app.click('holding-edit');
  await app.waitFor('holding-form');
  checkEqual(await app.value('field-name'), HOLDING, 'name after cancelling the failed edit');
  await fill(app, 'field-storagePlace', '別館1階 文書庫B');
  await app.click('holding-save');
  await app.waitForText('toast', '保存しました');
  await app.waitForText('detail-name', HOLDING);
  const details = '[data-testid="holding-detail"] .sections';
  checkEqual(await definition(app, details, '保管場所'), '別館1階 文書庫B', 'storage place in the detail');
  checkEqual(await definition(app, details, '保管期限'), '退職・資格喪失から5年', 'retention in the detail');
  checkEqual(await definition(app, details, '担当部署'), '総務課', 'department in the detail');
  const items = await definition(app, details, '個人情報の項目');
  check(/^氏名\s+健診結果\s+要配慮$/.test(items), `data items in the detail (got ${items})`);
  await app.screenshot('detail');

  const entries = await app.browser.$$('[data-testid="history-entry"]');
  checkEqual(entries.length, 2, 'change history entries');
  checkEqual(await entries[0].getAttribute('data-action'), 'update', 'newest entry');
  checkEqual(await entries[1].getAttribute('data-action'), 'create', 'oldest entry');
  const changes = await app.browser.$$('[data-testid="history-change"]');
  checkEqual(changes.length, 1, 'fields changed by the edit');
  checkEqual(await changes[0].getAttribute('data-field'), 'storagePlace', 'changed field');
  const change = await changes[0].getText();
  for (const part of ['保管場所', '本館2階 書庫A', '別館1階 文書庫B']) {
    check(change.includes(part), `history change shows ${part} (got ${change})`);
  }
  check((await entries[0].getText()).includes('操作者：e2e-tester'), 'history names the OS user');
  await scrollIntoView(app, 'history');
  await app.screenshot('history');

  // ---- English ----
  await app.click('lang-en');
  await app.waitForText('nav-holdings', 'Holdings');
  await app.waitForText('holding-detail', 'Storage place');
  const en = await app.text('holding-detail');
  for (const part of ['Basic information', 'Change history', 'Edit', 'Changed', 'Created']) {
    check(en.includes(part), `English detail shows ${part}`);
  }
  check(en.includes('5 years from leaving service'), 'English retention summary');
  check(!/保管場所|変更履歴|基本情報/.test(en), 'no Japanese labels left in the English detail');
  await app.browser.execute(() => document.getElementById('main-content')?.scrollTo(0, 0));
  await app.screenshot('detail-en');

  await app.click('nav-holdings');
  await app.waitFor('holding-row');
  const head = await app.browser.execute(() =>
    Array.from(document.querySelectorAll('thead th')).map((th) => th.textContent.replace(/[▲▼]/g, '').trim()),
  );
  checkEqual(head.slice(0, 3).join('|'), 'No.|Name|Department', 'English column headers');
  checkEqual(await app.text('new-holding'), '＋ New holding', 'English new-holding button');
  await app.screenshot('list-en');
  checkEqual((await invoke(app, 'startup_status')).language, 'en', 'stored language');

  // ---- the language survives a restart ----
  await app.relaunch();
  await app.waitForText('nav-holdings', 'Holdings', { timeout: 30_000 });
  checkEqual(await app.text('org-title'), ORG, 'organisation after the restart');
  checkEqual(
    await app.browser.execute(() => document.documentElement.lang),
    'en',
    'document language after the restart',
  );
  await app.click('nav-holdings');
  await app.waitFor('css=[data-testid="holding-row"][data-ledger-no="H-0001"]');

  // ---- back to Japanese ----
  await app.click('lang-ja');
  await app.waitForText('nav-holdings', '個人情報管理台帳');
  await app.waitForText('holdings-list', '新規登録');
  checkEqual((await invoke(app, 'startup_status')).language, 'ja', 'stored language after switching back');
}
