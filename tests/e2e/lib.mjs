// End-to-end step library: drives the real Daicho binary through WebKitWebDriver.
//
// Every spec gets a fresh app process and a fresh, isolated register directory.
// Selectors are `data-testid` values: `app.click('save')` clicks `[data-testid="save"]`.
// Every wait times out (default 15 s) with an error naming the selector.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'target/e2e-screenshots');
export const LOG_DIR = join(REPO_ROOT, 'target/e2e-logs');
/** The OS user the app runs as (`USER`), which the audit trail records as the actor. */
export const E2E_USER = 'e2e-tester';
// 30 s: on a loaded 2-core machine a debug build's form once took longer than 15 s to
// appear (070-incident, which passes in 18 s alone); a wait that succeeds costs no more.
export const DEFAULT_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);

// webdriverio is a devDependency of ui/ (one npm install for the whole repo).
const { remote } = createRequire(join(REPO_ROOT, 'ui/package.json'))('webdriverio');

/** CSS selector for a `data-testid` value. Values starting with `css=` are used verbatim. */
export function sel(testid) {
  if (testid.startsWith('css=')) return testid.slice(4);
  return `[data-testid="${testid.replace(/["\\]/g, '\\$&')}"]`;
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForDriver(port, proc, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver (under dbus-run-session) exited with ${proc.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms`);
}

/** Kills a whole process group: SIGTERM, then SIGKILL if still alive after 2 s. */
async function killGroup(proc) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const signal = (sig) => {
    try {
      process.kill(-proc.pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const exited = new Promise((r) => proc.once('exit', r));
  const timedOut = await Promise.race([exited.then(() => false), sleep(2000).then(() => true)]);
  if (timedOut) signal('SIGKILL');
}

/** Processes started by `launch()` that are still running; the runner kills them on exit. */
export const liveProcesses = new Set();

/**
 * Starts WebKitWebDriver and the app with an isolated profile.
 * `prepare({ dir, dbPath, env })`, if given, runs after the temp dir exists and before the app
 * starts (e.g. to put a file at `dbPath`).
 * @param {{ name: string, appBin: string, env?: Record<string,string>,
 *           prepare?: (ctx: { dir: string, dbPath: string, env: Record<string,string> }) => unknown }} opts
 */
export async function launch({ name, appBin, env = {}, prepare, afterStart = null }) {
  const dir = mkdtempSync(join(tmpdir(), `daicho-e2e-${name}-`));
  const isolated = {
    HOME: join(dir, 'home'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_STATE_HOME: join(dir, 'state'),
    DAICHO_DB: join(dir, 'register.db'),
  };
  for (const [k, v] of Object.entries(isolated)) if (k !== 'DAICHO_DB') mkdirSync(v);

  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
  const app = new App({ name, dir, logFile, env: isolated, appBin, extraEnv: env });
  app.afterStart = afterStart;
  if (prepare) await prepare({ dir, dbPath: isolated.DAICHO_DB, env: isolated });
  await app.start();
  return app;
}

/** Starts WebKitWebDriver (which starts the app) and opens a session; returns both. */
async function startSession({ appBin, isolated, extraEnv, logFile, append }) {
  const logFd = openSync(logFile, append ? 'a' : 'w');
  const port = await freePort();
  // A private session bus per app; WebKitWebDriver starts the app, which inherits this env.
  const driver = spawn('dbus-run-session', ['--', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], {
    detached: true, // own process group: the bus, the app and its WebKit helpers die with it
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      ...isolated,
      TAURI_WEBVIEW_AUTOMATION: 'true',
      WEBKIT_DISABLE_DMABUF_RENDERER: '1',
      GDK_BACKEND: 'x11',
      LIBGL_ALWAYS_SOFTWARE: '1',
      NO_AT_BRIDGE: '1',
      // The audit trail records the OS user as the actor; make it known and the same everywhere.
      USER: E2E_USER,
      LOGNAME: E2E_USER,
      RUST_LOG: process.env.RUST_LOG ?? 'info',
      ...extraEnv,
    },
  });
  closeSync(logFd);
  liveProcesses.add(driver);
  driver.once('exit', () => liveProcesses.delete(driver));

  try {
    await waitForDriver(port, driver, 10_000);
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'warn',
      connectionRetryTimeout: 60_000,
      connectionRetryCount: 0,
      capabilities: {
        'webkitgtk:browserOptions': { binary: appBin, args: [] },
      },
    });
    return { browser, driver };
  } catch (err) {
    await killGroup(driver);
    throw err;
  }
}

export class App {
  constructor({ name, dir, logFile, env, appBin, extraEnv = {} }) {
    /** WebdriverIO browser object, for anything the helpers below do not cover. */
    this.browser = null;
    this.driver = null;
    this.name = name;
    this.appBin = appBin;
    this.extraEnv = extraEnv;
    this.starts = 0;
    /** Isolated temp dir of this spec (register, XDG dirs). */
    this.dir = dir;
    /** Path of the register database the app was told to use (DAICHO_DB). */
    this.dbPath = env.DAICHO_DB;
    this.env = env;
    this.logFile = logFile;
    this.shots = 0;
    /** Runs after every start, before the spec continues (null: the spec sees the app as is). */
    this.afterStart = null;
  }

  /** Starts the app (the log file is appended to after the first start). */
  async start() {
    const { browser, driver } = await startSession({
      appBin: this.appBin,
      isolated: this.env,
      extraEnv: this.extraEnv,
      logFile: this.logFile,
      append: this.starts > 0,
    });
    this.starts += 1;
    this.browser = browser;
    this.driver = driver;
    // The passphrase screen (set on first start, unlock after) is passed here for every
    // spec that does not handle it itself (see steps.mjs `passLockScreen`).
    if (this.afterStart) await this.afterStart(this);
  }

  /**
   * Quits the app and starts it again against the same register and profile
   * (`dbPath`, `dir` and the XDG dirs are kept). `prepare()`, if given, runs in between,
   * while no app has the register open.
   */
  async relaunch({ prepare } = {}) {
    await this.close();
    if (prepare) await prepare({ dir: this.dir, dbPath: this.dbPath, env: this.env });
    await this.start();
  }

  /** WebdriverIO element for a test id (does not wait). */
  $(testid) {
    return this.browser.$(sel(testid));
  }

  /** Waits until the element is displayed; returns it. */
  async waitFor(testid, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
    const el = this.$(testid);
    await el.waitForDisplayed({
      timeout,
      interval: 100,
      timeoutMsg: `timed out after ${timeout} ms waiting for ${sel(testid)} to be displayed`,
    });
    return el;
  }

  /** Waits until the element is gone or hidden. */
  async waitForGone(testid, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
    await this.$(testid).waitForDisplayed({
      timeout,
      reverse: true,
      interval: 100,
      timeoutMsg: `timed out after ${timeout} ms waiting for ${sel(testid)} to disappear`,
    });
  }

  /** Waits until `fn()` returns a truthy value; returns it. */
  async waitUntil(fn, { timeout = DEFAULT_TIMEOUT_MS, message = 'condition' } = {}) {
    let value;
    await this.browser.waitUntil(async () => (value = await fn()), {
      timeout,
      interval: 100,
      timeoutMsg: `timed out after ${timeout} ms waiting for ${message}`,
    });
    return value;
  }

  /** Waits for the element to be clickable, then clicks it. */
  async click(testid, opts) {
    const el = await this.waitFor(testid, opts);
    await el.waitForClickable({
      timeout: opts?.timeout ?? DEFAULT_TIMEOUT_MS,
      timeoutMsg: `${sel(testid)} is displayed but not clickable`,
    });
    await el.click();
  }

  /** Replaces the value of an input/textarea. */
  async type(testid, text, opts) {
    const el = await this.waitFor(testid, opts);
    await el.clearValue();
    await el.setValue(text);
  }

  /** Visible text of the element. */
  async text(testid, opts) {
    const el = await this.waitFor(testid, opts);
    return el.getText();
  }

  /** Current value of an input/select/textarea. */
  async value(testid, opts) {
    const el = await this.waitFor(testid, opts);
    return el.getValue();
  }

  /** Waits until the element's text contains `expected`; returns the text. */
  async waitForText(testid, expected, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
    let last = '';
    try {
      await this.browser.waitUntil(
        async () => {
          const el = this.$(testid);
          last = (await el.isExisting()) ? await el.getText() : '';
          return last.includes(expected);
        },
        { timeout, interval: 100 },
      );
    } catch {
      throw new Error(
        `timed out after ${timeout} ms waiting for ${sel(testid)} to contain ` +
          `${JSON.stringify(expected)} (last text: ${JSON.stringify(last)})`,
      );
    }
    return last;
  }

  /**
   * Screenshot of the whole X display (WebDriver screenshots hang under Xvfb).
   * Written to target/e2e-screenshots/<spec>-<nn>-<label>.png; returns the path.
   */
  async screenshot(label = 'shot') {
    this.shots += 1;
    const safe = label.replace(/[^A-Za-z0-9_.-]+/g, '_');
    const file = join(
      SCREENSHOT_DIR,
      `${this.name}-${String(this.shots).padStart(2, '0')}-${safe}.png`,
    );
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await sleep(150); // let the compositor paint the last change
    const r = spawnSync('import', ['-window', 'root', file], { timeout: 15_000 });
    if (r.status !== 0) {
      throw new Error(`screenshot ${file} failed: ${r.error ?? r.stderr?.toString().trim()}`);
    }
    return file;
  }

  /** Ends the session and kills WebKitWebDriver, the app and its helpers. */
  async close() {
    if (!this.driver) return;
    try {
      await Promise.race([this.browser.deleteSession(), sleep(5000)]);
    } catch {
      /* the app may already be gone */
    }
    await killGroup(this.driver);
    this.browser = null;
    this.driver = null;
  }
}

/** Kills every process `launch()` started that is still alive. */
export async function killAll() {
  await Promise.all([...liveProcesses].map(killGroup));
}
