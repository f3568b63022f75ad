import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import '../mock/testing';
import { setEraDates, setLocale } from '../i18n/i18n.svelte';
import DateInput from './DateInput.svelte';

function field(value: string | null = '') {
  render(DateInput, { props: { value, id: 'd', 'aria-label': '受付日', 'data-testid': 'd' } });
  return screen.getByTestId('d') as HTMLInputElement;
}

async function type(input: HTMLInputElement, text: string): Promise<void> {
  await fireEvent.input(input, { target: { value: text } });
  await fireEvent.blur(input);
}

describe('DateInput', () => {
  it('is empty when the date is, with no greyed today', () => {
    const input = field(null);
    expect(input.value).toBe('');
    expect(input.placeholder).toBe('');
    expect(input.type).toBe('text');
  });

  it('shows a date in the organisation style: 2026/04/01, or the era', () => {
    expect(field('2026-04-01').value).toBe('2026/04/01');
  });

  it('shows the era when the organisation chose it', () => {
    setEraDates(true);
    expect(field('2019-05-01').value).toBe('令和元年5月1日');
  });

  it('shows ISO on English screens, which it reads back', () => {
    setLocale('en');
    expect(field('2026-04-01').value).toBe('2026-04-01');
  });

  it('reads the forms officers type and rewrites them in the display style', async () => {
    const input = field();
    for (const text of ['令和8年4月1日', 'R8.4.1', '２０２６年４月１日', '2026-04-01']) {
      await type(input, text);
      expect(input.value, text).toBe('2026/04/01');
      expect(input.getAttribute('aria-invalid'), text).toBeNull();
    }
  });

  it('names the field and the era of a date outside it, in the user language', async () => {
    const input = field();
    await type(input, 'H31.5.1');
    const problem = screen.getByTestId('date-problem-d');
    expect(problem.textContent).toContain('受付日');
    expect(problem.textContent).toContain('平成の期間外');
    expect(problem.textContent).toContain('2019年4月30日');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('H31.5.1');
    setLocale('en');
    await type(input, '2026/4/31');
    expect(screen.getByTestId('date-problem-d').textContent).toContain('no such day');
  });

  it('says what forms it reads when the text is not a date', async () => {
    const input = field();
    await type(input, '4/1/2026');
    expect(screen.getByTestId('date-problem-d').textContent).toContain('令和8年4月1日');
    await type(input, '');
    expect(screen.queryByTestId('date-problem-d')).toBeNull();
  });
});
