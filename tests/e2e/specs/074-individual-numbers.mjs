// Individual Numbers in the real window (Number Act arts. 9, 19): a payroll ledger typed into
// the holding form gains an Individual Number item, the number section appears, saving it
// without the affairs it serves is refused naming the field, the affair and the masking are
// recorded and shown on the page; then a regular recipient on the person's consent linked to
// that ledger is refused with the art. 19 reason, and nothing is stored.
import { check, checkEqual, fill, invoke, registerOrganisation } from '../steps.mjs';

const HOLDING = '給与所得者の扶養控除等申告書';

export default async function individualNumbers(app) {
  await app.waitFor('first-run');
  await registerOrganisation(app, {
    name: '株式会社みなと製作所',
    address: '神奈川県横浜市中区本町1-1',
    representative: '代表取締役 高橋 健',
    regime: 'privateOperator',
  });
  await app.waitFor('dashboard');

  // ---- the holding: an Individual Number item brings the number section ----
  await app.click('nav-holdings');
  await app.click('new-holding');
  await app.waitFor('holding-form');
  await fill(app, 'field-name', HOLDING);
  await fill(app, 'field-department', '人事部');
  await fill(app, 'field-dataItems-0-name', '氏名');
  await app.click('add-data-item');
  await fill(app, 'field-dataItems-1-name', '個人番号');
  check(!(await app.$('number-section').isExisting()), 'no number section before a number item');
  await app.click('field-dataItems-1-myNumber');
  await app.waitFor('number-section');
  await fill(app, 'field-purposes-0', '源泉徴収事務のため');
  await fill(app, 'field-storagePlace', '人事部 施錠キャビネット');

  // Saved without the affairs: refused, naming the field, with the article.
  await app.click('holding-save');
  const error = await app.waitForText('error-numberAffairs', '番号法第9条');
  check(error.includes('個人番号を取り扱う事務'), `the refusal names the affairs (got ${error})`);
  checkEqual((await invoke(app, 'list_holdings')).length, 0, 'nothing stored after the refusal');
  await app.screenshot('affairs-refused');

  await app.click('add-number-affair');
  await (await app.waitFor('field-numberAffairs-0-kind')).selectByAttribute('value', 'related');
  await fill(app, 'field-numberAffairs-0-description', '給与所得の源泉徴収票の作成・提出');
  await (await app.waitFor('field-numberMasking-method')).selectByAttribute('value', 'maskedInCopies');
  await fill(app, 'field-numberMasking-note', '写しは個人番号を黒塗りして保管');
  await app.screenshot('number-section');
  await app.click('holding-save');
  await app.waitForText('toast', '保存しました');
  await app.waitForText('detail-name', HOLDING);
  const numbers = await app.text('holding-numbers');
  check(numbers.includes('個人番号関係事務'), `the affair's kind is shown (got ${numbers})`);
  check(numbers.includes('給与所得の源泉徴収票の作成・提出'), `the affair is shown (got ${numbers})`);
  const [holding] = await invoke(app, 'list_holdings');
  checkEqual(holding.numberAffairs.length, 1, 'one affair stored');
  checkEqual(holding.numberMasking?.method, 'maskedInCopies', 'the masking stored');
  await app.screenshot('holding-numbers');

  // ---- a regular recipient on consent, linked to the ledger: refused by art. 19 ----
  await app.click('nav-provision');
  await app.click('tab-recipients');
  await app.waitFor('css=[data-testid="section-list"][data-kind="recipients"]');
  await app.click('section-new');
  await app.waitFor('section-form');
  await fill(app, 'section-name', '株式会社ベネフィット');
  await fill(app, 'section-purpose', '福利厚生サービスの案内');
  await app.click('add-items');
  await fill(app, 'field-items-0', '氏名');
  await app.click(`pick-holding-${holding.ledgerNo}`);
  await app.click('section-save');
  const refusal = await app.waitForText('error-basis', '番号法第19条');
  check(refusal.includes('本人同意'), `the refusal gives the reason (got ${refusal})`);
  checkEqual((await invoke(app, 'list_recipients')).length, 0, 'nothing stored after the refusal');
  await app.screenshot('recipient-refused');
}
