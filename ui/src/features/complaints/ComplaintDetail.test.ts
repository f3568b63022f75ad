import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ComplaintView } from '../../bindings/ComplaintView';
import { useBackend } from '../../mock/testing';
import ComplaintDetail from './ComplaintDetail.svelte';

describe('ComplaintDetail', () => {
  it('refuses to close without a resolution, then closes with one', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const open = backend.answer<ComplaintView[]>('list_complaints').find((c) => c.open)?.complaint;
    render(ComplaintDetail, { id: open?.id ?? 0 });
    await fireEvent.click(await screen.findByTestId('complaint-close'));
    await fireEvent.click(screen.getByTestId('cstep-submit'));
    const error = await screen.findByTestId('step-error');
    expect(error.textContent).toContain('解決の内容：苦情を終了するには、処理の結果を記入してください');
    expect(error.textContent).not.toContain('written down');
    expect(screen.getByTestId('error-resolution')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('cstep-resolution'), { target: { value: '抽出条件を修正し、申出者に説明した' } });
    await fireEvent.click(screen.getByTestId('cstep-submit'));
    await vi.waitFor(() => expect(screen.getByTestId('complaint-status').textContent).toBe('解決済み'));
    expect(screen.getByTestId('complaint-resolution').textContent).toBe('抽出条件を修正し、申出者に説明した');
  });
});
