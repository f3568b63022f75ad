import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import '../mock/testing';
import { setLocale } from '../i18n/i18n.svelte';
import { fieldError } from '../lib/fields';
import ErrorSummary from './ErrorSummary.svelte';

const props = (count: number) => ({
  errors: Array.from({ length: count }, (_, i) => fieldError(`purposes[${i}]`, 'required')),
  labelFor: (path: string) => path,
  idFor: (path: string) => path,
});

const title = () => screen.getByTestId('form-errors').querySelector('.error-summary-title')?.textContent?.trim();

describe('ErrorSummary', () => {
  it('counts one problem in the singular in English', () => {
    // Found while reviewing the end-to-end screenshots: "(1 problems)".
    setLocale('en');
    render(ErrorSummary, props(1));
    expect(title()).toBe('Please check the form (1 problem)');
  });

  it('counts several problems in the plural', () => {
    setLocale('en');
    render(ErrorSummary, props(3));
    expect(title()).toBe('Please check the form (3 problems)');
  });

  it('uses the same counter word for any number in Japanese', () => {
    render(ErrorSummary, props(1));
    expect(title()).toBe('入力内容を確認してください（1件）');
  });
});
