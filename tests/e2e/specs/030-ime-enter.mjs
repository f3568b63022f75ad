// IME safety in the holding form. A Japanese IME confirms a conversion with Enter; that Enter
// must never act on the form. A plain Enter moves to the next field and never submits.
// The form is filled completely first, so that any submission would create a holding.
import { check, checkEqual, fill, focusedTestid, invoke, registerOrganisation } from '../steps.mjs';

/**
 * Dispatches a synthetic Enter keydown on the element with test id `testid`, as an IME would
 * deliver it; returns whether the page left it alone (not default-prevented) and the key code
 * the page saw.
 */
function dispatchEnter(app, testid, { isComposing, keyCode }) {
  return app.browser.execute(
    (id, composing, code) => {
      const input = document.querySelector(`[data-testid="${id}"]`);
      input.focus();
      const event = new KeyboardEvent('keydown', {
        key: 'Enter',
        code: 'Enter',
        isComposing: composing,
        bubbles: true,
        cancelable: true,
      });
      // WebKit reports 229 for the Enter that ends a composition (after compositionend).
      if (code !== null) Object.defineProperty(event, 'keyCode', { get: () => code });
      const untouched = input.dispatchEvent(event);
      return { untouched, keyCode: event.keyCode, isComposing: event.isComposing };
    },
    testid,
    isComposing,
    keyCode,
  );
}

async function expectNothingCreated(app, when) {
  checkEqual((await invoke(app, 'list_holdings')).length, 0, `holdings stored ${when}`);
  check(await app.$('holding-form').isDisplayed(), `the form is still shown ${when}`);
  check(!(await app.$('form-errors').isExisting()), `no error summary ${when} (no submit attempted)`);
}

/** Presses a real Enter; expects the focus to move to `next` and nothing to be submitted. */
async function realEnter(app, next) {
  const from = await focusedTestid(app);
  await app.browser.keys(['Enter']);
  // Settles on either outcome: the focus moved on, or the form went away (was submitted).
  await app.waitUntil(
    async () => (await focusedTestid(app)) === next || !(await app.$('holding-form').isExisting()),
    { message: `focus to move from ${from} to ${next} on Enter` },
  );
  await new Promise((r) => setTimeout(r, 200)); // a submission would be under way by now
  await expectNothingCreated(app, `after a real Enter in ${from}`);
  checkEqual(await focusedTestid(app), next, `focus after a real Enter in ${from}`);
}

export default async function imeEnter(app) {
  await registerOrganisation(app, {
    name: '株式会社みなと商事',
    address: '大阪府大阪市北区梅田1-1-1',
    representative: '代表取締役 田中 花子',
  });
  await app.click('nav-holdings');
  await app.click('new-holding');
  await app.waitFor('holding-form');
  await fill(app, 'field-name', '顧客名簿');
  await fill(app, 'field-department', '営業部');
  await fill(app, 'field-dataItems-0-name', '氏名');
  await fill(app, 'field-purposes-0', '商品の発送のため');

  // ---- the Enter that confirms a conversion: isComposing ----
  const composing = await dispatchEnter(app, 'field-name', { isComposing: true, keyCode: null });
  checkEqual(composing.isComposing, true, 'the synthetic event is composing');
  checkEqual(composing.untouched, true, 'a composing Enter is left to the IME (not prevented)');
  checkEqual(await focusedTestid(app), 'field-name', 'focus after a composing Enter');
  await expectNothingCreated(app, 'after a composing Enter');

  // ---- the same, as WebKit reports it after compositionend: keyCode 229 ----
  const ime = await dispatchEnter(app, 'field-name', { isComposing: false, keyCode: 229 });
  checkEqual(ime.keyCode, 229, 'the synthetic event carries keyCode 229');
  checkEqual(ime.untouched, true, 'an Enter with keyCode 229 is left to the IME (not prevented)');
  checkEqual(await focusedTestid(app), 'field-name', 'focus after an Enter with keyCode 229');
  await expectNothingCreated(app, 'after an Enter with keyCode 229');

  // Control: the same synthetic Enter without IME flags IS handled (moves on), so the two
  // checks above can fail.
  const plain = await dispatchEnter(app, 'field-name', { isComposing: false, keyCode: 13 });
  checkEqual(plain.untouched, false, 'a plain synthetic Enter is taken by the form');
  checkEqual(await focusedTestid(app), 'field-department', 'focus after a plain synthetic Enter');
  await expectNothingCreated(app, 'after a plain synthetic Enter');

  // ---- a real Enter key (WebDriver key events): moves to the next field, never submits ----
  await app.click('field-name');
  checkEqual(await focusedTestid(app), 'field-name', 'focus before the real Enter');
  await realEnter(app, 'field-department');
  await realEnter(app, 'field-businessProcess');
  await app.click('field-approxCount');
  await realEnter(app, 'field-acquisitionMethod'); // a select is a field too
  // ---- the field Enter moves to is not hidden behind the sticky action bar ----
  // (WebKitGTK scrolled it just into the viewport, under the bar, until the scroll area got
  // a scroll-padding-bottom.)
  await app.browser.execute(() => {
    const field = document.querySelector('[data-testid="field-storagePlace"]');
    const bar = document.querySelector('.action-bar').getBoundingClientRect();
    document.getElementById('main-content').scrollTop += field.getBoundingClientRect().bottom - bar.top + 4;
    field.focus({ preventScroll: true });
  });
  await realEnter(app, 'field-storageMethod');
  const cover = await app.browser.execute(() => {
    const field = document.activeElement.getBoundingClientRect();
    const bar = document.querySelector('.action-bar').getBoundingClientRect();
    return { field: Math.round(field.bottom), bar: Math.round(bar.top) };
  });
  check(
    cover.field <= cover.bar,
    `the focused field ends at y=${cover.field}, under the action bar starting at y=${cover.bar}`,
  );
  await app.screenshot('focus-above-action-bar');

  checkEqual(await app.value('field-name'), '顧客名簿', 'the name is unchanged');
  await app.screenshot('form-after-enter');

  // ---- the form was complete: the save button does create it, once ----
  await app.click('holding-save');
  await app.waitForText('toast', '保存しました');
  await app.waitForText('detail-name', '顧客名簿');
  const stored = await invoke(app, 'list_holdings');
  checkEqual(stored.length, 1, 'holdings after clicking save');
  checkEqual(stored[0].name, '顧客名簿', 'the saved name');
}
