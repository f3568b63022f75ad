// The management system around the register (issue 17), on the demo health insurance
// society: assess a holding's risks (the flagged one disappears from the list), record a
// training session (the attendee leaves the untrained list), plan an audit whose auditor
// would audit their own department (refused under the field, in Japanese), record it with a
// nonconformity, open a corrective action from it, close the action, and see the agenda
// change; then the agenda in English.
import { check, checkEqual, fill, invoke } from '../steps.mjs';

/** Clicks the button `testid` inside the table row whose text contains `text`. */
async function clickInRow(app, rowTestid, text, testid) {
  const clicked = await app.browser.execute(
    (rowId, needle, buttonId) => {
      const row = Array.from(document.querySelectorAll(`[data-testid="${rowId}"]`)).find((r) => r.textContent.includes(needle));
      const button = row?.querySelector(`[data-testid="${buttonId}"]`);
      button?.click();
      return Boolean(button);
    },
    rowTestid,
    text,
    testid,
  );
  check(clicked, `${testid} in the ${rowTestid} row of ${text}`);
}

/** Today as the officer types it (2026/12/2), in the app's clock, which is the machine's. */
function today() {
  const now = new Date();
  return `${now.getFullYear()}/${now.getMonth() + 1}/${now.getDate()}`;
}

/**
 * Clicks the form's save button and waits for a new "saved" toast; if the form shows its error
 * list instead, fails with those lines at once, so a refused save says why rather than timing
 * out. The toast and error list already on screen are marked first so that a lingering
 * 保存しました from the previous form, or the errors of an earlier refusal, are not taken for
 * this save's outcome (each toast is a new element: Toast.svelte keys it by id).
 */
async function submit(app, testid) {
  await app.browser.execute(() => {
    for (const el of document.querySelectorAll('[data-testid="toast"], [data-testid="form-errors"]')) {
      el.dataset.e2eStale = 'true';
    }
  });
  await app.click(testid);
  const outcome = await app.waitUntil(
    async () =>
      app.browser.execute(() => {
        const fresh = (id) => document.querySelector(`[data-testid="${id}"]:not([data-e2e-stale])`);
        const errors = fresh('form-errors');
        if (errors) return `refused: ${errors.textContent}`;
        return fresh('toast')?.textContent.includes('保存しました') ? 'saved' : null;
      }),
    { message: `the saved toast or the form errors after ${testid}` },
  );
  checkEqual(outcome, 'saved', `${testid}: the form was saved`);
}

async function agendaKinds(app, kind) {
  return app.browser.execute(
    (k) => document.querySelectorAll(`[data-testid="agenda-row"][data-kind="${k}"]`).length,
    kind,
  );
}

