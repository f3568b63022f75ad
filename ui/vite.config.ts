import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The commit of this source tree; none outside a git checkout, and none when the tree is only
// inside some other repository (a tarball unpacked under someone's git-managed home).
function gitCommit(): string | undefined {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  try {
    if (realpathSync(git('rev-parse', '--show-toplevel')) !== realpathSync(root)) return undefined;
    return git('rev-parse', '--short=12', 'HEAD');
  } catch {
    return undefined;
  }
}

// The About screen's version, spelled as the core's build.rs spells `daicho::VERSION`: the
// workspace's Cargo version and the git commit (DAICHO_COMMIT for a tarball without .git).
function daichoVersion(): string {
  const cargo = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
  const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)?.[1] ?? 'unknown';
  const commit = process.env.DAICHO_COMMIT?.trim() || gitCommit() || 'unknown';
  return `${version} (${commit})`;
}

// Tauri loads the built files through its custom protocol; in dev it points at this server.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  define: { __DAICHO_VERSION__: JSON.stringify(daichoVersion()) },
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: '127.0.0.1',
    watch: {
      ignored: ['**/src-tauri/**'],
    },
  },
  build: {
    // WebKitGTK 2.40+ (Debian 12) is the oldest engine we ship to.
    target: 'safari16',
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
