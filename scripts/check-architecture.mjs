#!/usr/bin/env node
// Holds the code to the rules of docs/architecture.md, which a compiler does not check:
//   1. no source files import each other in a loop: in the core crate (`src/`, through
//      `crate::`, `super::` and `self::` paths) and in the UI (`ui/src`, relative imports). A
//      loop means rooms that cannot be understood, tested or moved apart;
//   2. the audit chain is appended to only by the one write path (src/register/record.rs);
//   3. verbs on `Register` are defined only under src/register/; what sits above the register
//      (protection, document, print, demo) calls it;
//   4. no SQL outside src/store/, src/db/, src/audit.rs and the whole-file work of
//      src/protection/ (keys, backups), so a second storage engine has one place to go;
//   5. the UI reaches the backend only through ui/src/api (and the mock that stands in for it).
// `make lint` runs it, after `--self-test`, which plants a breach of each rule in a scratch tree
// and fails unless every one is found: a checker that cannot fail proves nothing.
//
//   node scripts/check-architecture.mjs [--root DIR]   check DIR (default: the repository)
//   node scripts/check-architecture.mjs --self-test    show that planted breaches are caught
//
// The Rust side reads paths, not the compiler's resolution: method calls (`register.verify()`)
// are not arrows, a `mod child;` declaration is not an arrow, and `use` of a re-export counts
// against the file that re-exports. That is the level at which a newcomer reads the code.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function walk(dir, accept, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'bindings' && name !== 'dist') walk(path, accept, out);
    } else if (accept(path)) {
      out.push(path);
    }
  }
  return out;
}

// Comments and string literals hold prose that looks like paths ("see crate::x"); blank them
// out with a small scanner (a regex cannot tell `'a` the lifetime from `'a'` the character).
function stripRust(text) {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      let depth = 0;
      do {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      } while (i < n && depth > 0);
      out += ' ';
    } else if ((c === 'r' || (c === 'b' && next === 'r')) && /^b?r#*"/.test(text.slice(i, i + 20)) && !/\w/.test(text[i - 1] ?? '')) {
      const m = /^b?r(#*)"/.exec(text.slice(i, i + 20));
      const close = '"' + m[1];
      const end = text.indexOf(close, i + m[0].length);
      i = end < 0 ? n : end + close.length;
      out += '""';
    } else if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      out += '""';
    } else if (c === "'" && (next === '\\' || text[i + 2] === "'")) {
      i += 2;
      while (i < n && text[i] !== "'") i++;
      i++;
      out += "' '";
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// The module path (segments after `crate`) that a Rust file defines.
function rustModulePath(srcDir, file) {
  const rel = relative(srcDir, file).replace(/\\/g, '/').replace(/\.rs$/, '');
  const parts = rel.split('/');
  const last = parts[parts.length - 1];
  if (last === 'mod' || last === 'lib' || last === 'main') parts.pop();
  if (parts[0] === 'bin') return null; // binaries are crates of their own
  return parts;
}

// Expands `a::{b, c::{d, e}}` into ['a::b', 'a::c::d', 'a::c::e'].
function expandUseTree(tree) {
  tree = tree.replace(/\s+/g, '');
  const open = tree.indexOf('{');
  if (open < 0) return [tree.replace(/::(\*|self)$/, '').replace(/as\w+$/, '')];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf('}'));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '{') depth++;
    else if (inner[i] === '}') depth--;
    else if (inner[i] === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts
    .filter((p) => p.length > 0)
    .flatMap((p) => (p === 'self' ? [prefix.replace(/::$/, '')] : expandUseTree(prefix + p)));
}

