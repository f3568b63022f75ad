// Triage hints in the real window: the demo's incident gains a card number and an unmarked
// medical history among its affected items; the incident page asks whether each suggests a
// trigger (PPC Rules art. 7(i), (ii)) in Japanese and English, and the officer's "yes" ticks
// the financial-damage risk through the ordinary update; "no" to the health question is recorded
// on the item, the question goes, and the page says what was answered.
import { check, checkEqual, invoke } from '../steps.mjs';

const INPUT_KEYS = [
  'reference', 'title', 'awareAt', 'awareDepartment', 'occurredOn', 'nature', 'certainty', 'summary',
  'holdingIds', 'items', 'persons', 'myNumberPersons', 'cause', 'secondaryDamage', 'secondaryDamageDetail',
  'strongEncryption', 'encryptionDetail', 'financialDamageRisk', 'wrongfulPurpose', 'dataBeingAcquired',
  'myNumberSystem', 'publiclyExposed', 'gdprRiskUnlikely', 'gdprRiskReason', 'perpetrator', 'entrustedParty',
  'entrusteeId', 'entrusteeNotifiedOn', 'responsesToPersons', 'publicAnnouncement', 'prevention', 'other',
];

async function scrollTo(app, testid) {
  const el = await app.waitFor(testid);
  await app.browser.execute((e) => e.scrollIntoView({ block: 'start' }), el);
}

export default async function hints(app) {
  await app.click('load-demo');
  await app.waitFor('dashboard');

  const listed = await invoke(app, 'list_incidents');
  const demo = listed.find((v) => (v.incident ?? v).reference === 'I-0001');
  const incident = demo.incident ?? demo;
  const input = Object.fromEntries(INPUT_KEYS.map((k) => [k, incident[k]]));
  input.financialDamageRisk = false;
  const item = (name) => ({
    dataItemId: null,
    name,
    sensitive: false,
    ordinanceSensitive: false,
    myNumber: false,
    notSensitiveConfirmed: false,
    noFinancialRiskConfirmed: false,
  });
  input.items = [...input.items, item('クレジットカード番号'), item('病歴')];
  await invoke(app, 'update_incident', { id: incident.id, expectedVersion: incident.version, input });

  await app.click('agenda-open-I-0001');
  await app.waitFor('incident-detail');
  await app.waitFor('triage-hints');
  const rules = await app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="triage-hint"]')).map((h) => h.getAttribute('data-rule')),
  );
  checkEqual(rules.join(','), 'sensitive,financialDamage', 'one hint per suggested trigger');
  const text = await app.text('triage-hints');
  check(text.includes('「クレジットカード番号」') && text.includes('「病歴」'), `the hints name the items (got ${text})`);
  check(text.includes('財産的被害が生じるおそれがありますか'), 'the financial question is asked');
  await scrollTo(app, 'incident-triage');
  await app.screenshot('hints-ja');

  await app.click('lang-en');
  await app.waitForText('triage-hints', 'May their misuse cause financial damage?');
  await scrollTo(app, 'incident-triage');
  await app.screenshot('hints-en');

  // "Yes" on the financial hint: the risk is ticked and the rule fires; the health hint stays.
  await app.click('css=[data-testid="triage-hint"][data-rule="financialDamage"] [data-testid="triage-hint-tick"]');
  await app.waitUntil(
    async () =>
      (await app.browser.execute(() => document.querySelectorAll('[data-testid="triage-hint"]').length)) === 1,
    { message: 'the financial hint goes once ticked' },
  );
  const after = (await invoke(app, 'get_incident', { id: incident.id })).incident;
  checkEqual(after.financialDamageRisk, true, 'the tick was recorded through update_incident');
  await scrollTo(app, 'incident-triage');
  await app.screenshot('ticked-en');

  // "No" on the health hint: the answer is kept on the item, the question goes, and the page
  // says what was answered, in Japanese.
  await app.click('lang-ja');
  await app.waitForText('triage-hints', '要配慮個人情報');
  await app.click('css=[data-testid="triage-hint"][data-rule="sensitive"] [data-testid="triage-hint-decline"]');
  await app.waitFor('triage-declined');
  const left = await app.browser.execute(() => document.querySelectorAll('[data-testid="triage-hint"]').length);
  checkEqual(left, 0, 'no question left once both are answered');
  const declined = await app.text('triage-declined');
  check(declined.includes('「病歴」') && declined.includes('要配慮個人情報ではない'), `the answer is shown (got ${declined})`);
  const answered = (await invoke(app, 'get_incident', { id: incident.id })).incident;
  const history = answered.items.find((i) => i.name === '病歴');
  checkEqual(history.notSensitiveConfirmed, true, 'the "no" was recorded on the item');
  checkEqual(history.sensitive, false, 'and nothing was ticked');
  await scrollTo(app, 'incident-triage');
  await app.screenshot('declined-ja');
}
