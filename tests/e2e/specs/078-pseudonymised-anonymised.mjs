// Pseudonymised (APPI art. 41) and anonymised (art. 43) information on the demo register: the
// society's pseudonymised claims data with its published purposes; new anonymised information
// produced but its items not yet published (art. 43(3)), flagged as such; a provision whose
// items and method were published after it was made refused with the field named in Japanese
// (art. 43(4) wants the publication in advance), nothing stored; fixed and saved; flagged in
// the data-quality panel; English.
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

const NAME = '健診結果分析用 匿名加工データ';

export default async function processedInformation(app) {
  await app.click('load-demo');
  await app.waitForText('toast', 'デモ台帳を読み込みました');
  await app.waitFor('dashboard');

  // ---- the demo's pseudonymised information, purposes published ----
  await app.click('nav-pseudonymised');
  await app.waitFor('css=[data-testid="section-list"][data-kind="pseudonymised"]');
  checkEqual((await app.browser.$$('[data-testid="section-row"]')).length, 1, 'the demo holds one');
  checkEqual((await app.browser.$$('[data-testid="row-unpublished"]')).length, 0, 'its purposes are published');
  await app.screenshot('pseudonymised-list');

  // ---- new anonymised information: produced, items not yet published ----
  await app.click('tab-anonymised');
  await app.waitFor('css=[data-testid="section-list"][data-kind="anonymised"]');
  checkEqual((await invoke(app, 'list_anonymised_information')).length, 1, 'the demo produced one');
  await app.click('section-new');
  await app.waitFor('section-form');
  await fill(app, 'section-name', NAME);
  await app.click('add-items');
  await fill(app, 'field-items-0', '性別');
  await app.click('add-items');
  await fill(app, 'field-items-1', '年齢階級');
  await setDate(app, 'section-producedOn', '2026-04-01');
  await fill(app, 'section-processingSecurity', '加工方法等情報は作成担当者のみ閲覧可');

  // ---- a provision published after it was made: refused, the field named in Japanese ----
  await app.click('add-provision');
  await fill(app, 'section-provisions-0-recipient', 'みらい大学 公衆衛生学教室');
  await fill(app, 'section-provisions-0-method', '暗号化した電子ファイルの送付');
  await setDate(app, 'section-provisions-0-providedOn', '2026-05-10');
  await setDate(app, 'section-provisions-0-publishedOn', '2026-05-12');
  await app.click('section-provisions-0-statedToRecipient');
  await app.click('section-save');
  await app.waitForText('error-provisions-0-publishedOn', 'あらかじめ');
  await app.waitForText('form-errors', '項目・提供方法の公表日（1件目）');
  await app.screenshot('provision-refused');
  checkEqual((await invoke(app, 'list_anonymised_information')).length, 1, 'nothing stored after the refusal');

  // ---- published in advance: saved, and flagged until its items are published ----
  await setDate(app, 'section-provisions-0-publishedOn', '2026-05-01');
  await app.click('section-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('section-detail');
  checkEqual(await app.text('section-title'), NAME, 'the record opened');
  await app.waitForText('badge-unpublished', '項目 未公表');
  check((await app.text('value-provisions')).includes('みらい大学 公衆衛生学教室'), 'the provision is shown');
  const stored = (await invoke(app, 'list_anonymised_information')).find((a) => a.name === NAME);
  check(stored, 'the record is stored');
  checkEqual(stored.provisions[0].publishedOn, '2026-05-01', 'the fixed publication day');
  checkEqual(stored.itemsPublishedOn, null, 'items not yet published');
  await app.screenshot('anonymised-saved');

  // The data-quality panel lists it too, linking to the record.
  await app.click('nav-quality');
  await app.waitFor('quality-panel');
  await app.waitForText(`css=[data-testid="finding"][data-rule="anonymisedItemsUnpublished"]`, '含まれる項目が公表されていません');
  await app.waitFor(`finding-open-anonymisedInformation-${stored.id}`);
  await app.browser.execute(() => document.querySelector('[data-rule="anonymisedItemsUnpublished"]')?.scrollIntoView({ block: 'center' }));
  await app.screenshot('quality-flagged');

  await app.click('nav-pseudonymised');
  await app.click('tab-anonymised');
  await app.waitFor('css=[data-testid="section-list"][data-kind="anonymised"]');
  const flagged = await app.browser.$$('[data-testid="row-unpublished"]');
  checkEqual(flagged.length, 1, 'only the new record is flagged');
  await app.screenshot('anonymised-list-flagged');

  await app.click('lang-en');
  await app.waitForText('css=[data-testid="section-list"]', 'Items not yet published');
  await app.screenshot('anonymised-list-en');
  await app.click('lang-ja');
}