function rustGraph(srcDir) {
  const files = walk(srcDir, (p) => p.endsWith('.rs'));
  const byModule = new Map();
  for (const file of files) {
    const path = rustModulePath(srcDir, file);
    if (path) byModule.set(path.join('::'), file);
  }
  // The file that defines the longest prefix of `segments`.
  const owner = (segments) => {
    for (let n = segments.length; n > 0; n--) {
      const file = byModule.get(segments.slice(0, n).join('::'));
      if (file) return file;
    }
    return null;
  };
  const edges = new Map();
  for (const file of files) {
    const here = rustModulePath(srcDir, file);
    if (!here) continue;
    const text = stripRust(readFileSync(file, 'utf8'));
    const paths = [];
    for (const m of text.matchAll(/\buse\s+([^;]+);/g)) paths.push(...expandUseTree(m[1]));
    for (const m of text.matchAll(/\b((?:crate|super|self)(?:::\w+)+)/g)) paths.push(m[1]);
    const targets = new Set();
    for (const path of paths) {
      // `self` is the file's own module and `super` its parent, whether or not the file is
      // a mod.rs: `here` already names the module rather than the file.
      let segments = path.split('::');
      let base;
      if (segments[0] === 'crate') base = [];
      else if (segments[0] === 'self') base = here;
      else if (segments[0] === 'super') {
        base = here;
        while (segments[0] === 'super') {
          base = base.slice(0, -1);
          segments = segments.slice(1);
        }
        segments = ['super', ...segments];
      } else continue;
      const full = [...base, ...segments.slice(1)];
      const target = owner(full);
      if (target && target !== file) targets.add(target);
    }
    edges.set(file, targets);
  }
  return edges;
}

function uiGraph(uiDir) {
  const files = walk(uiDir, (p) => /\.(ts|svelte)$/.test(p) && !/\.test\.ts$/.test(p));
  const known = new Set(files);
  const edges = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set();
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
      const base = resolve(dirname(file), m[1]);
      const candidate = [base, `${base}.ts`, `${base}/index.ts`].find((c) => known.has(c));
      if (candidate && candidate !== file) targets.add(candidate);
    }
    edges.set(file, targets);
  }
  return edges;
}

// Tarjan's strongly connected components: every component of more than one file is a loop.
function loops(edges) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), indices.get(w)));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return found;
}

function checkCycles(root) {
  const graphs = [
    ['core crate (src/)', rustGraph(join(root, 'src'))],
    ['UI (ui/src)', uiGraph(join(root, 'ui/src'))],
  ];
  let failed = false;
  for (const [name, edges] of graphs) {
    const found = loops(edges);
    if (found.length === 0) {
      console.log(`module cycles: ${name}: none among ${edges.size} files`);
      continue;
    }
    failed = true;
    console.error(`module cycles: ${name}: ${found.length} loop(s)`);
    for (const component of found) {
      const members = new Set(component);
      console.error(`  loop of ${component.length} files:`);
      for (const file of component) {
        const inside = [...edges.get(file)].filter((t) => members.has(t));
        console.error(`    ${relative(root, file)} -> ${inside.map((t) => relative(root, t)).join(', ')}`);
      }
    }
  }
  return !failed;
}

