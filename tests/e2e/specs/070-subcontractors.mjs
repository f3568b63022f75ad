// The demo register's subcontracting chains in the real window: the tree (indentation,
// collapse), a tier's flags explained, a tier with sub-tiers refused deletion and moving, a
// sub-tier added through the form (inline errors first), then the same screens in English.
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

const rowSelector = (reference) => `css=[data-testid="subcontractor-row"][data-reference="${reference}"]`;

function visibleReferences(app) {
  return app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="subcontractor-row"]')).map((r) => r.getAttribute('data-reference')),
  );
}

export default async function subcontractors(app) {
  await app.click('load-demo');
  await app.waitForText('toast', 'デモ台帳を読み込みました（8件）');
  await app.waitFor('dashboard');

  // ---- the tree ----
  await app.click('nav-subcontractors');
  await app.waitFor('subcontractor-row');
  const tree = await invoke(app, 'list_subcontractors');
  checkEqual((await visibleReferences(app)).join(','), tree.map((n) => n.subcontractor.reference).join(','), 'rows in tree order');
  const cloud = tree.find((n) => n.subcontractor.classification === 'cloudProvider');
  check(cloud && cloud.depth === 1 && cloud.parentReference === 'SC-0001', 'the cloud host sits under the system vendor');
  checkEqual(await app.$(rowSelector(cloud.subcontractor.reference)).getAttribute('data-depth'), '1', 'depth of the cloud row');
  const lab = tree.find((n) => n.subcontractor.name === '株式会社関東臨床ラボ');
  check(lab.findings.some((f) => f.rule === 'subcontractorWithoutConsent'), 'the lab has no consent recorded');
  check(
    (await app.text(rowSelector(lab.subcontractor.reference))).includes('承諾未記録'),
    'the lab row carries the no-consent badge',
  );
  check(
    (await app.text(rowSelector(cloud.subcontractor.reference))).includes('点検期限超過'),
    'the cloud row carries the overdue badge',
  );
  await app.screenshot('tree');

  // Collapsing the vendor hides its sub-tier; expanding shows it again.
  await (await (await app.waitFor(rowSelector('SC-0001'))).$('[data-testid="tree-toggle"]')).click();
  await app.waitUntil(async () => !(await visibleReferences(app)).includes(cloud.subcontractor.reference), {
    message: 'the sub-tier to be hidden',
  });
  await app.screenshot('tree-collapsed');
  await (await app.$(rowSelector('SC-0001')).$('[data-testid="tree-toggle"]')).click();
  await app.waitFor(rowSelector(cloud.subcontractor.reference));

  // ---- a flagged tier ----
  await (await app.$(rowSelector(lab.subcontractor.reference)).$('button.name')).click();
  await app.waitFor('subcontractor-detail');
  await app.waitForText('sharing-flags', '事前の承諾・承認の記録がありません');
  check((await app.text('sc-parent')).includes('新都心健診会'), 'the lab links to the tier that entrusted it');
  check((await app.text('sc-approval')).includes('承諾の記録がありません'), 'the consent line says it is missing');
  await app.screenshot('flagged-tier');

  // ---- the parent: refused deletion and refused move ----
  await app.click('sc-parent');
  await app.waitForText('detail-name', '医療法人社団 新都心健診会');
  check((await app.text('sc-children')).includes('関東臨床ラボ'), 'the parent lists its sub-tier');
  await app.click('sc-delete');
  await app.waitFor('confirm-dialog');
  await app.click('confirm-ok');
  const refusal = await app.waitForText('css=[data-testid="confirm-dialog"] [role="alert"]', '削除できません');
  check(refusal.includes(lab.subcontractor.reference), `the refusal names the sub-tier (got ${refusal})`);
  await app.screenshot('delete-refused');
  await app.click('confirm-cancel');
  await app.waitForGone('confirm-dialog');

  await app.click('sc-edit');
  await app.waitFor('subcontractor-form');
  const vendorId = tree.find((n) => n.subcontractor.reference === 'SC-0001').subcontractor.id;
  await choose(app, 'sc-parentId', String(vendorId));
  await app.click('sc-save');
  const moveError = await app.waitForText('error-parentId', '委託元を変更できません');
  check(moveError.length > 0, 'the move is refused inline');
  await scrollIntoView(app, 'sc-parentId');
  await app.screenshot('move-refused');
  await app.click('sc-cancel');
  await app.waitFor('subcontractor-detail');

  // ---- a new sub-tier under the system vendor, through the form ----
  await app.click('nav-subcontractors');
  await (await (await app.waitFor(rowSelector('SC-0001'))).$('button.name')).click();
  await app.waitForText('detail-name', '株式会社みなとシステムズ');
  await app.click('sc-add-child');
  await app.waitFor('subcontractor-form');
  await app.click('sc-save');
  await app.waitForText('error-name', '入力してください');
  await fill(app, 'sc-name', '株式会社データ保守サービス');
  await fill(app, 'sc-representative', '代表取締役 原田 剛');
  await choose(app, 'sc-classification', 'systemVendor');
  await fill(app, 'sc-workDescription', '基幹システムの障害対応（リモート保守）');
  // Only the vendor's items are offered; the holdings it was not entrusted do not appear.
  check(!(await app.$('css=[data-testid="sc-holding-H-0005"]').isExisting()), 'no items outside the parent tier');
  await app.click('sc-item-H-0001-氏名');
  await app.click('sc-item-H-0001-被保険者記号・番号');
  await app.click('sc-approval-on');
  await fill(app, 'sc-approval-approvedBy', '常務理事 鈴木 花子');
  await fill(app, 'sc-approval-note', '再委託承認書 R7-09号');
  await app.screenshot('new-sub-tier');
  await app.click('sc-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('subcontractor-detail');
  check((await app.text('sc-parent')).includes('みなとシステムズ'), 'the new tier sits under the vendor');
  check((await app.text('sc-entrusted-list')).includes('被保険者記号・番号'), 'the entrusted items are shown');
  check(!(await app.$('css=[data-testid="sharing-flags"]').isExisting()), 'the new tier raises no flag');
  await app.waitFor('history-entry');
  await app.screenshot('new-sub-tier-saved');

  const after = await invoke(app, 'list_subcontractors');
  const added = after.find((n) => n.subcontractor.name === '株式会社データ保守サービス');
  checkEqual(added.depth, 1, 'depth of the new tier');
  checkEqual(added.parentReference, 'SC-0001', 'parent of the new tier');
  const report = await invoke(app, 'verify_register');
  checkEqual(report.brokenLink, null, 'the chain holds');
  checkEqual(report.alteredRecords.length, 0, 'no altered records');

  // ---- English ----
  await app.click('lang-en');
  await app.click('nav-subcontractors');
  await app.waitForText('css=[data-testid="subcontractors-list"] thead', 'Subcontractor');
  check((await app.text(rowSelector(lab.subcontractor.reference))).includes('No consent recorded'), 'English badge');
  await app.screenshot('tree-en');
  await (await app.$(rowSelector(lab.subcontractor.reference)).$('button.name')).click();
  await app.waitForText('sharing-flags', 'There is no record of prior consent');
  await app.screenshot('flagged-tier-en');
}
