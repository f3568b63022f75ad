import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { app } from '../../lib/app.svelte';
import type { Holding } from '../../bindings/Holding';
import type { RequestView } from '../../bindings/RequestView';
import type { ReplayBackend } from '../../mock/replay';
import { RECORDED_TODAY, useBackend, useBackendWith } from '../../mock/testing';
import RequestDetail from './RequestDetail.svelte';
import RequestForm from './RequestForm.svelte';

const requestWhere = (backend: ReplayBackend, test: (view: RequestView) => boolean): RequestView => {
  const found = backend.answer<RequestView[]>('list_requests').find(test);
  if (!found) throw new Error('the demo has such a request');
  return found;
};

const buttons = (container: HTMLElement) =>
  Array.from(container.querySelectorAll<HTMLElement>('[data-testid^="action-"]')).map((b) => b.dataset.testid);

describe('RequestForm', () => {
  it('shows the core’s field errors inline and in the summary, and saves nothing', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(RequestForm, { request: null, oncancel: () => {} });
    await screen.findByRole('option', { name: '利用目的の通知' });
    await fireEvent.input(screen.getByTestId('field-feeYen'), { target: { value: '三百' } });
    await fireEvent.click(screen.getByTestId('request-save'));
    expect(screen.getByTestId('error-requesterName').textContent).toContain('入力してください');
    expect(screen.getByTestId('error-feeYen').textContent).toContain('形式が正しくありません');
    expect(screen.getByTestId('form-errors').textContent).toContain('請求者の氏名：入力してください');
    expect(backend.calls.map((c) => c.cmd)).not.toContain('create_request');
  });

  it('maps a validation report from the core onto the fields', async () => {
    const backend = useBackend({ scenario: 'demo' });
    useBackendWith(backend, {
      create_request: () => {
        throw {
          kind: 'validation',
          message: 'invalid request',
          fields: [
            { field: 'holdingIds[0]', code: 'duplicate', limit: null, other: null, message: '' },
            { field: 'feeYen', code: 'notInRegime', limit: null, other: null, message: 'no fee may be charged' },
            { field: 'receivedOn', code: 'dateOrder', limit: null, other: null, message: '' },
          ],
          records: [],
        };
      },
    });
    render(RequestForm, { request: null, oncancel: () => {} });
    await screen.findByRole('option', { name: '開示' });
    await fireEvent.input(screen.getByTestId('field-requesterName'), { target: { value: '山田 花子' } });
    await fireEvent.click(screen.getByTestId('request-save'));
    await vi.waitFor(() => expect(screen.getByTestId('form-errors')).toBeTruthy());
    expect(screen.getByTestId('error-holdingIds').textContent).toContain('他の行と重複しています');
    expect(screen.getByTestId('error-feeYen').textContent).toContain('この組織に適用される法制度では選択できません');
    expect(screen.getByTestId('error-receivedOn').textContent).toContain('前の日付より後の日付を入力してください');
    expect(screen.getByTestId('field-receivedOn').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('form-errors').textContent).toContain('対象となる個人情報（1件目）：他の行と重複しています');
  });

  it('records a new request and opens it', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(RequestForm, { request: null, oncancel: () => {} });
    await screen.findByRole('option', { name: '開示' });
    await fireEvent.input(screen.getByTestId('field-requesterName'), { target: { value: '山田 花子' } });
    await fireEvent.click(await screen.findByTestId('pick-holding-H-0001'));
    await fireEvent.click(screen.getByTestId('request-save'));
    await vi.waitFor(() => expect(app.route.name).toBe('request'));
    const created = backend.calls.find((c) => c.cmd === 'create_request')?.args.input as Record<string, unknown>;
    expect(created).toMatchObject({ requesterName: '山田 花子', requestType: 'disclosure', agentName: '', feeYen: null });
    expect(created.holdingIds).toEqual([backend.answer<Holding[]>('list_holdings')[0]?.id]);
  });
});

describe('RequestDetail', () => {
  it('offers only the steps of the status and explains the deadlines', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const paused = requestWhere(backend, (v) => v.request.reference === 'R-0002');
    render(RequestDetail, { id: paused.request.id });
    const actions = await screen.findByTestId('request-actions');
    expect(buttons(actions)).toEqual(['action-confirmIdentity', 'action-endPause', 'action-withdraw']);
    expect(screen.getByTestId('request-status').textContent).toBe('本人確認中');
    const explanation = screen.getByTestId('deadline-explanation-privateTarget').textContent ?? '';
    expect(explanation).toContain(`の翌日から14日`);
    expect(explanation).toContain('日間停止');
    expect(screen.getByTestId('art39-warning').textContent).toContain('訴えを提起できます');
    expect(screen.queryByTestId('action-decide')).toBeNull();
  });

  it('shows nothing to do on a closed request', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const closed = requestWhere(backend, (v) => v.request.status === 'closed');
    render(RequestDetail, { id: closed.request.id });
    await screen.findByTestId('request-detail');
    expect(screen.queryByTestId('request-actions')).toBeNull();
    expect(screen.getAllByTestId('timeline-event').map((e) => e.dataset.kind)).toEqual([
      'received',
      'identityConfirmed',
      'decided',
      'notified',
      'closed',
    ]);
  });

  it('shows the core’s message when a step is refused, and records nothing', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const review = requestWhere(backend, (v) => v.request.reference === 'R-0003');
    render(RequestDetail, { id: review.request.id });
    await fireEvent.click(await screen.findByTestId('action-decide'));
    await fireEvent.input(screen.getByTestId('step-decision-decidedOn'), { target: { value: '2026-03-13' } });
    await fireEvent.click(screen.getByTestId('step-submit'));
    const error = await screen.findByTestId('step-error');
    expect(error.textContent).toContain('この手続は受け付けられませんでした');
    // The date it is compared with is named, in Japanese; the core's English sentence is not shown.
    expect(error.textContent).toContain('決定日：「確認日」以降の日付を入力してください');
    expect(error.textContent).not.toContain('identity');
    expect(screen.getByTestId('error-decision-decidedOn')).toBeTruthy();
    // Refused: the register stays as it was.
    expect(backend.state).toBe('demo');

    await fireEvent.input(screen.getByTestId('step-decision-decidedOn'), { target: { value: RECORDED_TODAY } });
    await fireEvent.click(screen.getByTestId('step-submit'));
    await vi.waitFor(() => expect(screen.getByTestId('request-status').textContent).toBe('決定済み'));
    expect(buttons(screen.getByTestId('request-actions'))).toEqual(['action-notify', 'action-withdraw']);
  });
});
