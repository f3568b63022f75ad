import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// The About screen's version, spelled as the core's build.rs spells `daicho::VERSION`: the
// workspace's Cargo version and the git commit (DAICHO_COMMIT for a tarball without .git).
function daichoVersion(): string {
  const cargo = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
  const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)?.[1] ?? 'unknown';
  let commit = process.env.DAICHO_COMMIT?.trim() ?? '';
  if (!commit) {
    try {
      commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
        cwd: new URL('..', import.meta.url),
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim();
    } catch {
      commit = 'unknown';
    }
  }
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
