// Implicit consent (黙示の同意) on the demo register: the society's three published matters, a
// fourth added through the form (an empty one refused field by field), an objection linked to
// it and flagged in the panel as not applied, the matter's deletion refused naming the
// objection, a withdrawal dated before receipt refused, then withdrawn: the panel no longer
// flags it. Then the published request procedure on the organisation page and its identity
// documents offered when a request's identity is confirmed; in Japanese and English.
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

const TITLE = '特定健診の結果を事業主の産業医に提供すること';

export default async function implicitConsent(app) {
  await app.click('load-demo');
  await app.waitForText('toast', 'デモ台帳を読み込みました（8件）');
  await app.waitFor('dashboard');

  // ---- the catalogue: the three matters of the society's policy ----
  await app.click('nav-objections');
  await app.waitFor('css=[data-testid="section-list"][data-kind="objections"]');
  await app.click('tab-consentMatters');
  await app.waitFor('css=[data-testid="section-list"][data-kind="consentMatters"]');
  checkEqual((await app.browser.$$('[data-testid="section-row"]')).length, 3, 'the demo publishes three matters');
  check((await app.text('section-list')).includes('高額療養費を本人の申請によらず事業主経由で支給すること'), 'the policy wording');
  await app.screenshot('matters');

  // ---- a fourth matter: refused empty, then published ----
  await app.click('section-new');
  await app.waitFor('section-form');
  await app.click('section-save');
  await app.waitForText('error-title', '入力してください');
  await app.waitFor('error-description');
  await app.waitFor('error-publishedWhere');
  checkEqual((await invoke(app, 'list_consent_matters')).length, 3, 'nothing stored after the refusal');
  await fill(app, 'section-title', TITLE);
  await fill(app, 'section-description', '就業上の措置のため、特定健診の結果を事業主の産業医に提供します。');
  await fill(app, 'section-publishedWhere', '当組合ウェブサイト「黙示の同意事項」');
  await setDate(app, 'section-publishedSince', '2026-04-01');
  await app.click('pick-holding-H-0003');
  await app.screenshot('matter-form');
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('section-detail');
  checkEqual(await app.text('section-title'), TITLE, 'the matter opened');
  const matter = (await invoke(app, 'list_consent_matters')).find((m) => m.title === TITLE);
  check(matter, 'the matter is stored');

  // ---- an objection linked to it, flagged until applied or withdrawn ----
  await app.click('nav-objections');
  await app.waitFor('css=[data-testid="section-list"][data-kind="objections"]');
  await app.click('section-new');
  await app.waitFor('section-form');
  await fill(app, 'section-person', '記号20 番号0101 森 直樹');
  await (await app.waitFor('section-matterId')).selectByAttribute('value', String(matter.id));
  await fill(app, 'section-purpose', '特定健診の結果の産業医への提供');
  await setDate(app, 'section-receivedOn', '2026-06-01');
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('badge-pending');
  check((await app.text('value-matterId')).includes(TITLE), 'the detail names the matter');
  const objection = (await invoke(app, 'list_objections')).find((o) => o.matterId === matter.id);
  check(objection, 'the objection links the matter');
  await app.screenshot('objection-linked');

  await app.click('nav-quality');
  await app.waitFor('quality-panel');
  await app.waitFor(`finding-open-objection-${objection.id}`);
  await app.screenshot('quality-flagged');

  // ---- the matter cannot be deleted while the objection names it ----
  await app.click('nav-objections');
  await app.click('tab-consentMatters');
  await app.waitFor('css=[data-testid="section-list"][data-kind="consentMatters"]');
  await app.click(`open-${matter.id}`);
  await app.waitFor('section-detail');
  await app.click('section-delete');
  await app.click('confirm-ok');
  await app.waitForText('confirm-dialog', objection.reference);
  await app.screenshot('matter-delete-refused');
  await app.click('confirm-cancel');
  checkEqual((await invoke(app, 'list_consent_matters')).length, 4, 'the matter stays');

  // ---- withdrawn: not before it was received, then no longer flagged ----
  await app.click('nav-objections');
  await app.waitFor('css=[data-testid="section-list"][data-kind="objections"]');
  await app.click(`open-${objection.id}`);
  await app.waitFor('badge-pending');
  await app.click('section-edit');
  await setDate(app, 'section-withdrawnOn', '2026-05-31');
  await app.click('section-save');
  await app.waitFor('error-withdrawnOn');
  await app.screenshot('withdrawal-refused');
  checkEqual((await invoke(app, 'get_objection', { id: objection.id })).withdrawnOn, null, 'nothing stored after the refusal');
  await setDate(app, 'section-withdrawnOn', '2026-06-20');
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('badge-withdrawn');
  await app.waitForGone('badge-pending');
  await app.screenshot('objection-withdrawn');

  await app.click('nav-quality');
  await app.waitFor('quality-panel');
  const flagged = await app.browser.$$(`[data-testid="finding-open-objection-${objection.id}"]`);
  checkEqual(flagged.length, 0, 'the withdrawn objection is no longer flagged');
  const findings = await invoke(app, 'list_findings');
  check(!findings.some((f) => f.section === 'objection' && f.recordId === objection.id), 'the core no longer flags it');
  await app.screenshot('quality-after-withdrawal');

  await app.click('lang-en');
  await app.click('nav-objections');
  await app.waitForText('css=[data-testid="section-list"]', 'Withdrawn');
  await app.screenshot('objections-en');
  await app.click('lang-ja');

  // ---- the published request procedure, and its identity documents as quick picks ----
  await app.click('nav-organisation');
  await app.waitFor('request-procedure');
  await app.waitForText('request-procedure-state', '第1版');
  await app.browser.execute(() => document.querySelector('[data-testid="request-procedure"]')?.scrollIntoView());
  await app.screenshot('request-procedure');

  // The demo's request paused for identity documents: the published documents are offered.
  const requests = await invoke(app, 'list_requests');
  const waiting = requests.find((v) => v.request.status === 'identityCheck');
  check(waiting, 'the demo has a request waiting for its identity check');
  await app.click('nav-requests');
  await app.click(`css=[data-testid="request-row"][data-id="${waiting.request.id}"] button.ref`);
  await app.click('action-confirmIdentity');
  await app.waitFor('identity-picks');
  const picks = await app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="identity-pick"]')).map((b) => b.textContent.replace('＋', '').trim()),
  );
  check(picks.includes('運転免許証') && picks.includes('健康保険の資格確認書'), `the procedure's documents offered (got ${picks.join(',')})`);
  await app.click('css=[data-testid="identity-pick"]');
  await app.click('css=[data-testid="identity-pick"]:nth-of-type(2)');
  const typed = await app.value('step-identity-documents');
  checkEqual(typed, `${picks[0]}\n${picks[1]}`, 'each pick is a line of its own; free text still allowed');
  await app.screenshot('identity-picks');
}
