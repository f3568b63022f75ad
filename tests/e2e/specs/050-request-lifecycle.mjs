// A request from intake to closure on a local government's register: received on
// 2026-04-01, identity check with a pause for missing documents (10–12 April), identity
// confirmed, a decision refused for its date, then decided, answered and closed. The decision
// period is the example: 30 days from the day after 1 April, 3 days paused, ending on
// みどりの日 (4 May) and rolled over the holidays to 7 May.
import { check, checkEqual, fill, invoke, registerOrganisation } from '../steps.mjs';

/** Sets a date input the way the page sees a user's choice (an `input` event). */
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

async function choose(app, testid, value) {
  await (await app.waitFor(testid)).selectByAttribute('value', value);
}

/** Opens a step's panel, fills it, records it and waits for the status it leads to. */
async function step(app, action, fillPanel, status) {
  await app.click(`action-${action}`);
  await app.waitFor(`panel-${action}`);
  await fillPanel();
  await app.click('step-submit');
  if (status) {
    await app.waitUntil(async () => (await app.$('request-status').getAttribute('data-status')) === status, {
      message: `status ${status} after ${action}`,
    });
  }
  await app.waitForGone(`panel-${action}`);
}

async function actionsOffered(app) {
  return app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid^="action-"]')).map((b) => b.getAttribute('data-testid')),
  );
}

const HOLDING = {
  ledgerNo: '',
  name: '住民票の写し等交付請求書',
  department: '市民課',
  businessProcess: '住民票の写し等の交付',
  manager: '市民課長',
  dataItems: [
    { id: null, name: '氏名', sensitive: false, myNumber: false },
    { id: null, name: '住所', sensitive: false, myNumber: false },
  ],
  personsRecorded: '請求者',
  approxCount: 12000,
  acquisitionMethod: 'directWritten',
  acquisitionSources: ['本人'],
  purposes: ['住民票の写し等の交付事務'],
  purposeNotice: ['published'],
  consent: 'notRequired',
  consentNote: '',
  medium: 'paper',
  storagePlace: '市民課 書庫',
  storageMethod: '施錠保管',
  accessHolders: [],
  useDeadline: '',
  retention: null,
  disposalMethod: null,
  disposalNote: '',
  retainedPersonalData: true,
  lastReview: null,
  nextReview: null,
  fileRegister: { regularRecipients: [], withheldItems: [], exemption: '', specialProcedure: '' },
  notes: '',
};