// A rule over the code of some files (comments and strings blanked for Rust): every match of
// `pattern` outside the files `allowed` accepts is a breach, reported with its line.
function checkRule(root, name, files, pattern, allowed, strip) {
  const breaches = [];
  for (const file of files) {
    const rel = relative(root, file).replace(/\\/g, '/');
    if (allowed(rel)) continue;
    const text = strip ? strip(readFileSync(file, 'utf8')) : readFileSync(file, 'utf8');
    text.split('\n').forEach((line, i) => {
      if (pattern.test(line)) breaches.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
  }
  if (breaches.length === 0) {
    console.log(`architecture: ${name}: holds`);
    return true;
  }
  console.error(`architecture: ${name}: ${breaches.length} breach(es)`);
  for (const breach of breaches) console.error(`  ${breach}`);
  return false;
}

function check(root) {
  const rust = walk(join(root, 'src'), (p) => p.endsWith('.rs'));
  const ui = walk(join(root, 'ui/src'), (p) => /\.(ts|svelte)$/.test(p) && !/\.test\.ts$/.test(p));
  const results = [
    checkCycles(root),
    checkRule(
      root,
      'the audit chain is appended to only by the write path',
      rust,
      /\baudit::append\s*\(/,
      (rel) => rel === 'src/register/record.rs' || rel === 'src/audit.rs',
      stripRust,
    ),
    checkRule(
      root,
      'verbs on Register are defined under src/register/',
      rust,
      /^\s*impl\s+Register\b/,
      (rel) => rel.startsWith('src/register/'),
      stripRust,
    ),
    checkRule(
      root,
      'SQL stays in store/ (and db/, audit, protection\'s whole-file work)',
      rust,
      /\.(execute|execute_batch|query_row|query_map|prepare|prepare_cached|pragma_update|pragma_query)\s*\(/,
      (rel) =>
        rel.startsWith('src/store/') ||
        rel.startsWith('src/db/') ||
        rel.startsWith('src/protection/') ||
        rel === 'src/audit.rs',
      stripRust,
    ),
    checkRule(
      root,
      'the UI reaches the backend only through ui/src/api',
      ui,
      /from\s+['"]@tauri-apps\/api\/(core|event|mocks)['"]|from\s+['"][./]*\/?mock\//,
      (rel) => rel.startsWith('ui/src/api/') || rel.startsWith('ui/src/mock/'),
    ),
  ];
  return results.every(Boolean);
}

function selfTest() {
  const root = mkdtempSync(join(tmpdir(), 'daicho-architecture-'));
  try {
    const put = (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    put('src/lib.rs', 'pub mod a;\npub mod b;\npub mod c;\npub mod register;\n');
    put('src/a.rs', 'use crate::b::{self, Thing};\npub fn h() {}\n');
    // b/mod.rs closes the loop a -> b -> a; the comment and the string must not count.
    put('src/b/mod.rs', 'mod inner;\n// crate::c\npub fn back() { let _ = "crate::c"; crate::a::h(); }\n');
    put('src/b/inner.rs', 'pub fn f() { super::super::c::g(); }\n');
    // c.rs breaks the other rules: an audit append, a verb on Register and SQL outside store/.
    put('src/c.rs', 'pub fn g(tx: &T) { audit::append(tx); tx.execute("x", []); }\nimpl Register {}\n');
    put('src/register/record.rs', 'pub fn create(tx: &T) { audit::append(tx); }\n');
    put('ui/src/x.ts', "import { y } from './y';\nexport const x = 1;\n");
    put('ui/src/y.ts', "export { x } from './x';\nexport const y = 2;\n");
    put('ui/src/App.svelte', "<script>import { invoke } from '@tauri-apps/api/core';</script>\n");
    const rust = loops(rustGraph(join(root, 'src')));
    const ui = loops(uiGraph(join(root, 'ui/src')));
    const rustFiles = walk(join(root, 'src'), (p) => p.endsWith('.rs'));
    const quiet = (f) => {
      const [log, error] = [console.log, console.error];
      console.log = console.error = () => {};
      try {
        return f();
      } finally {
        [console.log, console.error] = [log, error];
      }
    };
    const planted =
      quiet(() => !check(root)) &&
      rust.length === 1 &&
      rust[0].map((f) => relative(root, f)).join(' ') === 'src/a.rs src/b/mod.rs' &&
      ui.length === 1 &&
      quiet(() => !checkRule(root, 'append', rustFiles, /\baudit::append\s*\(/, (r) => r === 'src/register/record.rs', stripRust)) &&
      quiet(() => !checkRule(root, 'impl', rustFiles, /^\s*impl\s+Register\b/, (r) => r.startsWith('src/register/'), stripRust));
    put('src/b/mod.rs', 'mod inner;\n');
    put('src/c.rs', 'pub fn g() {}\n');
    put('ui/src/y.ts', 'export const y = 2;\n');
    put('ui/src/App.svelte', "<script>import { save } from './api/commands';</script>\n");
    const clean = quiet(() => check(root));
    if (planted && clean) {
      console.log('architecture: self-test: every planted breach was caught and the mended tree passed');
      return true;
    }
    console.error(`architecture: self-test FAILED (planted breaches caught: ${planted}, mended tree passed: ${clean})`);
    return false;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args.includes('--self-test')) {
  process.exit(selfTest() ? 0 : 1);
}
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? resolve(args[rootFlag + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.exit(check(root) ? 0 : 1);
