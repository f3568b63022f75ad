import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Request } from '../../bindings/Request';
import type { RequestTrack } from '../../bindings/RequestTrack';
import type { RequestType } from '../../bindings/RequestType';
import type { RequestView } from '../../bindings/RequestView';
import { recordedRules, useBackend, useBackendWith } from '../../mock/testing';
import RequestActions from './RequestActions.svelte';

function view(track: RequestTrack, requestType: RequestType, extra: Partial<Request> = {}): RequestView {
  const request: Request = {
    id: 7,
    track,
    status: 'underReview',
    identity: { documents: ['運転免許証'], checkedBy: '佐藤', checkedOn: '2026-04-02' },
    pauses: [],
    extension: null,
    largeVolume: null,
    decision: null,
    notification: null,
    closedOn: null,
    timeline: [],
    version: 3,
    createdAt: '2026-04-01T00:00:00Z',
    updatedAt: '2026-04-02T00:00:00Z',
    reference: 'R-0007',
    requestType,
    receivedOn: '2026-04-01',
    channel: 'post',
    requesterName: '山田 花子',
    requesterContact: '',
    agent: 'none',
    agentName: '',
    description: '',
    holdingIds: [],
    requestedMethod: null,
    feeYen: null,
    notes: '',
    ...extra,
  };
  return {
    request,
    deadlines: [],
    daysOpen: 1,
    overdue: false,
    dueThisWeek: false,
    paused: false,
    rules: recordedRules(track, requestType),
  };
}

describe('RequestActions: the large-volume special track', () => {
  it.each([
    ['localGovernment', 'disclosure', true],
    ['nationalOrgan', 'disclosure', true],
    ['localGovernment', 'correction', false],
    ['nationalOrgan', 'suspensionOrErasure', false],
    ['privateOperator', 'disclosure', false],
    ['gdpr', 'gdprAccess', false],
  ] as const)('%s %s: offered %s', (track, type, offered) => {
    render(RequestActions, { view: view(track, type), onchanged: () => {} });
    const button = screen.queryByTestId('action-largeVolume');
    expect(button !== null).toBe(offered);
    if (button) expect(button.textContent).toBe('開示決定等の期限の特例を適用');
  });

  it('is not offered after the decision, nor beside an extension', () => {
    const decided = view('localGovernment', 'disclosure', {
      status: 'decided',
      decision: { outcome: 'full', decidedOn: '2026-04-20', grounds: [], reason: '' },
    });
    const first = render(RequestActions, { view: decided, onchanged: () => {} });
    expect(screen.queryByTestId('action-largeVolume')).toBeNull();
    first.unmount();
    const extended = view('localGovernment', 'disclosure', {
      extension: { reason: '事務処理上の困難', notifiedOn: '2026-04-20' },
    });
    render(RequestActions, { view: extended, onchanged: () => {} });
    expect(screen.queryByTestId('action-largeVolume')).toBeNull();
    expect(screen.getByTestId('action-removeExtension')).toBeTruthy();
  });

  it('offers removal, and no extension, once the track applies', () => {
    const tracked = view('nationalOrgan', 'disclosure', {
      largeVolume: { reason: '大量', notifiedOn: '2026-04-20', remainderBy: '2026-09-30' },
    });
    render(RequestActions, { view: tracked, onchanged: () => {} });
    expect(screen.getByTestId('action-removeLargeVolume')).toBeTruthy();
    expect(screen.queryByTestId('action-extend')).toBeNull();
    expect(screen.queryByTestId('action-largeVolume')).toBeNull();
  });

  it('submits the reason, the notice date and the remainder date', async () => {
    const submitted: unknown[] = [];
    const current = view('localGovernment', 'disclosure');
    useBackendWith(useBackend(), {
      set_request_large_volume: (args) => {
        submitted.push(args);
        return { ...current.request, version: 4, largeVolume: (args as { largeVolume: unknown }).largeVolume };
      },
    });
    const onchanged = vi.fn();
    render(RequestActions, { view: current, onchanged });
    await fireEvent.click(screen.getByTestId('action-largeVolume'));
    expect(screen.getByTestId('large-volume-text').textContent).toContain('法第84条');
    await fireEvent.input(screen.getByTestId('step-largeVolume-reason'), { target: { value: '対象文書が約3万枚' } });
    await fireEvent.input(screen.getByTestId('step-largeVolume-notifiedOn'), { target: { value: '2026-04-30' } });
    await fireEvent.input(screen.getByTestId('step-largeVolume-remainderBy'), { target: { value: '2026-09-30' } });
    await fireEvent.click(screen.getByTestId('step-submit'));
    await vi.waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect(submitted).toEqual([
      {
        id: 7,
        expectedVersion: 3,
        largeVolume: { reason: '対象文書が約3万枚', notifiedOn: '2026-04-30', remainderBy: '2026-09-30' },
      },
    ]);
  });

  it('asks for the remainder date before calling the core', async () => {
    const backend = useBackend();
    render(RequestActions, { view: view('localGovernment', 'disclosure'), onchanged: () => {} });
    await fireEvent.click(screen.getByTestId('action-largeVolume'));
    await fireEvent.click(screen.getByTestId('step-submit'));
    expect((await screen.findByTestId('step-error')).textContent).toContain('残りの部分を決定する期限');
    expect(backend.calls.map((c) => c.cmd)).not.toContain('set_request_large_volume');
  });
});
