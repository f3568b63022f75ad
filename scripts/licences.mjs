// Writes ui/src/shell/licences.json, the list of bundled components and their licences the
// About screen shows: the Rust crates the app links (cargo-license, from crates.io:
// `cargo install --locked cargo-license`), the npm packages the UI bundle is built from
// (`npm query .prod`, npm's own dependency query) and the bundled font.
//
//   node scripts/licences.mjs          regenerate the file
//   node scripts/licences.mjs --check  fail if the committed file is stale (make package runs it)
//
// Versions come from the lockfiles, so the list changes only when a dependency does.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'ui/src/shell/licences.json');
// Our own packages: the app itself, under the licence the About screen states.
const OWN = new Set(['daicho', 'daicho-app', 'daicho-ui']);

function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
  } catch (e) {
    console.error(`licences: \`${command} ${args.join(' ')}\` failed (${e.message.split('\n')[0]})`);
    if (command === 'cargo') console.error('licences: install the tool with `cargo install --locked cargo-license`');
    process.exit(1);
  }
}

const entry = (name, version, license) => ({ name, version, license: license || 'UNKNOWN' });
const byName = (a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en');

// Every platform's dependencies (no --filter-platform): the Windows and macOS packages link
// crates the Linux one does not. Build and dev dependencies do not ship.
const crates = JSON.parse(
  run('cargo', ['license', '--json', '--avoid-build-deps', '--avoid-dev-deps', '--manifest-path', 'src-tauri/Cargo.toml'], root),
)
  .filter((c) => !OWN.has(c.name))
  .map((c) => entry(c.name, c.version, c.license))
  .sort(byName);

// `.prod`: the packages reachable from `dependencies`, i.e. what the built UI may contain.
const seen = new Set();
const npm = JSON.parse(run('npm', ['query', '.prod'], path.join(root, 'ui')))
  .filter((p) => !OWN.has(p.name))
  .map((p) => entry(p.name, p.version, typeof p.license === 'string' ? p.license : p.license?.type))
  .filter((p) => !seen.has(`${p.name}@${p.version}`) && seen.add(`${p.name}@${p.version}`))
  .sort(byName);

const fonts = [
  // src-tauri/fonts/OFL.txt; the files are pinned by scripts/stage-fonts.sh.
  entry('Noto Sans CJK JP', '2.004 (Debian fonts-noto-cjk 1:20220127+repack1-1)', 'OFL-1.1'),
];

const text = `${JSON.stringify({ fonts, crates, npm }, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== text) {
    console.error(`licences: ${path.relative(root, out)} is stale; run \`make licences\` and commit it`);
    process.exit(1);
  }
  console.log(`licences: ${path.relative(root, out)} is current`);
} else {
  writeFileSync(out, text);
  console.log(`licences: wrote ${crates.length} crates, ${npm.length} npm packages, ${fonts.length} font`);
}
