import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import '../mock/testing';
import { setLocale } from '../i18n/i18n.svelte';
import About from './About.svelte';
import licences from './licences.json';

describe('About', () => {
  it('shows the build and the bundled components in both languages', () => {
    setLocale('ja');
    const onclose = vi.fn();
    render(About, { onclose });
    // vite.config.ts spells it as build.rs does: the Cargo version and the commit.
    expect(__DAICHO_VERSION__).toMatch(/^\d+\.\d+\.\d+ \(([0-9a-f]{12}|unknown)\)$/);
    expect(screen.getByTestId('about-version').textContent).toBe(`バージョン ${__DAICHO_VERSION__}`);

    const summaries = [...screen.getByTestId('about').querySelectorAll('summary')].map((s) => s.textContent);
    expect(summaries).toEqual([
      'フォント（1件）',
      `Rust クレート（${licences.crates.length}件）`,
      `npm パッケージ（${licences.npm.length}件）`,
    ]);
    const rows = [...screen.getByTestId('about').querySelectorAll('tr')].map((r) => r.textContent);
    expect(rows.some((r) => r?.startsWith('Noto Sans CJK JP') && r.endsWith('OFL-1.1'))).toBe(true);
    expect(rows.some((r) => r?.startsWith('tauri2.'))).toBe(true);
    expect(rows.some((r) => r?.startsWith('svelte5.'))).toBe(true);

    setLocale('en');
    flushSync();
    expect(screen.getByTestId('about-version').textContent).toBe(`Version ${__DAICHO_VERSION__}`);

    void fireEvent.click(screen.getByTestId('about-close'));
    expect(onclose).toHaveBeenCalledOnce();
    setLocale('ja');
  });
});
