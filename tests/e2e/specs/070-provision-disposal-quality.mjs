// The demo register's provision records, measures, disposals, objections and data-quality
// panel: the panel and its links, the per-person extract, a receipt refused then recorded
// (with an IME-composing Enter left alone), an edit with its history, the due disposal
// recorded from the schedule, an objection applied, the holding page's links and the
// refusal to delete a holding they name; in Japanese and English.
import { check, checkEqual, fill, invoke } from '../steps.mjs';

export const timeoutMs = 240_000;

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
}

async function select(app, testid, value) {
  await (await app.waitFor(testid)).selectByAttribute('value', value);
}

const ymd = (d) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export default async function sections(app) {
  await app.click('load-demo');
  await app.waitForText('toast', 'デモ台帳を読み込みました（8件）');
  await app.waitFor('dashboard');

  // ---- the dashboard entry and the panel ----
  const findings = await invoke(app, 'list_findings');
  await app.waitForText('dashboard-quality-count', `要対応 ${findings.length}件`);
  await app.browser.execute(() => document.querySelector('[data-testid="dashboard-quality"]')?.scrollIntoView());
  await app.screenshot('dashboard-quality');
  await app.click('dashboard-quality-open');
  await app.waitFor('quality-panel');
  const rules = await app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="finding"]')).map((f) => f.getAttribute('data-rule')),
  );
  checkEqual(rules.length, findings.length, 'findings shown');
  for (const rule of ['noRetentionRule', 'dueForDisposal', 'provisionPastRetention', 'objectionNotApplied', 'reviewOverdue']) {
    check(rules.includes(rule), `the panel lists ${rule} (got ${rules.join(',')})`);
  }
  const panel = await app.text('quality-panel');
  check(panel.includes('保存期間を経過したデータがあります'), 'the due disposal worded in Japanese');
  await app.screenshot('quality');
  await app.click('lang-en');
  await app.waitForText('quality-panel', 'Kept past its retention');
  await app.screenshot('quality-en');
  await app.click('lang-ja');
  await app.waitForText('quality-panel', '保存期限');

  // The record past its retention, opened from the panel.
  const past = findings.find((f) => f.rule === 'provisionPastRetention');
  await app.click(`finding-open-provisionRecord-${past.recordId}`);
  await app.waitFor('section-detail');
  await app.waitFor('badge-past-retention');
  check((await app.text('section-title')).includes('みらい生命保険株式会社'), 'the past record opened');
  // The retention end comes with how it was counted (Civil Code arts. 140, 143).
  const reading = await app.waitForText('retention-explanation', '民法140条・143条');
  check(reading.includes('の翌日') && reading.includes('から保存期間経過'), `the reading is explained (got ${reading})`);
  await app.screenshot('provision-past-retention');

  // ---- the list and the per-person extract (art. 33(5)) ----
  await app.click('nav-provision');
  await app.waitFor('css=[data-testid="section-list"][data-kind="provision"]');
  checkEqual((await app.browser.$$('[data-testid="section-row"]')).length, 6, 'demo provision records');
  await fill(app, 'person-search', '山本健一');
  await app.click('person-search-submit');
  await app.waitForText('person-search-result', '「山本健一」に関する記録：4件');
  checkEqual((await app.browser.$$('[data-testid="section-row"]')).length, 4, 'records about one person');
  await app.screenshot('provision-person-extract');
  await app.click('person-search-clear');
  await app.waitForGone('person-search-result');

  // ---- a receipt: refused without the confirmation items, then recorded ----
  await app.click('section-new');
  await app.waitFor('section-form');
  await select(app, 'section-direction', 'received');
  await app.waitFor('section-acquisitionCircumstances');
  await app.click('section-save');
  await app.waitForText('error-counterpartyName', '入力してください');
  await app.waitFor('error-acquisitionCircumstances');
  await app.waitFor('error-items');
  await app.screenshot('receipt-refused');
  checkEqual((await invoke(app, 'list_provision_records')).length, 6, 'nothing stored after the refusal');

  await fill(app, 'section-counterpartyName', '株式会社みらい製作所');
  // An Enter that confirms an IME conversion must neither submit nor move on.
  const composing = await app.browser.execute(() => {
    const input = document.querySelector('[data-testid="section-counterpartyName"]');
    input.focus();
    const event = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', isComposing: true, bubbles: true, cancelable: true });
    return input.dispatchEvent(event);
  });
  checkEqual(composing, true, 'a composing Enter is left to the IME');
  const focused = await app.browser.execute(() => document.activeElement?.getAttribute('data-testid'));
  checkEqual(focused, 'section-counterpartyName', 'focus stays after a composing Enter');
  checkEqual((await invoke(app, 'list_provision_records')).length, 6, 'nothing stored by a composing Enter');

  await fill(app, 'section-counterpartyAddress', '東京都港区芝浦三丁目1番1号');
  await fill(app, 'section-counterpartyRepresentative', '代表取締役社長 高田 誠');
  await select(app, 'section-basis', 'statutoryException');
  await select(app, 'section-exception', 'lawsAndRegulations');
  await fill(app, 'section-acquisitionCircumstances', '入社時に従業員本人から取得（健康保険法第48条の資格取得届）');
  await app.click('add-persons');
  await fill(app, 'field-persons-0', '記号12 番号9001 青木 陽子');
  await app.click('add-items');
  await fill(app, 'field-items-0', '氏名');
  await app.click('add-items');
  await fill(app, 'field-items-1', '資格取得年月日');
  const today = new Date();
  await setDate(app, 'section-providedOn', ymd(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 2)));
  await app.click('pick-holding-H-0001');
  await app.screenshot('receipt-form');
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('section-detail');
  check((await app.text('section-title')).startsWith('P-0007'), 'the new record is numbered P-0007');
  await app.waitForText('value-acquisitionCircumstances', '健康保険法第48条');
  await app.waitForText('retain-until', '保存期限');
  await app.screenshot('receipt-detail');

  // ---- an edit and its history ----
  await app.click('section-edit');
  await app.waitFor('section-form');
  await fill(app, 'section-notes', '資格取得届の電子申請分');
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitForText('value-notes', '資格取得届の電子申請分');
  const entries = await app.browser.$$('[data-testid="history-entry"]');
  checkEqual(entries.length, 2, 'history entries after the edit');
  await app.waitFor('css=[data-testid="history-change"][data-field="notes"]');
  check((await app.text('history')).includes('備考'), 'the history names the field in Japanese');
  await app.browser.execute(() => document.querySelector('[data-testid="history"]')?.scrollIntoView());
  await app.screenshot('receipt-history');
  await app.click('lang-en');
  await app.waitForText('history', 'Notes');
  await app.browser.execute(() => document.querySelector('[data-testid="history"]')?.scrollIntoView());
  await app.screenshot('receipt-history-en');
  await app.click('lang-ja');
  await app.waitForText('history', '備考');

  // ---- disposals: the due holding, recorded from the schedule ----
  await app.click('nav-disposals');
  await app.waitFor('disposals-due');
  const due = await invoke(app, 'list_disposals_due');
  checkEqual(due.length, 1, 'one holding due for disposal');
  await app.waitFor('due-holding');
  await app.waitForText('due-retention', '民法140条・143条');
  await app.screenshot('disposals-due');
  await app.click(`record-disposal-${due[0].holdingId}`);
  await app.waitFor('section-form');
  checkEqual(await (await app.$('section-holdingId')).getValue(), String(due[0].holdingId), 'the due holding is preset');
  await select(app, 'section-method', 'outsourced');
  await fill(app, 'section-performedBy', '給付グループ 中村 智子');
  await app.click('section-save');
  await app.waitForText('error-vendor', '入力してください');
  await app.waitFor('error-certificateRef');
  await app.screenshot('disposal-refused');
  await fill(app, 'section-vendor', '株式会社セキュアリサイクル東京');
  await fill(app, 'section-certificateRef', 'SR-2026-05120');
  await fill(app, 'section-description', `${due[0].expiredThrough.slice(0, 4) - 1}年度診療分の紙レセプト`);
  await setDate(app, 'section-coversThrough', due[0].expiredThrough);
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('section-detail');
  checkEqual((await invoke(app, 'list_disposals_due')).length, 0, 'nothing due once the disposal covers it');
  await app.click('nav-disposals');
  await app.waitForText('disposals-due', '保存期間を経過したデータはありません');
  await app.screenshot('disposals-after');

  // ---- an objection applied ----
  const pending = (await invoke(app, 'list_objections')).find((o) => o.appliedOn === null);
  await app.click('nav-objections');
  await app.click(`open-${pending.id}`);
  await app.waitFor('badge-pending');
  await app.click('section-edit');
  await setDate(app, 'section-appliedOn', ymd(today));
  await app.click('section-save');
  await app.waitForText('error-appliedBy', '入力してください');
  await fill(app, 'section-appliedBy', '保健事業グループ 佐々木');
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitForGone('badge-pending');
  const after = await invoke(app, 'list_findings');
  check(!after.some((f) => f.rule === 'objectionNotApplied'), 'no objection left unapplied');
  await app.screenshot('objection-applied');

  // ---- measures ----
  await app.click('nav-measures');
  await app.waitFor('css=[data-testid="section-list"][data-kind="measures"]');
  checkEqual((await app.browser.$$('[data-testid="section-row"]')).length, 14, 'the published catalogue');
  await app.screenshot('measures');
  await app.click('lang-en');
  await app.waitForText('css=[data-testid="section-list"]', 'Physical measures');
  await app.screenshot('measures-en');
  await app.click('lang-ja');

  // ---- the holding page's links (from a disposal), and the holding cannot be deleted ----
  const holding = (await invoke(app, 'list_holdings')).find((h) => h.id === due[0].holdingId);
  await app.click('nav-disposals');
  await app.click('css=[data-testid="section-row"] button');
  await app.waitFor('section-holdings');
  await app.click(`open-holding-${holding.id}`);
  await app.waitFor('holding-control-links');
  await app.waitFor('links-provision');
  await app.waitFor('links-disposals');
  await app.waitFor('links-measures');
  await app.browser.execute(() => document.querySelector('[data-testid="holding-control-links"]')?.scrollIntoView());
  await app.screenshot('holding-links');
  const refused = await invoke(app, 'delete_holding', { id: holding.id, expectedVersion: holding.version }).then(
    () => null,
    (e) => e.report,
  );
  checkEqual(refused?.kind, 'inUse', 'deleting the linked holding');
  check(refused.references.some((r) => /^D-\d{4}$/.test(r)), `the refusal names the disposals (got ${refused.references})`);
  check(refused.references.some((r) => /^P-\d{4}$/.test(r)), `the refusal names the provision records (got ${refused.references})`);

  const verify = await invoke(app, 'verify_register');
  check(verify.brokenLink === null && verify.alteredRecords.length === 0, 'the audit trail verifies');
}
