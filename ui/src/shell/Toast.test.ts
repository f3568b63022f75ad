import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../mock/testing';
import { setLocale } from '../i18n/i18n.svelte';
import { app, navigate, showToast } from '../lib/app.svelte';
import Toast from './Toast.svelte';

describe('Toast', () => {
  it('follows a language switch while it is shown', () => {
    render(Toast);
    showToast('toast.demoLoaded', { count: 8 });
    flushSync();
    expect(screen.getByTestId('toast').textContent?.trim()).toBe('デモ台帳を読み込みました（8件）');

    // Found by the end-to-end suite: a toast shown just before switching to English stayed
    // in Japanese on the English screen.
    setLocale('en');
    flushSync();
    expect(screen.getByTestId('toast').textContent?.trim()).toBe('Demo register loaded (8 holdings)');
  });

  afterEach(() => vi.useRealTimers());

  it('goes with a save to the saved record, and leaves with that screen afterwards', () => {
    vi.useFakeTimers();
    render(Toast);
    // A save shows the toast and opens the record in the same moment: it stays.
    showToast('toast.saved');
    navigate({ name: 'incident', id: 1 });
    flushSync();
    expect(screen.getByTestId('toast')).toBeTruthy();
    // Two seconds later (still within its 3.5 s) the officer opens another section: it leaves.
    vi.advanceTimersByTime(2000);
    navigate({ name: 'incidents' });
    flushSync();
    expect(app.toast).toBeNull();
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});