export default async function managementSystem(app) {
  await app.click('load-demo');
  await app.waitFor('dashboard');

  // ---- the agenda of everything due ----
  await app.click('nav-management');
  await app.waitFor('agenda-table');
  const actionsBefore = await agendaKinds(app, 'correctiveAction');
  checkEqual(actionsBefore, 1, 'the demo has one open corrective action on the agenda');
  check((await agendaKinds(app, 'audit')) === 1, 'the planned audit is on the agenda');
  check((await agendaKinds(app, 'training')) >= 1, 'training due for the untrained');
  await app.screenshot('agenda-ja');

  // ---- assess a flagged holding ----
  await app.click('mgmt-tab-risk');
  await app.waitFor('mgmt-risk-gaps');
  const gaps = await invoke(app, 'list_risk_assessment_gaps');
  const flagged = gaps.find((g) => g.dueOn === null);
  check(flagged, 'a holding with sensitive items and no assessment is flagged');
  await (await app.waitFor('risk-holding')).selectByAttribute('value', String(flagged.holdingId));
  await fill(app, 'risk-assessedBy', '個人情報保護管理者 小林 直子');
  await fill(app, 'risk-acceptedBy', '常務理事 山口 和夫');
  // High impact, medium likelihood lowered to low: the measure that lowers it is named.
  await (await app.waitFor('risk-measure')).click();
  await app.screenshot('risk-form');
  await submit(app, 'risk-save');
  const after = await invoke(app, 'list_risk_assessment_gaps');
  check(!after.some((g) => g.holdingId === flagged.holdingId), 'the assessed holding is no longer flagged');

  // ---- a training session ----
  await app.click('mgmt-tab-training');
  await app.waitFor('mgmt-untrained');
  check((await app.text('mgmt-untrained')).includes('田中 健一'), '田中 is untrained this year');
  await fill(app, 'session-trainer', '個人情報保護管理者 小林 直子');
  await fill(app, 'attendee-name', '田中 健一');
  await fill(app, 'attendee-department', '給付グループ');
  await submit(app, 'session-save');
  await app.waitUntil(async () => !(await app.text('mgmt-untrained')).includes('田中 健一'), {
    message: '田中 leaves the untrained list',
  });
  await app.screenshot('training');

  // ---- an audit: independence refused, then recorded with a nonconformity ----
  await app.click('mgmt-tab-audit');
  await app.waitFor('audit-form');
  await fill(app, 'audit-scope', '保健事業グループにおける健診データの取扱い');
  await fill(app, 'audit-departments', '保健事業グループ');
  await fill(app, 'audit-auditor', '監査員 中村 亮');
  await fill(app, 'audit-auditorDepartment', '保健事業グループ');
  await fill(app, 'audit-performedOn', today());
  await app.click('audit-add-finding');
  await fill(app, 'finding-department', '保健事業グループ');
  await fill(app, 'finding-description', '健診データの持出し記録がない');
  await fill(app, 'finding-evidence', '持出し管理簿');
  await app.click('audit-save');
  const refused = await app.waitForText('form-errors', '自らの所属する部署');
  check(refused.includes('監査員の所属部署'), `the field is named (got ${refused})`);
  await app.screenshot('audit-independence-refused');
  checkEqual((await invoke(app, 'list_internal_audits')).length, 2, 'nothing recorded');
  await fill(app, 'audit-auditorDepartment', '総務グループ');
  await submit(app, 'audit-save');

  // ---- a corrective action from the nonconformity, then closed ----
  await clickInRow(app, 'audit-row', '健診データの持出し記録がない', 'open-action');
  await app.waitFor('action-form');
  await fill(app, 'action-owner', '保健事業グループ長 石井 純');
  await submit(app, 'action-save');
  await app.click('mgmt-tab-agenda');
  await app.waitFor('agenda-table');
  checkEqual(await agendaKinds(app, 'correctiveAction'), actionsBefore + 1, 'the new action is on the agenda');

  await app.click('mgmt-tab-audit');
  await app.waitFor('mgmt-actions');
  await clickInRow(app, 'action-row', '健診データの持出し記録がない', 'close-action');
  await app.waitFor('close-form');
  await fill(app, 'close-cause', '持出し手順が周知されていなかった');
  await fill(app, 'close-action-text', '手順書を改訂し全員に周知');
  await fill(app, 'close-checkedOn', today());
  await (await app.waitFor('close-effective')).selectByIndex(1);
  await app.screenshot('action-closing');
  await submit(app, 'close-save');
  const actions = await invoke(app, 'list_corrective_actions');
  const closed = actions.find((a) => a.action.problem === '健診データの持出し記録がない');
  checkEqual(closed.status, 'closed', 'the action is closed');

  await app.click('mgmt-tab-agenda');
  await app.waitFor('agenda-table');
  checkEqual(await agendaKinds(app, 'correctiveAction'), actionsBefore, 'the closed action left the agenda');

  // ---- a management review drafted from the register ----
  await app.click('mgmt-tab-review');
  await app.click('review-gather');
  await app.waitFor('review-form');
  // Today's audit (one nonconformity) and the action closed today are gathered into the draft.
  const audits = await app.value('review-auditResults');
  check(
    audits.includes('保健事業グループにおける健診データの取扱い: 不適合1件'),
    `the draft names today's audit and its nonconformity (got ${audits})`,
  );
  check(
    (await app.value('review-correctiveActions')).includes('完了した処置1件'),
    'the draft counts the action closed today',
  );
  await fill(app, 'review-chairedBy', '理事長 森 正樹');
  await fill(app, 'review-decisions', '持出し手順の周知を全部署で確認する');
  await app.screenshot('review-draft');
  await submit(app, 'review-save');
  checkEqual((await invoke(app, 'list_management_reviews')).length, 2, 'the review is recorded beside the demo one');

  // ---- the agenda filtered, and in English ----
  await app.click('mgmt-tab-agenda');
  await app.waitFor('agenda-table');
  await (await app.waitFor('agenda-kind')).selectByAttribute('value', 'correctiveAction');
  await app.waitUntil(async () => (await agendaKinds(app, 'audit')) === 0, { message: 'only actions shown' });
  await app.click('lang-en');
  await app.waitForText('mgmt-agenda', 'Everything due');
  await app.screenshot('agenda-en');
}
