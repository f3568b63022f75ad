#!/usr/bin/env node
// End-to-end runner: `node tests/e2e/run.mjs [name-filter...]`
//
// Runs tests/e2e/specs/*.mjs in file-name order, each against a fresh app with a fresh
// register and its own D-Bus session (`dbus-run-session -- WebKitWebDriver`, which starts the
// app). Re-executes itself under `xvfb-run` unless E2E_HEADED=1.
// The last line of output is `N passed, N failed`; the exit code is non-zero on failure.
//
// Environment:
//   APP_BIN              app binary (default target/debug/daicho-app, built by `make app`)
//   E2E_TIMEOUT_MS       per-wait timeout (default 15000)
//   E2E_SPEC_TIMEOUT_MS  whole-spec timeout (default 180000)
//   E2E_KEEP=1           keep every spec's temp dir (a failed spec's dir is always kept)
//   E2E_HEADED=1         use the current $DISPLAY instead of a private Xvfb
//
// Output: target/e2e-screenshots/*.png; target/e2e-logs/<spec>.log has the output of the
// app, WebKitWebDriver and the D-Bus services of that spec.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const REPO = join(dirname(SELF), '../..');
const OUT_DIRS = [join(REPO, 'target/e2e-screenshots'), join(REPO, 'target/e2e-logs')];
const args = process.argv.slice(2);
const wrapped = process.env.DAICHO_E2E_WRAPPED === '1';

/** Setup failure: message, summary line, exit 2. */
function abort(message) {
  console.log(`e2e: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}

function need(cmd, pkg) {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) {
    abort(`'${cmd}' not found; install the Debian package ${pkg} (make deps)`);
  }
}

if (!wrapped) {
  for (const d of OUT_DIRS) {
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d, { recursive: true });
  }
}

if (!wrapped && process.env.E2E_HEADED !== '1') {
  need('xvfb-run', 'xvfb');
  const r = spawnSync(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1280x800x24', process.execPath, SELF, ...args],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DAICHO_E2E_WRAPPED: '1' } },
  );
  if (r.error) abort(`could not start xvfb-run: ${r.error.message}`);
  // 0, 1 and 2 come from the inner runner, which has printed its summary already.
  if (![0, 1, 2].includes(r.status)) {
    console.log(`e2e: runner died (status ${r.status}, signal ${r.signal})`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  process.exit(r.status);
}

// ---- inside Xvfb (or headed) ----

let passed = 0;
let failed = 0;
let killAll = async () => {};

/**
 * Removes a spec's temp dir. xdg-document-portal (started over D-Bus by GTK) mounts a FUSE
 * file system at <dir>/cache/doc and may still be unmounting it just after the app's process
 * group died; `rm` then fails with EISDIR or EBUSY for a moment. A dir that cannot be removed
 * is reported, not counted as a failure.
 */
async function removeTempDir(dir) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch (err) {
      if (attempt === 40) {
        console.log(`  could not remove ${dir}: ${err.message}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function main() {
  need('WebKitWebDriver', 'webkit2gtk-driver');
  need('dbus-run-session', 'dbus');
  need('import', 'imagemagick');
  const lib = await import('./lib.mjs');
  const steps = await import('./steps.mjs');
  killAll = lib.killAll;

  const appBin = process.env.APP_BIN ?? join(REPO, 'target/debug/daicho-app');
  try {
    accessSync(appBin, constants.X_OK);
  } catch {
    abort(`app binary ${appBin} missing; build it with 'make app' or set APP_BIN`);
  }

  const specDir = join(REPO, 'tests/e2e/specs');
  const specs = readdirSync(specDir)
    .filter((f) => f.endsWith('.mjs'))
    .sort()
    .filter((f) => args.length === 0 || args.some((a) => f.includes(a)));
  if (specs.length === 0) abort(`no specs in ${specDir} match ${JSON.stringify(args)}`);

  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, async () => {
      await killAll();
      process.exit(130);
    });
  }

  // Hermeticity: the user's real data dir must not be created or touched by the suite.
  const realDataDir = join(
    process.env.XDG_DATA_HOME || join(homedir(), '.local/share'),
    'jp.daicho.app',
  );
  const stamp = (p) => (existsSync(p) ? statSync(p).mtimeMs : null);
  const realBefore = stamp(realDataDir);

  const SPEC_TIMEOUT_MS = Number(process.env.E2E_SPEC_TIMEOUT_MS ?? 180_000);
  const t0 = Date.now();
  console.log(`e2e: ${specs.length} spec(s), app ${appBin}`);

  for (const file of specs) {
    const name = basename(file, '.mjs');
    const started = Date.now();
    let app;
    let error;
    try {
      const spec = await import(pathToFileURL(join(specDir, file)).href);
      if (typeof spec.default !== 'function') {
        throw new Error(`${file} has no default export function`);
      }
      const timeoutMs = spec.timeoutMs ?? SPEC_TIMEOUT_MS;
      let timer;
      const timeout = new Promise((_, rej) => {
        timer = setTimeout(() => rej(new Error(`spec timed out after ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([
          (async () => {
            app = await lib.launch({
              name,
              appBin,
              env: spec.env ?? {},
              prepare: spec.prepare,
              // A spec about the passphrase screens exports `lockScreen = 'manual'`.
              afterStart: spec.lockScreen === 'manual' ? null : steps.passLockScreen,
            });
            await spec.default(app);
          })(),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
      }
    } catch (err) {
      error = err;
    }

    if (error && app) {
      try {
        const shot = await Promise.race([
          app.screenshot('failure'),
          new Promise((r) => setTimeout(() => r(null), 16_000)),
        ]);
        if (shot) console.log(`  failure screenshot: ${shot}`);
      } catch {
        /* best effort */
      }
    }
    if (app) await app.close();
    const secs = ((Date.now() - started) / 1000).toFixed(1);

    if (error) {
      failed += 1;
      console.log(`✗ ${name} (${secs} s)`);
      // The message, plus stack frames outside node_modules (the spec's own lines).
      const frames = String(error?.stack ?? '')
        .split('\n')
        .filter((l) => /^\s+at /.test(l) && !l.includes('node_modules') && !l.includes('node:'))
        .slice(0, 4);
      console.log(`  ${error?.message ?? error}`);
      for (const f of frames) console.log(`  ${f.trim()}`);
      if (app) {
        console.log(`  temp dir kept: ${app.dir}`);
        try {
          // D-Bus activation chatter hides the app's own lines.
          const log = readFileSync(app.logFile, 'utf8')
            .split('\n')
            .filter((l) => l.trim() && !/^dbus-daemon\[|^\(\/usr\/libexec\/|^\*\* \(xdg-/.test(l))
            .slice(-25);
          console.log(`  last lines of ${app.logFile}:\n    ${log.join('\n    ')}`);
        } catch {
          /* no log */
        }
      }
    } else {
      passed += 1;
      console.log(`✓ ${name} (${secs} s)`);
      if (process.env.E2E_KEEP !== '1') await removeTempDir(app.dir);
    }
  }

  await killAll();

  if (stamp(realDataDir) !== realBefore) {
    failed += 1;
    console.log(`✗ hermeticity: the suite touched the real data dir ${realDataDir}`);
  }
  console.log(`e2e: screenshots in ${lib.SCREENSHOT_DIR}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

try {
  await main();
} catch (err) {
  failed += 1;
  console.log(`e2e: runner error: ${err?.stack ?? err}`);
  await killAll();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
