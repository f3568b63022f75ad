// Japanese dates under a C locale: the app is started with LANG=C/LC_ALL=C, where
// `<input type="date">` would have shown and expected mm/dd/yyyy. The demo register (a private
// operator) switches on era dates in the settings; a complaint is received on 令和8年4月1日
// (typed as such), an action is dated R8.4.1, and both show as 令和8年4月1日; a Heisei date
// after Heisei ended is refused under the field, naming the era, and nothing is recorded.
// Then the grouped sidebar at 1280×800 and 1024×768: every entry inside the window.
import { check, checkEqual, fill, invoke } from '../steps.mjs';

export const env = { LANG: 'C', LC_ALL: 'C', LANGUAGE: '' };

/** Types `text` into a date field and leaves it (Tab), as an officer would. */
async function typeDate(app, testid, text) {
  const el = await app.waitFor(testid);
  await el.click();
  await app.browser.execute((e) => e.select(), el);
  await app.browser.keys(['Backspace']);
  await el.addValue(text);
  await app.browser.keys(['Tab']);
}

/** Every sidebar entry lies inside the window (nothing cut off below). */
async function sidebarFits(app, what) {
  const cut = await app.browser.execute(() =>
    Array.from(document.querySelectorAll('nav [data-testid^="nav-"]'))
      .filter((b) => b.getBoundingClientRect().bottom > window.innerHeight)
      .map((b) => b.getAttribute('data-testid')),
  );
  checkEqual(JSON.stringify(cut), '[]', `sidebar entries cut off at ${what}`);
}

export default async function japaneseDates(app) {
  await app.click('load-demo');
  await app.waitFor('dashboard');

  // ---- the organisation chooses era dates ----
  await app.click('nav-settings');
  const era = await app.waitFor('settings-era-dates');
  check(!(await era.isSelected()), 'a private operator starts without era dates');
  await era.click();
  await app.waitForText('toast', '日付の表示を保存しました');
  checkEqual((await invoke(app, 'startup_status')).eraDates, true, 'era dates stored in the register');

  // ---- a complaint received on 令和8年4月1日, typed in the era form ----
  await app.click('nav-complaints');
  await app.waitFor('complaints-list');
  await app.click('new-complaint');
  await app.waitFor('complaint-form');
  // The form fills today in (a value, shown in the era); nothing greyed stands in for a date.
  check((await app.value('complaint-receivedOn')).startsWith('令和'), 'today shown as an era date');
  check(!(await (await app.waitFor('complaint-receivedOn')).getAttribute('placeholder')), 'no placeholder date');
  await typeDate(app, 'complaint-receivedOn', '令和8年4月1日');
  checkEqual(await app.value('complaint-receivedOn'), '令和8年4月1日', 'the era date as typed and shown');
  await typeDate(app, 'complaint-receivedOn', '2026/4/1');
  checkEqual(await app.value('complaint-receivedOn'), '令和8年4月1日', 'a Gregorian date shown in the era');
  await (await app.waitFor('complaint-channel')).selectByAttribute('value', 'email');
  await fill(app, 'complaint-complainant', '森 健太');
  await fill(app, 'complaint-subject', '退会後もメールマガジンが届く');
  await fill(app, 'complaint-description', '資格を喪失した後も、メールマガジンが届くとの申出');
  await app.click('pick-holding-H-0007');
  await app.screenshot('complaint-era-date');
  await app.click('complaint-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('complaint-detail');
  check((await app.text('complaint-detail')).includes('令和8年4月1日'), 'the detail shows the era date');
  const stored = (await invoke(app, 'list_complaints')).find((c) => c.complaint.subject === '退会後もメールマガジンが届く');
  checkEqual(stored.complaint.receivedOn, '2026-04-01', 'stored as the ISO date');

  // ---- a Heisei date after Heisei ended is refused under the field, nothing recorded ----
  await app.click('complaint-add-action');
  await app.waitFor('cpanel-action');
  await typeDate(app, 'cstep-action-on', 'H31.5.1');
  const problem = await app.waitForText('date-problem-cstep-action-on', '平成の期間外');
  check(problem.includes('2019年4月30日'), `the era's last day is named (got ${problem})`);
  check(!/[a-z]{4,}/.test(problem), `no English in the Japanese message (got ${problem})`);
  await fill(app, 'cstep-action-by', '保健事業グループ 佐々木');
  await fill(app, 'cstep-action-description', '配信リストの抽出条件を確認');
  await app.click('cstep-submit');
  await app.screenshot('era-refused');
  const before = (await invoke(app, 'list_complaints')).find((c) => c.complaint.id === stored.complaint.id);
  checkEqual(before.complaint.actions.length, 0, 'nothing recorded with an unread date');

  // ---- R8.4.1 is read and shown in the era ----
  await typeDate(app, 'cstep-action-on', 'R8.4.1');
  checkEqual(await app.value('cstep-action-on'), '令和8年4月1日', 'R8.4.1 shown in the era');
  await app.click('cstep-submit');
  await app.waitForText('toast', '記録しました');
  check((await app.text('complaint-action')).includes('令和8年4月1日'), 'the action shows the era date');
  const after = (await invoke(app, 'list_complaints')).find((c) => c.complaint.id === stored.complaint.id);
  checkEqual(after.complaint.actions[0].on, '2026-04-01', 'the action stored as the ISO date');
  await app.screenshot('action-era-date');

  // ---- the sidebar at 1280×800 and 1024×768 ----
  await app.browser.setWindowSize(1280, 800);
  await sidebarFits(app, '1280×800');
  await app.screenshot('sidebar-1280x800');
  await app.browser.setWindowSize(1024, 768);
  await sidebarFits(app, '1024×768');
  await app.screenshot('sidebar-1024x768');

  // ---- the shortcuts: `?` opens their list, Alt+H the holdings ----
  await app.browser.execute(() => document.activeElement?.blur());
  await app.browser.keys(['?']);
  await app.waitFor('shortcut-help');
  await app.screenshot('shortcut-help');
  await app.click('shortcut-help-close');
  await app.waitForGone('shortcut-help');
}
