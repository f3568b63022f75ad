import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import '../mock/testing';
import { setLocale } from '../i18n/i18n.svelte';
import { showToast } from '../lib/app.svelte';
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
});
