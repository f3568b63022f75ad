// Printed registers from the real window: the demo register's ledger as PDF and XLSX, a
// decision notice for the decided request, "open in the viewer", and the English screen and
// document. The native GTK save dialog cannot be driven through WebDriver, so the app runs
// with DAICHO_E2E_SAVE_DIR: `print_document` then writes into that folder under the name the
// dialog would have suggested, and `open_printed` checks the file without starting a viewer
// (src-tauri/src/commands/print.rs). Every file is checked with poppler, and the first page
// of each PDF is rendered next to the screenshots.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SCREENSHOT_DIR } from '../lib.mjs';
import { check, checkEqual, fill } from '../steps.mjs';

export const timeoutMs = 240_000;

export function prepare({ dir, env }) {
  const out = join(dir, 'printed');
  mkdirSync(out);
  env.DAICHO_E2E_SAVE_DIR = out;
}

/** Text of a PDF as poppler extracts it, whitespace removed (cells wrap). */
function pdfText(path) {
  return execFileSync('pdftotext', ['-raw', path, '-'], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString('utf8')
    .replace(/[\s\u00ad\u200b]/g, '');
}

/** The first page as a PNG beside the window screenshots, to look at. */
function renderFirstPage(path, label) {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join(SCREENSHOT_DIR, `070-print-pdf-${label}`)], {
    stdio: 'ignore',
  });
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

export default async function print(app) {
  await app.click('load-demo');
  await app.waitForText('org-title', 'みらい健康保険組合');
  await app.waitFor('dashboard');
  await app.click('nav-print');
  await app.waitFor('print-doc-ledger');
  check(
    (await app.text('print-doc-fileRegister')).includes('行政機関・地方公共団体の機関のみが作成します'),
    'the file register says it is for public bodies',
  );
  await app.screenshot('screen-ja');

  // ---- the ledger as PDF, in Japanese ----
  const ledger = await printAndWait(app);
  checkEqual(basename(ledger).replace(/-\d{8}\.pdf$/, ''), '個人情報管理台帳', 'suggested file name');
  checkEqual(readFileSync(ledger).subarray(0, 5).toString(), '%PDF-', 'a PDF');
  const text = pdfText(ledger);
  for (const heading of ['個人情報管理台帳', '管理番号', '個人情報の項目', '利用目的', '保管期限', '最終確認日', '被保険者・被扶養者台帳']) {
    check(text.includes(heading), `the printed ledger shows ${heading}`);
  }
  const fonts = execFileSync('pdffonts', [ledger], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  check(fonts.includes('NotoSansCJKjp-Regular'), 'the Japanese font is embedded');
  renderFirstPage(ledger, 'ledger-ja');
  await app.waitForText('print-result', '保存しました');
  await app.screenshot('ledger-printed');

  // ---- open in the viewer (the test hook checks the file and starts nothing) ----
  await app.click('print-open');
  await app.waitForText('toast', '既定のアプリで開きました');

  // ---- the same list as XLSX ----
  await app.click('css=[data-testid="print-format-xlsx"] input');
  const xlsx = await printAndWait(app);
  check(xlsx.endsWith('.xlsx'), 'an .xlsx file');
  checkEqual(readFileSync(xlsx).subarray(0, 2).toString(), 'PK', 'a zip container');

  // ---- a decision notice: PDF only, for the decided request ----
  await app.click('css=[data-testid="print-doc-decisionNotice"] input');
  await app.waitFor('print-request');
  check(
    !(await app.$('css=[data-testid="print-format-csv"] input').isEnabled()),
    'CSV is not offered for a letter',
  );
  await app.screenshot('decision-notice');
  const notice = await printAndWait(app);
  const noticeText = pdfText(notice);
  for (const item of ['開示請求に対する決定通知書', '決定の内容', '一部開示（一部認容）', '適用条項', '理由', 'R-0001']) {
    check(noticeText.includes(item), `the notice shows ${item}`);
  }
  renderFirstPage(notice, 'notice-ja');

  // ---- the extract for one person: refused until the person is given ----
  await app.click('css=[data-testid="print-doc-provisionExtract"] input');
  await app.waitFor('print-person');
  check(!(await app.$('css=[data-testid="print-submit"]').isEnabled()), 'no extract without a person');
  await fill(app, 'print-person', '山本 健一');
  await app.click('css=[data-testid="print-format-pdf"] input');
  await app.screenshot('extract');
  const extractText = pdfText(await printAndWait(app));
  check(extractText.includes('山本健一'), 'the extract names the person');

  // ---- the breach report for the demo's reportable incident ----
  await app.click('css=[data-testid="print-doc-breachReport"] input');
  await app.waitFor('print-incident');
  check(!(await app.$('css=[data-testid="print-person"]').isExisting()), 'the person field is gone');
  await app.screenshot('breach-report');
  const report = await printAndWait(app);
  const reportText = pdfText(report);
  for (const item of ['I-0001', '概要', '漏えい等が発生し', 'その他参考となる事項']) {
    check(reportText.includes(item), `the breach report shows ${item}`);
  }
  renderFirstPage(report, 'breach-report-ja');

  // ---- English: the screen and the document ----
  await app.click('lang-en');
  await app.waitForText('print-submit', 'Choose where to save and print');
  await app.click('css=[data-testid="print-doc-ledger"] input');
  await app.click('css=[data-testid="print-lang-en"] input');
  await app.click('css=[data-testid="print-format-pdf"] input');
  await app.screenshot('screen-en');
  const english = await printAndWait(app);
  checkEqual(basename(english).replace(/-\d{8}\.pdf$/, ''), 'personal-information-ledger', 'English file name');
  const englishText = pdfText(english);
  for (const heading of ['PersonalInformationManagementLedger', 'LedgerID', 'Purposesofuse', 'Lastannualreview']) {
    check(englishText.includes(heading), `the English ledger shows ${heading}`);
  }
  renderFirstPage(english, 'ledger-en');
  await app.waitForText('print-result', 'Saved');
  await app.screenshot('ledger-printed-en');
}
