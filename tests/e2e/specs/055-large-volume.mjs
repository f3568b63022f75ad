// The large-volume special track (開示決定等の期限の特例, APPI art. 84) on a local
// government's register. A disclosure request received on 2026-04-01 (Wed): the ordinary period
// runs from 04-02 for 30 days to 05-01 (Fri, open), by which the notice is due; a substantial
// part is due 60 days from 04-02, 05-31 (Sun), rolled to 06-01 (Mon); the remainder by
// 2026-09-30, the date the organ fixes. A remainder date not after 06-01 is refused first.
import { check, checkEqual, fill, invoke, registerOrganisation } from '../steps.mjs';

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

async function actionsOffered(app) {
  return app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid^="action-"]')).map((b) => b.getAttribute('data-testid')),
  );
}

const REQUEST = {
  reference: '',
  requestType: 'disclosure',
  receivedOn: '2026-04-01',
  channel: 'post',
  requesterName: '鈴木 一郎',
  requesterContact: 'みどり市緑町5-6-7',
  agent: 'none',
  agentName: '',
  description: '平成20年度以降の国民健康保険の給付記録一式',
  holdingIds: [],
  requestedMethod: 'writing',
  feeYen: null,
  notes: '',
};

export default async function largeVolume(app) {
  await registerOrganisation(app, {
    name: 'みどり市',
    address: '東京都みどり市本町1-1',
    representative: '市長 高橋 誠',
    regime: 'localGovernment',
  });
  await app.waitFor('dashboard');
  const created = await invoke(app, 'create_request', { input: REQUEST });

  await app.click('nav-requests');
  await app.waitFor('request-row');
  await (await app.$('css=[data-testid="request-row"] button.ref')).click();
  await app.waitFor('request-detail');
  checkEqual(await app.text('deadline-due-publicDecision'), '令和8年5月1日', 'the ordinary period');
  check((await actionsOffered(app)).includes('action-largeVolume'), 'the special track is offered');
  checkEqual(await app.text('action-largeVolume'), '開示決定等の期限の特例を適用', 'the action label');

  // ---- a remainder date on the substantial part's last day is refused ----
  await app.click('action-largeVolume');
  await app.waitFor('panel-largeVolume');
  await fill(app, 'step-largeVolume-reason', '対象となる給付記録が約3万件に及び、60日以内にすべてを判断すると事務の遂行に著しい支障が生ずるため');
  await setDate(app, 'step-largeVolume-notifiedOn', '2026-04-30');
  await setDate(app, 'step-largeVolume-remainderBy', '2026-06-01');
  await app.click('step-submit');
  const refusal = await app.waitForText('step-error', 'この手続は受け付けられませんでした');
  check(refusal.includes('残りの部分を決定する期限'), `refusal names the field (got ${refusal})`);
  check(
    refusal.includes('相当の部分を決定する期限より後の日にしてください'),
    `refusal says which deadline the date must follow, in Japanese (got ${refusal})`,
  );
  check(!/[a-z]{4,}/.test(refusal), `no English in the Japanese refusal (got ${refusal})`);
  checkEqual((await invoke(app, 'get_request', { id: created.id })).request.largeVolume, null, 'nothing recorded');

  // ---- applied ----
  await setDate(app, 'step-largeVolume-remainderBy', '2026-09-30');
  await app.click('step-submit');
  await app.waitForGone('panel-largeVolume');
  await app.waitFor('deadline-due-publicLargeVolumePart');
  checkEqual(await app.text('deadline-due-publicLargeVolumeNotice'), '令和8年5月1日', 'the notice deadline');
  checkEqual(await app.text('deadline-due-publicLargeVolumePart'), '令和8年6月1日', 'the substantial-part deadline');
  checkEqual(await app.text('deadline-due-publicLargeVolumeRemainder'), '令和8年9月30日', 'the remainder date');
  checkEqual(
    await app.$('css=[data-testid="deadline"][data-rule="publicLargeVolumeNotice"]').getAttribute('data-state'),
    'met',
    'the notice is met on the day it was given',
  );
  check(
    (await app.text('deadline-explanation-publicLargeVolumePart')).includes('令和8年4月1日の翌日から60日'),
    'the substantial part explained',
  );
  check(
    (await app.text('deadline-note-publicLargeVolumeRemainder')).includes('定めて通知した期限'),
    'the remainder explained',
  );
  check((await app.text('request-large-volume')).includes('令和8年9月30日'), 'the record shows the remainder date');
  const offered = await actionsOffered(app);
  check(offered.includes('action-removeLargeVolume'), `the track can be removed (got ${offered.join(',')})`);
  check(!offered.includes('action-extend'), 'no ordinary extension beside the special track');
  await app.screenshot('large-volume');

  const stored = (await invoke(app, 'get_request', { id: created.id })).request;
  checkEqual(stored.largeVolume.remainderBy, '2026-09-30', 'stored remainder date');
  checkEqual(stored.largeVolume.notifiedOn, '2026-04-30', 'stored notice date');
  const kinds = stored.timeline.map((e) => e.kind);
  check(kinds.includes('largeVolumeNotified'), `timeline has the notice (got ${kinds.join(',')})`);

  // ---- in English ----
  await app.click('lang-en');
  await app.waitForText('action-removeLargeVolume', 'Remove the special track');
  checkEqual(await app.text('deadline-due-publicLargeVolumePart'), '1 June 2026', 'the substantial part in English');
  await app.click('lang-ja');
  await app.waitForText('nav-dashboard', 'ダッシュボード');
}
