// Personal-related information (個人関連情報, APPI art. 31) on the demo register: Cookie IDs and
// browsing history provided to an ad-tech company abroad that will link them with its members'
// data. The form hides the persons and asks what was confirmed; opt-out is refused by the core
// on 提供の根拠 (art. 31 has no opt-out route) and nothing is stored; on foreign provision with
// both confirmations (art. 31(1)(i), (ii)) and the method (PPC Rules art. 26) it saves, shows
// the 個人関連情報 badge in the list and on its page, and its retention: an individual record
// made on 10 May 2026 is kept three years, to 10 May 2029 (Rules art. 29(ii); Civil Code arts.
// 140, 143). The printed register is checked in tests/personal_related.rs.
import { check, checkEqual, fill, invoke } from '../steps.mjs';

async function select(app, testid, value) {
  await (await app.waitFor(testid)).selectByAttribute('value', value);
}

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

const RECIPIENT = 'Global Tracking Network Inc.';
const METHOD = '提供先からの申告（同意取得画面の写しを受領）';

export default async function personalRelated(app) {
  await app.click('load-demo');
  await app.waitForText('toast', 'デモ台帳を読み込みました（8件）');
  await app.waitFor('dashboard');
  await app.click('nav-provision');
  await app.waitFor('css=[data-testid="section-list"][data-kind="provision"]');
  const before = (await invoke(app, 'list_provision_records')).length;

  // ---- the kind chosen first: the persons give way to the confirmation ----
  await app.click('section-new');
  await app.waitFor('section-form');
  await app.waitFor('add-persons');
  await select(app, 'section-information', 'personalRelated');
  await app.waitFor('section-consentConfirmationMethod');
  await app.waitForGone('add-persons');
  await app.waitForGone('section-personsDescription');
  await app.waitForGone('section-direction');
  const form = await app.text('section-form');
  check(form.includes('提供先が、本人から個人データとして取得することの同意を得ていることを確認した'), 'the consent checkbox says what is confirmed');
  check(form.includes('個人関連情報の項目'), 'the items are personal-related information');

  await fill(app, 'section-counterpartyName', RECIPIENT);
  await fill(app, 'section-counterpartyAddress', '100 Market Street, San Francisco, CA, USA');
  await fill(app, 'section-counterpartyRepresentative', 'Jane Doe, CEO');
  await app.click('add-items');
  await fill(app, 'field-items-0', 'Cookie ID');
  await app.click('add-items');
  await fill(app, 'field-items-1', '閲覧履歴');
  await setDate(app, 'section-providedOn', '2026-05-10');
  await setDate(app, 'section-recordedOn', '2026-05-10');
  await app.click('section-consentObtained');
  await fill(app, 'section-consentConfirmationMethod', METHOD);

  // ---- opt-out: refused by the core on the basis, nothing stored ----
  await select(app, 'section-basis', 'optOut');
  await app.click('section-save');
  await app.waitForText('error-basis', 'オプトアウトによる提供がありません');
  await app.waitForText('form-errors', '提供の根拠：');
  await app.screenshot('opt-out-refused');
  checkEqual((await invoke(app, 'list_provision_records')).length, before, 'nothing stored after the refusal');

  // ---- abroad: the foreign confirmation appears and is needed ----
  await select(app, 'section-basis', 'foreignProvision');
  await app.waitFor('section-foreignInformationConfirmed');
  await app.click('section-foreignInformationConfirmed');
  await app.screenshot('form-abroad');
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('section-detail');
  check((await app.text('section-title')).includes(RECIPIENT), 'the saved record opened');
  await app.waitForText('badge-personal-related', '個人関連情報');
  await app.waitForText('retain-until', '2029年5月10日');
  const reading = await app.waitForText('retention-explanation', '民法140条・143条');
  check(reading.includes('記録の作成日') && reading.includes('2026年5月10日'), `counted from the record (got ${reading})`);
  await app.waitForText('retention-rule', '規則第29条第2号');
  await app.waitForText('value-consentConfirmationMethod', METHOD);
  await app.screenshot('detail');

  const saved = (await invoke(app, 'list_provision_records')).find((v) => v.record.counterpartyName === RECIPIENT);
  check(saved, 'the record is stored');
  checkEqual(saved.record.information, 'personalRelated', 'stored as personal-related information');
  checkEqual(saved.record.persons.length, 0, 'no persons recorded');
  checkEqual(saved.retentionRule, 'rules29ii', 'Rules art. 29(ii)');

  // ---- the list marks it; English ----
  await app.click('nav-provision');
  await app.waitFor(`css=[data-testid="section-row"][data-id="${saved.record.id}"] [data-testid="row-personal-related"]`);
  checkEqual((await app.browser.$$('[data-testid="row-personal-related"]')).length, 1, 'one personal-related record');
  await app.screenshot('list');
  await app.click('lang-en');
  await app.click(`open-${saved.record.id}`);
  await app.waitForText('badge-personal-related', 'Personal-related');
  await app.waitForText('retention-rule', 'PPC Rules art. 29(ii)');
  await app.screenshot('detail-en');
  await app.click('lang-ja');
}
