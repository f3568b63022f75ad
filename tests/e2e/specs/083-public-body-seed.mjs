// A public body (行政機関等) from the first-run screen: the seed register 000 (the health
// ministry's quarantine and health monitoring, a national organ) is chosen and loaded. Its
// holding shows the statutory duties it serves (検疫法第16条の2, APPI art. 61(1)) and the
// purposes and sources kept per information type. A provision record made on a private
// operator's basis (art. 27 consent) is refused on 提供の根拠 with the regime's wording and
// nothing is stored; made on art. 69(2)(iii) (provision to another public body) it saves and
// shows its ground. A new holding gets purposes and sources of its own on one data item.
// The printed documents are checked in tests/public_bodies.rs and tests/seeds.rs.
import { check, checkEqual, fill, invoke } from '../steps.mjs';

async function select(app, testid, value) {
  await (await app.waitFor(testid)).selectByAttribute('value', value);
}

export default async function publicBodySeed(app) {
  await app.waitFor('first-run');
  await select(app, 'demo-seed', 'quarantine');
  await app.screenshot('first-run-seed');
  await app.click('load-demo');
  await app.waitFor('dashboard');
  const status = await invoke(app, 'startup_status');
  checkEqual(status.organisation?.regime, 'nationalOrgan', 'the seed is a national organ');
  checkEqual(status.organisation?.name, '厚生労働省', 'the ministry is the organisation');

  // ---- the seed's holding: duties and the per-item table ----
  await app.click('nav-holdings');
  const row = await app.waitFor('css=[data-testid="holding-row"][data-ledger-no="H-0001"]');
  await (await row.$('td:nth-child(3)')).click();
  await app.waitForText('holding-duty-basis', '検疫法第16条の2');
  await app.waitForText('item-detail-6', '国税庁');
  const detail = await app.text('item-detail-1');
  check(detail.includes('旅券') || detail.includes('本人確認'), `passport item has its purposes (${detail})`);
  await app.screenshot('holding-duties-and-items');

  // ---- a provision on a private operator's basis: refused, nothing stored ----
  await app.click('nav-provision');
  await app.waitFor('css=[data-testid="section-list"][data-kind="provision"]');
  const before = (await invoke(app, 'list_provision_records')).length;
  await app.click('section-new');
  await app.waitFor('section-form');
  checkEqual(await app.value('section-basis'), 'publicBody', 'a public body starts on art. 69');
  await app.waitFor('section-publicGround');
  await fill(app, 'section-counterpartyName', '横浜市○○保健所');
  await app.click('add-items');
  await fill(app, 'field-items-0', '健康情報');
  await fill(app, 'section-personsDescription', '発熱を報告した入国者1名');
  await select(app, 'section-basis', 'consent');
  await app.waitForGone('section-publicGround');
  await app.click('section-consentObtained');
  await app.click('section-save');
  await app.waitForText('error-basis', '法第69条');
  await app.screenshot('private-basis-refused');
  checkEqual((await invoke(app, 'list_provision_records')).length, before, 'nothing stored after the refusal');

  // ---- on art. 69(2)(iii): saved, with its ground ----
  await select(app, 'section-basis', 'publicBody');
  await select(app, 'section-publicGround', 'otherPublicBody');
  await app.screenshot('art-69-ground');
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('section-detail');
  const shown = await app.text('section-detail');
  check(shown.includes('第69条第2項第3号'), `the detail shows the ground (${shown.slice(0, 200)})`);
  checkEqual((await invoke(app, 'list_provision_records')).length, before + 1, 'one record added');
  await app.screenshot('art-69-saved');

  // ---- English ----
  await app.click('lang-en');
  await app.waitForText('section-detail', 'Art. 69(2)(iii)');
  await app.screenshot('art-69-saved-en');
  await app.click('lang-ja');

  // ---- a new holding with purposes and sources on one item ----
  await app.click('nav-holdings');
  await app.click('new-holding');
  await app.waitFor('holding-form');
  await fill(app, 'field-name', '検疫所職員の健康管理記録');
  await fill(app, 'field-department', '医薬局 検疫所業務課');
  await fill(app, 'field-dutyBasis', '国家公務員法第73条');
  await fill(app, 'field-dataItems-0-name', '健診結果');
  await app.click('item-detail-0');
  await app.click('add-item-purpose-0');
  await fill(app, 'field-dataItems-0-purposes-0', '職員の健康管理のため');
  await app.click('add-item-source-0');
  await fill(app, 'field-dataItems-0-sources-0', '健診機関から');
  await fill(app, 'field-purposes-0', '職員の健康管理');
  await app.screenshot('holding-item-purposes-form');
  await app.click('holding-save');
  await app.waitForText('toast', '保存しました');
  await app.waitForText('item-detail-0', '健診機関から');
  await app.waitForText('holding-duty-basis', '国家公務員法第73条');
  await app.screenshot('holding-item-purposes-saved');
  const holdings = await invoke(app, 'list_holdings');
  const saved = holdings.find((h) => h.name === '検疫所職員の健康管理記録');
  checkEqual(saved?.dataItems[0]?.purposes?.[0], '職員の健康管理のため', 'the item purpose is stored');
}
