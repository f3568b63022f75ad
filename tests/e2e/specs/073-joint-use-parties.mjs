// A joint use with two responsible parties and an inquiry contact (APPI art. 27(5)(iii)): the
// second party added in the form, saved, both shown on the page and printed in the notice, in
// Japanese and English. Printing runs with DAICHO_E2E_SAVE_DIR like 070-print.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from '../lib.mjs';
import { check, checkEqual, fill, invoke, scrollIntoView } from '../steps.mjs';

export const timeoutMs = 240_000;

export function prepare({ dir, env }) {
  const out = join(dir, 'printed');
  mkdirSync(out);
  env.DAICHO_E2E_SAVE_DIR = out;
}

function pdfText(path) {
  return execFileSync('pdftotext', ['-raw', path, '-'], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString('utf8')
    .replace(/[\s\u00ad\u200b]/g, '');
}

async function printAndWait(app) {
  const before = (await app.$('css=[data-testid="print-result"]').isExisting())
    ? await app.$('css=[data-testid="print-result"]').getAttribute('data-path')
    : null;
  await app.click('print-submit');
  await app.waitUntil(
    async () => {
      const result = app.$('css=[data-testid="print-result"]');
      return (await result.isExisting()) && (await result.getAttribute('data-path')) !== before;
    },
    { message: 'a new print result', timeout: 60_000 },
  );
  const path = await app.$('css=[data-testid="print-result"]').getAttribute('data-path');
  check(existsSync(path), `the printed file exists: ${path}`);
  return path;
}

/** Sets a select's value the way the page sees it (WebKit's popup is not drawn under Xvfb). */
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
}

export default async function jointUseParties(app) {
  await app.click('load-demo');
  await app.waitFor('dashboard');
  // A holding without Individual Numbers: the Number Act refuses joint use of the others.
  const holdings = await invoke(app, 'list_holdings');
  const plain = holdings.find((h) => !h.dataItems.some((i) => i.myNumber));

  await app.click('nav-jointUses');
  await app.waitFor('joint-use-row');
  await app.click('new-joint-use');
  await app.waitFor('joint-use-form');
  await fill(app, 'ju-title', '保養所利用の共同利用');
  await fill(app, 'ju-terms-factStatement', '当組合は、契約保養所の運営会社と以下のとおり個人データを共同して利用します。');
  await app.click('ju-add-item');
  await fill(app, 'field-terms-items-0', '氏名、被保険者記号・番号、利用日');
  await fill(app, 'ju-terms-usersRange', '当組合及び株式会社みなと保養ホテルズ');
  await app.click('ju-add-purpose');
  await fill(app, 'ju-terms-purposes-0-user', '株式会社みなと保養ホテルズ');
  await fill(app, 'ju-terms-purposes-0-purpose', '保養所の予約受付と利用補助の精算');

  // The first party, then a second one added in the form.
  await fill(app, 'ju-terms-responsibleParties-0-name', 'みらい健康保険組合');
  await fill(app, 'ju-terms-responsibleParties-0-representative', '理事長 田中 修');
  await fill(app, 'ju-terms-responsibleParties-0-address', '東京都港区芝公園四丁目2番8号 みらいビル5階');
  await app.click('ju-add-party');
  await fill(app, 'ju-terms-responsibleParties-1-name', '株式会社みなと保養ホテルズ');
  await fill(app, 'ju-terms-responsibleParties-1-representative', '代表取締役 海野 渚');
  await fill(app, 'ju-terms-responsibleParties-1-address', '静岡県熱海市東海岸町1番1号');
  await fill(app, 'ju-inquiryContact', 'みらい健康保険組合 総務グループ（電話 03-0000-1234）');
  await app.click(`pick-holding-${plain.ledgerNo}`);
  await scrollIntoView(app, 'ju-parties');
  await app.screenshot('form-two-parties');

  await app.click('ju-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('joint-use-detail');
  check((await app.text('ju-responsible-0')).includes('みらい健康保険組合'), 'the first party on the page');
  check((await app.text('ju-responsible-1')).includes('株式会社みなと保養ホテルズ'), 'the second party on the page');
  check((await app.text('ju-responsible-1')).includes('静岡県熱海市東海岸町1番1号'), 'its address');
  check((await app.text('ju-inquiry-contact')).includes('総務グループ'), 'the inquiry contact on the page');
  check(!(await app.$('css=[data-testid="sharing-flags"]').isExisting()), 'no statutory item missing');
  await scrollIntoView(app, 'ju-responsible');
  await app.screenshot('detail-two-parties');
  const views = await invoke(app, 'list_joint_uses');
  const saved = views.find((v) => v.jointUse.title === '保養所利用の共同利用').jointUse;
  checkEqual(saved.terms.responsibleParties.length, 2, 'two parties stored');

  // ---- the printed notice ----
  await app.click('nav-print');
  await app.click('css=[data-testid="print-doc-jointUseNotice"] input');
  await choose(app, 'print-joint-use', String(saved.id));
  await app.screenshot('print-screen');
  const ja = pdfText(await printAndWait(app));
  for (const text of [
    '（1）',
    '氏名又は名称：みらい健康保険組合',
    '（2）',
    '氏名又は名称：株式会社みなと保養ホテルズ',
    '代表者の氏名：代表取締役海野渚',
    'お問合せ窓口',
    'みらい健康保険組合総務グループ（電話03-0000-1234）',
  ]) {
    check(ja.includes(text.replace(/\s/g, '')), `the printed notice shows ${text}`);
  }
  const jaPath = await app.$('css=[data-testid="print-result"]').getAttribute('data-path');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', jaPath, join(SCREENSHOT_DIR, '073-joint-use-parties-pdf-ja')], { stdio: 'ignore' });

  // ---- English ----
  await app.click('lang-en');
  await app.waitFor('print-doc-jointUseNotice');
  await app.click('css=[data-testid="print-lang-en"] input');
  const en = pdfText(await printAndWait(app));
  for (const text of ['(1)', 'Name:みらい健康保険組合', '(2)', 'Name:株式会社みなと保養ホテルズ', 'Inquiries']) {
    check(en.includes(text), `the English notice shows ${text}`);
  }
  const enPath = await app.$('css=[data-testid="print-result"]').getAttribute('data-path');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', enPath, join(SCREENSHOT_DIR, '073-joint-use-parties-pdf-en')], { stdio: 'ignore' });
  await app.click('nav-jointUses');
  await app.waitForText('css=[data-testid="joint-uses-list"] thead', 'Responsible party');
  await (await (await app.waitFor(`css=[data-testid="joint-use-row"][data-reference="${saved.reference}"]`)).$('button.name')).click();
  await app.waitFor('joint-use-detail');
  await app.screenshot('detail-en');
}
