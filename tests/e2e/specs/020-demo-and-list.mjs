// The demo register: the list's sorting and filters, a detail, deletions through the in-app
// confirm dialog (cancelled; refused for a holding requests name; confirmed), and an intact
// audit trail afterwards; then the same screens in English.
import { check, checkEqual, clearInput, focusedTestid, invoke, rowNames } from '../steps.mjs';

/** Named by requests in the demo register, so the register refuses to delete it. */
const LINKED = 'H-0002';
/** Named by no request or complaint in the demo; matches the 健診 filter. */
const VICTIM = 'H-0008';

/** The list's search normalisation (lib/holding.ts `searchable`). */
const searchable = (text) => text.normalize('NFKC').toLowerCase();
const byLedgerNo = (a, b) => a.ledgerNo.localeCompare(b.ledgerNo, 'en', { numeric: true });

export default async function demoAndList(app) {
  await app.click('load-demo');
  await app.waitForText('toast', 'デモ台帳を読み込みました（8件）');
  await app.waitForText('org-title', 'みらい健康保険組合');
  await app.waitFor('dashboard');
  await app.click('nav-holdings');
  await app.waitFor('holding-row');

  const all = (await invoke(app, 'list_holdings')).sort(byLedgerNo);
  checkEqual(all.length, 8, 'holdings in the demo register');
  const rows = await rowNames(app);
  checkEqual(rows.length, 8, 'rows in the list');
  checkEqual(rows.join('|'), all.map((h) => h.name).join('|'), 'default order (ledger number)');
  checkEqual(await app.text('css=.holdings .count'), '全8件中 8件を表示', 'count line');
  checkEqual(
    await app.$('css=th.col-ledgerNo').getAttribute('aria-sort'),
    'ascending',
    'aria-sort of the ledger-number column at first',
  );
  await app.screenshot('list');

  // ---- sorting: by approximate count, ascending then descending ----
  const count = (h) => h.approxCount ?? -1;
  const ascending = [...all].sort((a, b) => count(a) - count(b) || byLedgerNo(a, b));
  const descending = [...all].sort((a, b) => count(b) - count(a) || byLedgerNo(a, b));
  const countHeader = app.$('css=th.col-approxCount');
  checkEqual(await countHeader.getAttribute('aria-sort'), 'none', 'aria-sort before sorting');
  await app.click('sort-approxCount');
  await app.waitUntil(async () => (await countHeader.getAttribute('aria-sort')) === 'ascending', {
    message: 'aria-sort=ascending on the count column',
  });
  checkEqual(
    await app.$('css=th.col-ledgerNo').getAttribute('aria-sort'),
    'none',
    'aria-sort of the ledger-number column once another column sorts',
  );
  checkEqual((await rowNames(app)).join('|'), ascending.map((h) => h.name).join('|'), 'ascending order');
  await app.click('sort-approxCount');
  await app.waitUntil(async () => (await countHeader.getAttribute('aria-sort')) === 'descending', {
    message: 'aria-sort=descending on the count column',
  });
  const first = (await rowNames(app))[0];
  checkEqual(first, descending[0].name, 'first row sorted by count, descending');
  check(first !== all[0].name, 'the first row changed with the sort');
  checkEqual((await rowNames(app)).join('|'), descending.map((h) => h.name).join('|'), 'descending order');

  // ---- filtering: Japanese text, then the sensitive chip ----
  const query = '健診';
  const matches = all.filter((h) =>
    searchable([h.ledgerNo, h.name, h.department, h.businessProcess, ...h.dataItems.map((i) => i.name)].join('\n')).includes(query),
  );
  check(matches.length > 0 && matches.length < 8, `the demo has some, not all, ${query} holdings`);
  await app.type('holdings-filter', query);
  checkEqual(await app.value('holdings-filter'), query, 'Japanese text typed into the filter');
  await app.waitForText('css=.holdings .count', `全8件中 ${matches.length}件を表示`);
  checkEqual(
    [...(await rowNames(app))].sort().join('|'),
    matches.map((h) => h.name).sort().join('|'),
    `rows matching ${query}`,
  );
  await app.screenshot('filtered-text');

  const sensitive = all.filter((h) => h.dataItems.some((i) => i.sensitive));
  const both = matches.filter((h) => sensitive.includes(h));
  await app.click('chip-sensitive');
  checkEqual(await app.$('chip-sensitive').getAttribute('aria-pressed'), 'true', 'chip pressed');
  await app.waitForText('css=.holdings .count', `全8件中 ${both.length}件を表示`);
  await clearInput(app, 'holdings-filter');
  await app.waitForText('css=.holdings .count', `全8件中 ${sensitive.length}件を表示`);
  check(sensitive.length < 8, 'some demo holdings have no sensitive items');
  checkEqual(
    [...(await rowNames(app))].sort().join('|'),
    sensitive.map((h) => h.name).sort().join('|'),
    'rows with sensitive items',
  );
  const badges = await app.browser.$$('[data-testid="holding-row"] .badge-sensitive');
  checkEqual(badges.length, sensitive.length, 'every filtered row carries the 要配慮 badge');
  await app.screenshot('filtered-sensitive');
  await app.click('chip-sensitive');
  await app.waitForText('css=.holdings .count', '全8件中 8件を表示');

  // ---- a detail, and a deletion: cancelled, then refused (the demo's requests name it) ----
  const linked = all.find((h) => h.ledgerNo === LINKED);
  check(linked, `the demo has ${LINKED}`);
  const linkedRow = `css=[data-testid="holding-row"][data-ledger-no="${LINKED}"]`;
  await (await (await app.waitFor(linkedRow)).$('button.name')).click();
  await app.waitForText('detail-name', linked.name);
  check((await app.text('holding-detail')).includes(linked.department), 'detail shows the department');

  await app.click('holding-delete');
  await app.waitFor('confirm-dialog');
  const dialog = await app.text('confirm-dialog');
  check(dialog.includes('台帳を削除しますか？'), `dialog title (got ${dialog})`);
  check(dialog.includes(`「${linked.name}」（${LINKED}）`), `dialog names the holding (got ${dialog})`);
  checkEqual(await focusedTestid(app), 'confirm-cancel', 'focus in the dialog (the safe choice)');
  await app.screenshot('confirm-dialog');

  await app.click('confirm-cancel');
  await app.waitForGone('confirm-dialog');
  checkEqual(await app.text('detail-name'), linked.name, 'detail still shown after cancelling');
  checkEqual((await invoke(app, 'list_holdings')).length, 8, 'holdings after cancelling');

  await app.click('holding-delete');
  await app.click('confirm-ok');
  const refusal = await app.waitForText('css=[data-testid="confirm-dialog"] [role="alert"]', '参照しているため、削除できません');
  check(!refusal.includes('別の画面で変更'), `the refusal does not claim a concurrent change (got ${refusal})`);
  check(/R-\d{4}/.test(refusal), `the refusal names the requests that refer to it (got ${refusal})`);
  await app.screenshot('delete-refused');
  await app.click('confirm-cancel');
  await app.waitForGone('confirm-dialog');
  checkEqual(await app.text('detail-name'), linked.name, 'detail still shown after the refusal');
  checkEqual((await invoke(app, 'list_holdings')).length, 8, 'holdings after the refusal');

  // ---- a deletion confirmed: found through the filter, deleted, gone ----
  await app.click('nav-holdings');
  await app.type('holdings-filter', query);
  await app.waitForText('css=.holdings .count', `全8件中 ${matches.length}件を表示`);
  const victim = all.find((h) => h.ledgerNo === VICTIM);
  check(matches.includes(victim), `${VICTIM} matches ${query}`);
  const victimRow = `css=[data-testid="holding-row"][data-ledger-no="${VICTIM}"]`;
  await (await (await app.waitFor(victimRow)).$('button.name')).click();
  await app.waitForText('detail-name', victim.name);
  await app.click('holding-delete');
  await app.waitFor('confirm-dialog');
  await app.click('confirm-ok');
  await app.waitForText('toast', '削除しました');
  await app.waitFor('holdings-list');
  // The list keeps its filter while the user visits a record.
  checkEqual(await app.value('holdings-filter'), query, 'filter kept after deleting');
  await app.waitForText('css=.holdings .count', `全7件中 ${matches.length - 1}件を表示`);
  check(!(await app.$(victimRow).isExisting()), `row ${VICTIM} is gone`);
  await clearInput(app, 'holdings-filter');
  await app.waitForText('css=.holdings .count', '全7件中 7件を表示');
  check(!(await rowNames(app)).includes(victim.name), 'the deleted name is gone from the list');
  const left = await invoke(app, 'list_holdings');
  checkEqual(left.length, 7, 'holdings stored after deleting');
  check(!left.some((h) => h.id === victim.id), 'the deleted holding is not stored');

  // ---- the audit trail is intact ----
  await app.click('nav-settings');
  await app.click('verify');
  const result = await app.waitFor('verify-result');
  checkEqual(await result.getAttribute('data-intact'), 'true', 'verify result');
  const head = (await invoke(app, 'startup_status')).chainHead;
  const verdict = await result.getText();
  checkEqual(verdict, `✓ 監査証跡は完全です（完全な検証：${head.seq}件の記録とすべての台帳記録を確認しました）`, 'verify verdict');
  check(head.seq >= 10, `audit entries: organisation, 8 holdings, a deletion (got ${head.seq})`);
  await app.screenshot('settings-verified');

  // ---- the same screens in English ----
  await app.click('settings-lang-en');
  await app.waitForText('verify-result', `✓ The audit trail is intact (full verification: all ${head.seq} entries and every record checked)`);
  check((await app.text('nav-settings')) === 'Settings', 'English navigation');
  await app.screenshot('settings-verified-en');

  await app.click('nav-holdings');
  await app.waitForText('css=.holdings .count', 'Showing 7 of 7');
  await app.screenshot('list-en');

  await app.click('new-holding');
  await app.waitFor('holding-form');
  await app.click('holding-save');
  const errors = await app.text('form-errors');
  check(errors.includes('Please check the form (4 problems)'), `English error summary (got ${errors})`);
  check(errors.includes('Name of the holding: This is required'), `English error line (got ${errors})`);
  check(errors.includes('Data items #1: Item: This is required'), `English indexed error line (got ${errors})`);
  checkEqual(await app.text('error-name'), '※ This is required', 'English inline error');
  await app.screenshot('form-errors-en');
  await app.click('holding-cancel');
  await app.waitFor('holdings-list');
  checkEqual((await invoke(app, 'list_holdings')).length, 7, 'holdings after the empty form');
}
