// Steps and checks shared by several specs. Not a spec itself (it lives outside specs/).

/** Throws `message` unless `cond` holds. */
export function check(cond, message) {
  if (!cond) throw new Error(message);
}

/** Throws unless `actual === expected`, naming both. */
export function checkEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/**
 * Calls a Tauri command the way the UI does, through the injected IPC bridge. Resolves with the
 * command's result; rejects with an Error carrying the command's ErrorReport as `report`.
 *
 * The result travels wrapped: WebdriverIO takes any returned object with an `error` property
 * (such as `startup_status` of an unopenable register) for a WebDriver error response.
 */
export async function invoke(app, command, args = {}) {
  const outcome = await app.browser.execute(
    (c, a) =>
      // @ts-ignore -- injected by Tauri
      window.__TAURI_INTERNALS__.invoke(c, a).then(
        (ok) => ({ ok: ok ?? null }),
        (err) => ({ err: err ?? null }),
      ),
    command,
    args,
  );
  if ('err' in outcome) {
    const report = outcome.err;
    const error = new Error(`${command} was refused: ${JSON.stringify(report)}`);
    error.report = report;
    throw error;
  }
  return outcome.ok;
}

/** Calls a command that must be refused; returns the ErrorReport it was refused with. */
export async function invokeRefused(app, command, args = {}) {
  try {
    await invoke(app, command, args);
  } catch (error) {
    if (error.report !== undefined) return error.report;
    throw error;
  }
  throw new Error(`${command} succeeded, but was expected to be refused`);
}

/**
 * Empties an input the way a user does (select all, delete), so the page sees `input` events.
 * WebDriver's Element Clear does not fire `input`, which Svelte's `bind:value` listens to.
 */
export async function clearInput(app, testid) {
  const el = await app.waitFor(testid);
  await el.click();
  await app.browser.execute((e) => e.select(), el);
  await app.browser.keys(['Backspace']);
  await app.waitUntil(async () => (await el.getValue()) === '', { message: `${testid} to be empty` });
}

/** Types into an input after emptying it, and checks the value arrived. */
export async function fill(app, testid, text) {
  await app.type(testid, text);
  const value = await app.value(testid);
  checkEqual(value, text, `value of ${testid}`);
}

/** The test id of the element that currently has the focus (or its id, or tag). */
export function focusedTestid(app) {
  return app.browser.execute(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? (el?.id ? `#${el.id}` : el?.tagName ?? null);
  });
}

/** Scrolls an element to the middle of its scroll container (for screenshots). */
export async function scrollIntoView(app, testid) {
  const el = await app.waitFor(testid);
  await app.browser.execute((e) => e.scrollIntoView({ block: 'start' }), el);
}

/** Names shown in the list's rows, top to bottom. */
export function rowNames(app) {
  return app.browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="holding-row"] .name')).map((e) =>
      e.textContent.trim(),
    ),
  );
}

/** First run: fills and saves the organisation profile; waits for the main layout. */
export async function registerOrganisation(app, { name, address, representative, regime }) {
  await app.waitFor('first-run');
  await fill(app, 'org-name', name);
  await fill(app, 'org-address', address);
  await fill(app, 'org-representative', representative);
  if (regime) await app.click(`org-regime-${regime}`);
  await app.click('org-save');
  await app.waitForText('org-title', name);
}

/** The text of the `<dd>` that follows the `<dt>` reading `term`, inside `container` (CSS). */
export function definition(app, container, term) {
  return app.browser.execute(
    (c, t) => {
      const dt = Array.from(document.querySelectorAll(`${c} dt`)).find(
        (e) => e.textContent.trim() === t,
      );
      const dd = dt?.nextElementSibling;
      return dd && dd.tagName === 'DD' ? dd.textContent.trim() : null;
    },
    container,
    term,
  );
}

/**
 * The passphrase of every register the suite creates. Registers a spec prepares with the CLI
 * use it too: run the CLI with `cliEnv()`.
 */
export const E2E_PASSPHRASE = 'e2e register passphrase 2026';

/** The environment for the `daicho` CLI in a spec: the suite's passphrase, never an argument. */
export function cliEnv() {
  return { ...process.env, DAICHO_PASSPHRASE: E2E_PASSPHRASE };
}

/**
 * Passes the passphrase screen after every start: sets the passphrase of a new register,
 * unlocks an encrypted one. Any other first screen (an unencrypted or unopenable register)
 * is left for the spec. Specs about these screens export `lockScreen = 'manual'`.
 */
export async function passLockScreen(app) {
  await app.waitFor('app-root', { timeout: 30_000 });
  const status = await invoke(app, 'startup_status');
  if (status.error) return;
  if (status.lockState === 'new') {
    await app.waitFor('lock-screen-new');
    await fill(app, 'input-passphrase', E2E_PASSPHRASE);
    await fill(app, 'input-confirmation', E2E_PASSPHRASE);
    await app.click('lock-submit');
    await app.waitForGone('lock-screen-new', { timeout: 30_000 });
  } else if (status.lockState === 'locked') {
    await unlock(app, E2E_PASSPHRASE);
  }
}

/** Types `passphrase` on the unlock screen and waits for the register to open. */
export async function unlock(app, passphrase) {
  await app.waitFor('lock-screen-locked');
  await fill(app, 'input-unlock', passphrase);
  await app.click('lock-submit');
  await app.waitForGone('lock-screen-locked', { timeout: 30_000 });
}
