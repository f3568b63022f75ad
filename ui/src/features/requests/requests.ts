// Requests on the UI side: the steps the action panel offers for a status, the intake draft
// and the deadline that matters now.
import type { FieldError } from '../../bindings/FieldError';
import type { Request } from '../../bindings/Request';
import type { RequestDeadline } from '../../bindings/RequestDeadline';
import type { RequestInput } from '../../bindings/RequestInput';
import type { RequestView } from '../../bindings/RequestView';
import type { RequestRules } from '../../bindings/RequestRules';
import type { RequestType } from '../../bindings/RequestType';
import { fieldError } from '../../lib/fields';
import { todayIso } from '../../lib/deadlines';

// ---- the action panel -----------------------------------------------------------------------

export type RequestAction =
  | 'startIdentityCheck'
  | 'confirmIdentity'
  | 'addPause'
  | 'endPause'
  | 'extend'
  | 'removeExtension'
  | 'largeVolume'
  | 'removeLargeVolume'
  | 'decide'
  | 'notify'
  | 'close'
  | 'withdraw';

/**
 * The steps the state machine accepts from the request's status (src/model/request.rs
 * `take_step`, `add_request_pause`, `set_request_extension`, `set_request_large_volume`). A
 * step whose dates or an open pause make it fail is still offered; the core then says why. An
 * extension and the large-volume special track exclude each other, so only one is offered
 * once the other is recorded.
 */
export function availableActions(request: Request, rules: RequestRules): RequestAction[] {
  const status = request.status;
  const beforeDecision = status === 'received' || status === 'identityCheck' || status === 'underReview';
  const openPause = request.pauses.some((p) => p.to === null);
  const actions: RequestAction[] = [];
  if (status === 'received') actions.push('startIdentityCheck');
  if (status === 'received' || status === 'identityCheck') actions.push('confirmIdentity');
  if (status === 'underReview') actions.push('decide');
  if (status === 'decided') actions.push('notify');
  if (status === 'notified') actions.push('close');
  if (beforeDecision) {
    actions.push(openPause ? 'endPause' : 'addPause');
    if (rules.extensionAllowed && !request.largeVolume) {
      actions.push(request.extension ? 'removeExtension' : 'extend');
    }
    if (rules.largeVolumeAllowed && !request.extension) {
      actions.push(request.largeVolume ? 'removeLargeVolume' : 'largeVolume');
    }
  }
  if (beforeDecision || status === 'decided') actions.push('withdraw');
  return actions;
}

// ---- intake drafts ---------------------------------------------------------------------------

/** The intake form's state: numbers as typed, so that 全角 digits and blanks are accepted. */
export type RequestDraft = Omit<RequestInput, 'feeYen' | 'requestedMethod'> & {
  feeYen: string;
  requestedMethod: RequestInput['requestedMethod'] | '';
};

export function emptyRequestDraft(requestType: RequestType, today: string = todayIso()): RequestDraft {
  return {
    reference: '',
    requestType,
    receivedOn: today,
    channel: 'counter',
    requesterName: '',
    requesterContact: '',
    agent: 'none',
    agentName: '',
    description: '',
    holdingIds: [],
    requestedMethod: '',
    feeYen: '',
    notes: '',
  };
}

export function requestDraftFrom(request: Request): RequestDraft {
  return {
    reference: request.reference,
    requestType: request.requestType,
    receivedOn: request.receivedOn,
    channel: request.channel,
    requesterName: request.requesterName,
    requesterContact: request.requesterContact,
    agent: request.agent,
    agentName: request.agentName,
    description: request.description,
    holdingIds: [...request.holdingIds],
    requestedMethod: request.requestedMethod ?? '',
    feeYen: request.feeYen === null ? '' : String(request.feeYen),
    notes: request.notes,
  };
}

/** 全角 digits and separators accepted; blank is null; anything else is an error. */
export function parseYen(text: string): number | null | 'invalid' {
  const value = text.normalize('NFKC').replace(/[,\s円]/g, '');
  if (value === '') return null;
  return /^\d+$/.test(value) ? Number(value) : 'invalid';
}

export function requestDraftToInput(draft: RequestDraft): { input: RequestInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fee = parseYen(draft.feeYen);
  if (fee === 'invalid') errors.push(fieldError('feeYen', 'malformed'));
  if (!draft.receivedOn) errors.push(fieldError('receivedOn', 'required'));
  const input: RequestInput = {
    ...draft,
    holdingIds: [...draft.holdingIds],
    agentName: draft.agent === 'none' ? '' : draft.agentName,
    requestedMethod: draft.requestedMethod === '' ? null : draft.requestedMethod,
    feeYen: fee === 'invalid' ? null : fee,
  };
  return { input, errors };
}

/** Instant feedback for the fields the core certainly requires. */
export function requestClientChecks(draft: RequestDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.requesterName.trim()) errors.push(fieldError('requesterName', 'required'));
  if (draft.agent !== 'none' && !draft.agentName.trim()) errors.push(fieldError('agentName', 'required'));
  return errors;
}

/** The deadline that matters now: the first pending or overdue one, else the first shown. */
export function nextDeadline(view: RequestView): RequestDeadline | null {
  const open = view.deadlines
    .filter((d) => d.state === 'pending' || d.state === 'overdue')
    .sort((a, b) => a.deadline.due.localeCompare(b.deadline.due));
  return open[0] ?? view.deadlines.find((d) => d.state !== 'informational') ?? null;
}
