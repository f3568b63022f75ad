// Cross-border transfers in the real window: the demo's three bases (the overdue periodic
// check flagged), a foreign subcontractor without a transfer flagged until one is recorded
// through the form (consent needs the information given), the links both ways from a
// holding, and the holding's deletion refused naming them; then English.
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

const rowSelector = (reference) => `css=[data-testid="transfer-row"][data-reference="${reference}"]`;

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

export default async function transfers(app) {
  await app.click('load-demo');
  await app.waitForText('toast', 'デモ台帳を読み込みました（8件）');
  await app.waitFor('dashboard');

  await app.click('nav-transfers');
  await app.waitFor('transfer-row');
  const views = await invoke(app, 'list_transfers');
  checkEqual(views.map((v) => v.transfer.basis).join(','), 'equivalentMeasures,adequacy,legalObligation', 'the demo bases');
  check((await app.text(rowSelector('TR-0001'))).includes('定期確認期限超過'), 'the overdue check is flagged');
  check((await app.text(rowSelector('TR-0003'))).includes('特定できない'), 'the IHR transfer has no fixed country');
  await app.screenshot('list');

  await (await app.$(rowSelector('TR-0003')).$('button.name')).click();
  await app.waitFor('transfer-detail');
  check((await app.text('transfer-detail')).includes('国際保健規則（IHR）第30条'), 'the IHR basis is shown');
  await app.screenshot('ihr-detail');

  // ---- a foreign subcontractor without a transfer ----
  const claims = (await invoke(app, 'list_holdings')).find((h) => h.ledgerNo === 'H-0004');
  const name = claims.dataItems.find((i) => i.name === '氏名');
  const tier = await invoke(app, 'create_subcontractor', {
    input: {
      reference: '', parentId: null, name: 'Lion City Claims Review Pte. Ltd.', address: '1 Raffles Place, Singapore',
      representative: 'Director Tan Wei Ming', country: 'SG', classification: 'consultancy', classificationNote: '',
      workDescription: '海外療養費の請求内容の現地確認', entrusted: [{ holdingId: claims.id, itemIds: [name.id] }],
      contractReference: 'R8-海外-01', contractClauses: '', approval: { approvedBy: '常務理事 鈴木 花子', approvedOn: '2026-01-10', form: 'internalDecision', note: '' },
      supervision: { method: 'writtenReport', frequencyMonths: 12, lastCheck: null, nextCheck: null, findings: '' },
      incidentNotifiedOn: null, incidentNote: '', notes: '',
    },
  });
  await app.click('nav-subcontractors');
  const tierRow = `css=[data-testid="subcontractor-row"][data-reference="${tier.reference}"]`;
  check((await (await app.waitFor(tierRow)).getText()).includes('外国提供の根拠なし'), 'the foreign tier is flagged');
  await (await app.$(tierRow).$('button.name')).click();
  await app.waitForText('sharing-flags', '外国にある第三者への提供');
  await app.screenshot('foreign-tier-flagged');

  // ---- recording its transfer: consent needs what the person was told ----
  await app.click('sc-add-transfer');
  await app.waitFor('transfer-form');
  checkEqual(await app.value('tr-recipient'), 'Lion City Claims Review Pte. Ltd.', 'recipient taken from the tier');
  checkEqual(await app.value('tr-country'), 'SG', 'country taken from the tier');
  await choose(app, 'tr-basis', 'consent');
  await app.click('tr-add-item');
  await fill(app, 'field-items-0', '氏名');
  await app.click('tr-save');
  await app.waitForText('error-informationGiven-countrySystem', '入力してください');
  await app.waitForText('error-informationGiven-givenOn', '入力してください');
  await scrollIntoView(app, 'tr-informationGiven-countrySystem');
  await app.screenshot('consent-needs-information');
  await fill(app, 'tr-informationGiven-countrySystem', 'シンガポールには個人情報保護法（PDPA）があり、個人情報保護委員会（PDPC）が所管しています。');
  await fill(app, 'tr-informationGiven-recipientMeasures', '提供先は契約により、利用目的の制限、安全管理措置及び再提供の禁止を遵守します。');
  await setDate(app, 'tr-informationGiven-givenOn', '2026-02-01');
  await fill(app, 'tr-informationGiven-method', '海外療養費支給申請書の同意欄');
  await app.click('tr-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('transfer-detail');
  check((await app.text('tr-subcontractor-link')).includes('Lion City'), 'the transfer links to its subcontractor');
  await app.screenshot('consent-transfer');
  await app.click('tr-subcontractor-link');
  await app.waitFor('subcontractor-detail');
  check(!(await app.$('css=[data-testid="sharing-flags"]').isExisting()), 'the flag is cleared by the transfer');
  check((await app.text('sc-transfers')).includes('TR-0004'), 'the subcontractor lists its transfer');

  // ---- links from the holding, and its deletion refused ----
  await app.click('sc-holding-link');
  await app.waitFor('holding-detail');
  await app.waitFor('holding-sharing');
  check((await app.text('holding-transfers')).includes('TR-0001'), 'the holding lists its transfers');
  check((await app.text('holding-subcontractors')).includes('Pacific Medical Translations'), 'the holding lists its subcontractors');
  await scrollIntoView(app, 'holding-sharing');
  await app.screenshot('holding-links');
  await app.click('holding-delete');
  await app.click('confirm-ok');
  const refusal = await app.waitForText('css=[data-testid="confirm-dialog"] [role="alert"]', '削除できません');
  check(refusal.includes('TR-0001') && refusal.includes(tier.reference), `the refusal names the links (got ${refusal})`);
  await app.screenshot('holding-delete-refused');
  await app.click('confirm-cancel');
  await app.waitForGone('confirm-dialog');
  await (await app.$('css=[data-testid="holding-transfers"] button')).click();
  await app.waitFor('transfer-detail');

  // ---- English ----
  await app.click('lang-en');
  await app.click('nav-transfers');
  await app.waitForText(rowSelector('TR-0001'), 'Periodic check overdue');
  await app.screenshot('list-en');
}