export default async function requestLifecycle(app) {
  await registerOrganisation(app, {
    name: 'みどり市',
    address: '東京都みどり市本町1-1',
    representative: '市長 高橋 誠',
    regime: 'localGovernment',
  });
  await app.waitFor('dashboard');
  await app.waitFor('dashboard-empty');
  const holding = await invoke(app, 'create_holding', { input: HOLDING });

  // ---- intake ----
  await app.click('nav-requests');
  await app.waitFor('requests-empty');
  await app.click('new-request');
  await app.waitFor('request-form');
  const types = await app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="field-requestType"] option')).map((o) => o.value),
  );
  checkEqual(types.join(','), 'disclosure,correction,suspensionOrErasure,stopThirdPartyProvision', 'types a local government receives');
  await app.click('request-save');
  await app.waitForText('error-requesterName', '入力してください');
  check((await app.text('form-errors')).includes('請求者の氏名：入力してください'), 'error summary names the requester field');
  checkEqual((await invoke(app, 'list_requests')).length, 0, 'requests after the empty form');

  await choose(app, 'field-requestType', 'disclosure');
  await setDate(app, 'field-receivedOn', '2026-04-01');
  await choose(app, 'field-channel', 'post');
  await fill(app, 'field-requesterName', '山田 花子');
  await fill(app, 'field-requesterContact', 'みどり市緑町2-3-4');
  await fill(app, 'field-description', '令和7年度に交付を受けた住民票の写しの交付請求書');
  await app.click(`pick-holding-${holding.ledgerNo}`);
  await choose(app, 'field-requestedMethod', 'writing');
  await app.screenshot('intake');
  await app.click('request-save');
  await app.waitForText('toast', '保存しました');
  await app.waitFor('request-detail');
  checkEqual(await app.text('request-reference'), 'R-0001', 'reference assigned');
  checkEqual(await app.text('request-status'), '受付', 'status after intake');
  // A local government keeps era dates by default (the organisation setting).
  checkEqual(await app.text('deadline-due-publicDecision'), '令和8年5月1日', 'decision period before any pause');
  checkEqual(
    (await actionsOffered(app)).join(','),
    'action-startIdentityCheck,action-confirmIdentity,action-addPause,action-extend,action-largeVolume,action-withdraw',
    'steps offered on receipt',
  );

  // ---- identity check, paused for the documents ----
  await step(app, 'startIdentityCheck', () => setDate(app, 'step-on', '2026-04-10'), 'identityCheck');
  await step(
    app,
    'addPause',
    async () => {
      await choose(app, 'step-pause-reason', 'identityDocuments');
      await fill(app, 'step-pause-note', '本人確認書類の写しの提出を依頼');
      await setDate(app, 'step-pause-from', '2026-04-10');
    },
    null,
  );
  await app.waitFor('badge-paused');
  check((await actionsOffered(app)).includes('action-endPause'), 'an open pause can be ended');
  check(!(await actionsOffered(app)).includes('action-addPause'), 'no second pause while one is open');
  await app.screenshot('paused');

  await step(app, 'endPause', () => setDate(app, 'step-pause-to', '2026-04-12'), null);
  await app.waitForGone('badge-paused');
  checkEqual(await app.text('deadline-due-publicDecision'), '令和8年5月7日', 'decision period after the pause');
  checkEqual(
    await app.text('deadline-explanation-publicDecision'),
    '計算 令和8年4月1日の翌日から30日、3日間停止（令和8年4月10日〜令和8年4月12日）、期限日が休日のため翌開庁日（令和8年5月4日、令和8年5月5日、令和8年5月6日を除く） → 令和8年5月7日',
    'the deadline explained',
  );

  await step(
    app,
    'confirmIdentity',
    async () => {
      await fill(app, 'step-identity-documents', '運転免許証の写し');
      await fill(app, 'step-identity-checkedBy', '市民課 佐藤');
      await setDate(app, 'step-identity-checkedOn', '2026-04-13');
    },
    'underReview',
  );
  checkEqual(
    (await actionsOffered(app)).join(','),
    'action-decide,action-addPause,action-extend,action-largeVolume,action-withdraw',
    'steps offered under review',
  );

  // ---- a decision dated before the identity was confirmed is refused ----
  await app.click('action-decide');
  await app.waitFor('panel-decide');
  await choose(app, 'step-decision-outcome', 'partial');
  await app.click('step-ground-otherIndividuals');
  await fill(app, 'step-decision-reason', '同一世帯の他の者に関する記載は、開示請求者以外の個人に関する情報であるため');
  await setDate(app, 'step-decision-decidedOn', '2026-04-12');
  await app.click('step-submit');
  const refusal = await app.waitForText('step-error', 'この手続は受け付けられませんでした');
  // The refusal names the date it is compared with, in Japanese; no English sentence.
  check(refusal.includes('決定日：「確認日」以降の日付を入力してください'), `refusal names both dates (got ${refusal})`);
  check(!/[a-z]{4,}/.test(refusal), `no English in the Japanese refusal (got ${refusal})`);
  checkEqual(await app.$('step-decision-decidedOn').getAttribute('aria-invalid'), 'true', 'the date is marked');
  checkEqual((await invoke(app, 'list_requests'))[0].request.status, 'underReview', 'nothing recorded by the refusal');
  await app.screenshot('decision-refused');

  await setDate(app, 'step-decision-decidedOn', '2026-04-28');
  await app.click('step-submit');
  await app.waitUntil(async () => (await app.$('request-status').getAttribute('data-status')) === 'decided', {
    message: 'status decided',
  });
  checkEqual(
    await app.$('css=[data-testid="deadline"][data-rule="publicDecision"]').getAttribute('data-state'),
    'met',
    'decision period met',
  );
  checkEqual((await actionsOffered(app)).join(','), 'action-notify,action-withdraw', 'steps offered once decided');

  await step(
    app,
    'notify',
    async () => {
      await choose(app, 'step-notification-method', 'writing');
      await setDate(app, 'step-notification-respondedOn', '2026-04-30');
    },
    'notified',
  );
  checkEqual((await actionsOffered(app)).join(','), 'action-close', 'only closing is left');
  await step(app, 'close', () => setDate(app, 'step-closedOn', '2026-05-01'), 'closed');
  await app.waitForGone('request-actions');
  checkEqual(await app.text('request-status'), '完了', 'status shown at the end');

  const kinds = await app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="timeline-event"]')).map((e) => e.getAttribute('data-kind')),
  );
  for (const kind of ['received', 'identityCheckStarted', 'paused', 'resumed', 'identityConfirmed', 'decided', 'notified', 'closed']) {
    check(kinds.includes(kind), `timeline has ${kind} (got ${kinds.join(',')})`);
  }
  checkEqual(kinds.length, 8, 'timeline entries');
  const timeline = await app.text('timeline');
  check(timeline.includes('本人確認書類の写しの提出を依頼'), 'the pause note on the timeline');
  check(timeline.includes('e2e-tester'), 'the actor on the timeline');
  await app.browser.execute(() => document.getElementById('main-content')?.scrollTo(0, 0));
  await app.screenshot('closed');
  await app.browser.execute(() => document.querySelector('[data-testid="timeline"]')?.scrollIntoView({ block: 'start' }));
  await app.screenshot('closed-timeline');

  const stored = (await invoke(app, 'get_request', { id: (await invoke(app, 'list_requests'))[0].request.id })).request;
  checkEqual(stored.status, 'closed', 'stored status');
  checkEqual(stored.decision.grounds.join(','), 'otherIndividuals', 'stored grounds');
  checkEqual(stored.holdingIds.join(','), String(holding.id), 'stored holdings');

  // ---- the same request in English ----
  await app.click('lang-en');
  await app.waitForText('request-status', 'Closed');
  checkEqual(
    await app.text('deadline-explanation-publicDecision'),
    'How computed 30 days from the day after 1 April 2026, paused 3 days (10 April 2026 to 12 April 2026), ends on a holiday (skipping 4 May 2026, 5 May 2026, 6 May 2026) → 7 May 2026',
    'the deadline explained in English',
  );
  const detail = await app.text('request-detail');
  check(!/受付|決定|期限|本人確認/.test(detail.replace(/山田 花子|みどり市緑町2-3-4|令和7年度.*|同一世帯.*|本人確認書類の写しの提出を依頼|運転免許証の写し|市民課 佐藤|住民票の写し等交付請求書|H-0001/g, '')), 'no Japanese labels left in the English detail');
  await app.browser.execute(() => document.getElementById('main-content')?.scrollTo(0, 0));
  await app.screenshot('closed-en');
  await app.click('nav-requests');
  await choose(app, 'filter-status', '');
  await app.waitFor('request-row');
  await app.screenshot('list-en');
  await app.click('nav-dashboard');
  await app.waitFor('dashboard-empty');
  await app.click('lang-ja');
  await app.waitForText('nav-dashboard', 'ダッシュボード');
}
