// The search across the register (issue 16 item 3). The demo register names 山本 一郎 as a
// complainant and 山本 健一 / 山本 美香 as persons in provision records; a disclosure request
// from 山本 一郎 is added. `/` puts the caret in the search box; 山本 (two characters) finds
// the person in three sections, grouped; 山 (one character) finds them too; the arrow keys
// move through the results and Enter opens the request; Ctrl+K from another screen; a word
// the register does not hold says so; the same in English.
import { check, checkEqual, clearInput, focusedTestid, invoke } from '../steps.mjs';

const REQUEST = {
  reference: '',
  requestType: 'disclosure',
  receivedOn: '2026-04-01',
  channel: 'post',
  requesterName: '山本 一郎',
  requesterContact: '東京都港区1-2-3',
  agent: 'none',
  agentName: '',
  description: '健診結果の開示',
  holdingIds: [],
  requestedMethod: 'writing',
  feeYen: null,
  notes: '',
};

/** The groups shown, in order, each with the titles of its results. */
async function shownGroups(app) {
  return app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid^="search-group-"]')).map((g) => ({
      section: g.getAttribute('data-testid').replace('search-group-', ''),
      titles: Array.from(g.querySelectorAll('[data-testid="search-hit"] .title')).map((e) => e.textContent.trim()),
    })),
  );
}

async function search(app, text) {
  await clearInput(app, 'search-input');
  await (await app.$('search-input')).addValue(text);
  await app.waitUntil(async () => (await app.$('css=[data-testid^="search-group-"], [data-testid="search-none"]').isExisting()), {
    message: `results for ${text}`,
  });
  // The box asks after a short pause; wait until the answer for this text is shown.
  await app.browser.pause(400);
}

export default async function searchAcrossTheRegister(app) {
  await app.click('load-demo');
  await app.waitFor('dashboard');
  const created = await invoke(app, 'create_request', { input: REQUEST });

  // ---- `/` outside a field puts the caret in the box ----
  await app.browser.keys(['/']);
  checkEqual(await focusedTestid(app), 'search-input', 'focus after /');
  await search(app, '山本');
  const groups = await shownGroups(app);
  const sections = groups.map((g) => g.section);
  checkEqual(sections.join(','), 'request,complaint,provisionRecord', 'sections 山本 is found in');
  checkEqual(groups[0].titles.join('|'), `${created.reference} · 山本 一郎`, 'the request found');
  check(groups[1].titles.some((t) => t.includes('山本 一郎')), `the complaint by 山本 一郎 (got ${groups[1].titles})`);
  const headings = await app.text('search-results');
  for (const heading of ['開示等の請求', '苦情', '第三者提供記録']) {
    check(headings.includes(heading), `group heading ${heading}`);
  }
  await app.screenshot('two-characters');

  // One character finds the same person (and more).
  await search(app, '山');
  const one = (await shownGroups(app)).map((g) => g.section);
  for (const section of sections) check(one.includes(section), `山 finds the ${section} too (got ${one})`);

  // ---- keyboard: down to the complaint, up to the request, Enter opens it ----
  await search(app, '山本');
  checkEqual(await app.$('css=[data-testid="search-hit"][aria-selected="true"] .title').getText(), `${created.reference} · 山本 一郎`, 'first result active');
  await app.browser.keys(['ArrowDown']);
  check((await app.$('css=[data-testid="search-hit"][aria-selected="true"] .title').getText()).includes('山本 一郎'), 'the complaint active after ↓');
  const activeId = await app.$('search-input').getAttribute('aria-activedescendant');
  checkEqual(activeId, 'search-result-1', 'the box names the active result');
  await app.browser.keys(['ArrowUp']);
  await app.browser.keys(['Enter']);
  await app.waitFor('request-detail');
  check((await app.text('request-detail')).includes('山本 一郎'), 'Enter opened the request');
  await app.waitForGone('search-results');
  await app.screenshot('request-opened');

  // ---- Ctrl+K from another screen; nothing found is said ----
  await app.click('nav-holdings');
  await app.waitFor('holding-row');
  await app.browser.keys(['Control', 'k']);
  await app.browser.keys(['Control']);
  checkEqual(await focusedTestid(app), 'search-input', 'focus after Ctrl+K');
  await search(app, '該当なし');
  await app.waitForText('search-none', '該当する記録はありません');
  await app.screenshot('nothing-found');
  await app.browser.keys(['Escape']);
  await app.waitForGone('search-results');

  // ---- English ----
  await app.click('lang-en');
  await app.browser.keys(['/']);
  await search(app, '山本');
  const english = await app.text('search-results');
  for (const heading of ['Requests', 'Complaints', 'Provision records']) {
    check(english.includes(heading), `English heading ${heading}`);
  }
  await app.screenshot('english');
}
