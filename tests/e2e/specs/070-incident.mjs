// A breach incident from intake to final report in the real window: the demo's incident on the
// dashboard, an empty intake refused field by field, an entrusted party's leak of the member
// ledger (Individual Numbers, possibly a wrongful purpose) recorded, its triage under the APPI and
// the Number Act, the 60-day final report, the preliminary report, the notice to persons, an
// action, the final report, the drafts in Japanese and English, closure, and the link between
// the incident and the subcontractor tier it happened at.
import { check, checkEqual, fill, invoke, invokeRefused } from '../steps.mjs';

async function setValue(app, testid, value) {
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

async function scrollTo(app, testid) {
  const el = await app.waitFor(testid);
  await app.browser.execute((e) => e.scrollIntoView({ block: 'start' }), el);
}

/** Brings a form control to the middle of the screen, clear of the sticky action bar. */
async function centre(app, testid) {
  const el = await app.waitFor(testid);
  await app.browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
  return el;
}

async function select(app, testid, value) {
  await (await centre(app, testid)).selectByAttribute('value', value);
}

async function tick(app, testid) {
  await centre(app, testid);
  await app.click(testid);
}

const ymd = (d) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export const timeoutMs = 240_000;

export default async function incident(app) {
  await app.click('load-demo');
  await app.waitForText('toast', 'デモ台帳を読み込みました（8件）');

  // ---- the demo's incident on the dashboard, by its next deadline ----
  await app.waitFor('dashboard');
  const row = await app.waitFor('css=[data-testid="agenda-row"][data-reference="I-0001"]');
  check((await row.getText()).includes('確報'), 'the incident row shows its final report deadline');
  await app.screenshot('dashboard');

  // ---- intake: an empty form is refused field by field ----
  await app.click('dashboard-new-incident');
  await app.waitFor('incident-form');
  await app.click('incident-save');
  const summary = await app.waitForText('form-errors', '件名');
  for (const label of ['最初に知った部署', '本人の数']) check(summary.includes(label), `errors name ${label} (got ${summary})`);
  await app.waitForText('error-title', '入力してください');
  checkEqual((await invoke(app, 'list_incidents')).length, 3, 'nothing saved');
  await app.screenshot('intake-refused');

  const today = new Date();
  const aware = ymd(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1));
  await fill(app, 'incident-title', '委託先からの被保険者台帳の流出');
  await setValue(app, 'incident-awareDate', aware);
  await setValue(app, 'incident-awareTime', '09:30');
  await fill(app, 'incident-awareDepartment', '適用グループ');
  await fill(app, 'incident-persons', '１，２００');
  await fill(app, 'incident-summary', '資格管理システムの保守委託先の端末がマルウェアに感染し、被保険者台帳の抽出ファイルが外部に送信されたおそれがある。');
  await tick(app, 'pick-holding-H-0001');
  await tick(app, 'incident-items-from-holdings');
  await app.waitFor('incident-item-row');
  const items = await app.browser.$$('[data-testid="incident-item-row"]');
  check(items.length >= 5, `the ledger's items were copied (got ${items.length})`);
  await fill(app, 'incident-cause', '委託先端末のマルウェア感染（調査中）');
  await select(app, 'incident-secondaryDamage', 'mayOccur');
  await fill(app, 'incident-secondaryDamageDetail', 'なりすましによる不審な連絡のおそれ');
  await tick(app, 'incident-wrongfulPurpose');
  await fill(app, 'incident-myNumberPersons', '1200');
  await select(app, 'incident-perpetrator', 'subcontractor');
  // A party outside the register is typed; choosing its tier replaces the name with the link.
  await app.waitFor('incident-entrustedParty');
  const tiers = await invoke(app, 'list_subcontractors');
  const vendor = tiers.find((n) => n.subcontractor.classification === 'systemVendor' && n.depth === 0).subcontractor;
  await select(app, 'incident-entrusteeId', String(vendor.id));
  await app.waitForGone('incident-entrustedParty');
  await centre(app, 'incident-entrusteeId');
  await app.screenshot('intake-entrustee');
  await setValue(app, 'incident-entrusteeNotifiedOn', aware);
  await scrollTo(app, 'incident-summary');
  await app.screenshot('intake-filled');
  await app.click('incident-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('incident-detail');
  checkEqual(await app.text('incident-reference'), 'I-0004', 'incident reference');
  checkEqual(await app.text('incident-entrustee-link'), vendor.name, 'the detail links the tier by name');
  await centre(app, 'incident-entrustee-link');
  await app.screenshot('detail-entrustee');
  await app.browser.execute(() => document.getElementById('main-content')?.scrollTo({ top: 0 }));

  // ---- triage: the APPI (wrongful purpose, more than 1,000) and the Number Act ----
  const stored = (await invoke(app, 'list_incidents')).find((v) => v.incident.reference === 'I-0004');
  checkEqual(stored.triage.reportRequired, true, 'a report is required');
  checkEqual(stored.triage.wrongfulPurpose, true, 'the 60-day final report');
  const laws = await app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="triage-law"]')).map((l) => [
      l.getAttribute('data-law'),
      l.getAttribute('data-required'),
      Array.from(l.querySelectorAll('[data-testid="triage-rule"][data-met="true"]')).map((r) => r.getAttribute('data-rule')),
    ]),
  );
  checkEqual(
    JSON.stringify(laws),
    JSON.stringify([
      ['appiPrivate', 'true', ['wrongfulPurpose', 'personsOverThreshold']],
      ['myNumber', 'true', ['wrongfulPurpose', 'personsOverThreshold']],
    ]),
    'laws and rules that fired',
  );
  check((await app.text('incident-triage')).includes('本人の数 1,200人（1,000人を超えると該当）'), 'the facts behind the threshold rule');
  await app.screenshot('triage');

  // ---- deadlines: the preliminary window and the final report in 60 days ----
  const rules = stored.deadlines.map((d) => `${d.deadline.rule}:${d.state}`).join(',');
  checkEqual(rules, 'appiPreliminaryReport:pending,appiFinalReportWrongfulPurpose:pending', 'deadlines');
  const finalDue = stored.deadlines[1].deadline.due;
  check(
    (await app.text('deadline-explanation-appiFinalReportWrongfulPurpose')).includes('を1日目として60日'),
    'the final report counted with the day of awareness as day 1',
  );
  await scrollTo(app, 'incident-deadlines');
  await app.screenshot('deadlines');

  // ---- the preliminary report ----
  await app.click('incident-add-filing');
  await app.waitFor('ipanel-filing');
  checkEqual(await app.value('istep-filing-phase'), 'preliminary', 'the first report is preliminary');
  checkEqual(await app.value('istep-filing-authority'), '個人情報保護委員会', 'the PPC by default');
  await fill(app, 'istep-filing-referenceNo', 'PPC-R0009876');
  await app.click('istep-submit');
  await app.waitForText('toast', '記録しました');
  await app.waitForText('css=[data-testid="deadline"][data-rule="appiPreliminaryReport"]', '対応済み');

  // ---- the notice to the persons, then an action ----
  await app.click('incident-add-notice');
  await app.waitFor('ipanel-notice');
  checkEqual(await app.value('istep-notice-persons'), '1200', 'all persons by default');
  await app.click('istep-submit');
  await app.waitForText('toast', '記録しました');
  await app.waitFor('incident-notice');
  await app.click('incident-add-action');
  await app.waitFor('ipanel-action');
  await fill(app, 'istep-action-description', '委託先の立入検査を実施し、感染端末の隔離とログの保全を確認');
  await app.click('istep-submit');
  await app.waitForText('toast', '記録しました');

  // ---- the final report ----
  await app.click('incident-add-filing');
  await app.waitFor('ipanel-filing');
  checkEqual(await app.value('istep-filing-phase'), 'final', 'then the final report');
  await fill(app, 'istep-filing-referenceNo', 'PPC-R0009876');
  await app.click('istep-submit');
  await app.waitForText('toast', '記録しました');
  await app.waitForText('css=[data-testid="deadline"][data-rule="appiFinalReportWrongfulPurpose"]', '対応済み');
  const filed = (await invoke(app, 'list_incidents')).find((v) => v.incident.reference === 'I-0004');
  checkEqual(filed.deadlines.map((d) => d.state).join(','), 'met,met', 'both deadlines met');
  checkEqual(filed.deadlines[1].deadline.due, finalDue, 'the final report date did not move');
  const kinds = filed.incident.timeline.map((e) => e.kind).join(',');
  checkEqual(kinds, 'recorded,filed,personsNotified,action,filed', 'timeline');
  await scrollTo(app, 'incident-timeline');
  await app.screenshot('timeline');

  // ---- the drafts ----
  await scrollTo(app, 'incident-drafts');
  const sections = await app.browser.$$('[data-testid="draft-section"]');
  checkEqual(sections.length, 9, 'the report has nine items');
  check((await app.text('draft-preview')).includes('再発防止のための措置'), 'item 8 heading');
  check((await app.text('draft-preview')).includes(`委託先：${vendor.name}（${vendor.address}）`), 'the linked tier named in the cause');
  await app.screenshot('draft-report-ja');
  await app.click('draft-notice');
  await app.waitFor('css=[data-testid="draft-preview"][data-kind="notice"]');
  checkEqual((await app.browser.$$('[data-testid="draft-section"]')).length, 5, 'the notice has five items');
  await app.click('draft-lang-en');
  await app.waitFor('css=[data-testid="draft-preview"][data-language="en"]');
  check((await app.text('draft-preview')).includes('For questions about this incident'), 'the English notice');
  await scrollTo(app, 'incident-drafts');
  await app.screenshot('draft-notice-en');

  // ---- English ----
  await app.click('lang-en');
  await app.waitForText('incident-triage-summary', 'A report to the PPC and a notice to the persons are required.');
  await app.browser.execute(() => document.getElementById('main-content')?.scrollTo({ top: 0 }));
  await app.screenshot('detail-en');
  await scrollTo(app, 'incident-deadlines');
  await app.screenshot('deadlines-en');
  await app.click('lang-ja');
  await app.waitForText('incident-triage-summary', '個人情報保護委員会への報告と本人への通知が必要です。');

  // ---- closure ----
  await app.browser.execute(() => document.getElementById('main-content')?.scrollTo({ top: 0 }));
  await app.click('incident-close');
  await app.waitFor('ipanel-close');
  await fill(app, 'istep-closeNote', '確報済み。委託先の再発防止策の実施を確認した。');
  await app.click('istep-submit');
  await app.waitForText('incident-status', '完了');
  await app.waitForGone('incident-actions-panel');
  await app.screenshot('closed');
  await scrollTo(app, 'history');
  const changes = await app.text('history');
  check(changes.includes('完了日') && !changes.includes('closedOn'), `history speaks of the incident's fields (got ${changes})`);
  await app.screenshot('history');

  await app.click('nav-incidents');
  await app.waitFor('css=[data-testid="incident-row"][data-reference="I-0004"]');
  await app.screenshot('list');
  await app.click('nav-dashboard');
  await app.waitFor('agenda-row');
  const after = await app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="agenda-row"]')).map((r) => r.getAttribute('data-reference')),
  );
  check(!after.includes('I-0004'), 'the closed incident left the dashboard');

  // ---- the tier the incident happened at lists it, and links back ----
  await app.click('nav-incidents');
  await app.click('css=[data-testid="incident-row"][data-reference="I-0004"] button');
  await app.click('incident-entrustee-link');
  await app.waitForText('sc-incidents', 'I-0004');
  await scrollTo(app, 'sc-incidents');
  await app.screenshot('tier-incidents');
  const refused = await invokeRefused(app, 'delete_subcontractor', { id: vendor.id, expectedVersion: vendor.version });
  checkEqual(refused.kind, 'inUse', 'a tier an incident names is not deleted');
  check(refused.references.includes('I-0004'), `the refusal names the incident (got ${refused.references})`);

  const history = await invoke(app, 'incident_history', { id: filed.incident.id });
  checkEqual(history.length, 6, 'one audit entry per write');
  const verified = await invoke(app, 'verify_register');
  checkEqual(verified.brokenLink, null, 'the audit chain verifies');
  checkEqual(verified.alteredRecords.length, 0, 'every record is as audited');
}
