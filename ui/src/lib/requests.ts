// Requests and complaints on the UI side: the deadline explanation rendered from the core's
// structured steps, the steps the action panel offers for a status, intake drafts and the
// labels of reported field paths.
import type { ComplaintInput } from '../bindings/ComplaintInput';
import type { Deadline } from '../bindings/Deadline';
import type { DeadlineRule } from '../bindings/DeadlineRule';
import type { DeadlineStep } from '../bindings/DeadlineStep';
import type { FieldError } from '../bindings/FieldError';
import type { Request } from '../bindings/Request';
import type { RequestDeadline } from '../bindings/RequestDeadline';
import type { RequestInput } from '../bindings/RequestInput';
import type { RequestView } from '../bindings/RequestView';
import type { RequestRules } from '../bindings/RequestRules';
import type { RequestType } from '../bindings/RequestType';
import type { ClosureReason } from '../bindings/ClosureReason';
import { formatDate, formatDateTime } from '../i18n/format';
import { isMessageKey, t, type MessageKey } from '../i18n/i18n.svelte';
import { fieldError } from './fields';

/** Today as a civil date in the officer's time zone (the core counts in local dates too). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Days between two civil dates (`to` − `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---- the deadline explanation -------------------------------------------------------------

function rolledOverKey(reason: ClosureReason | undefined): MessageKey {
  switch (reason?.kind) {
    case 'holiday':
      return 'explain.rolledOver.holiday';
    case 'weekend':
      return 'explain.rolledOver.weekend';
    case 'recurringClosure':
    case 'closedDate':
      return 'explain.rolledOver.closure';
    default:
      return 'explain.rolledOver.closed';
  }
}

/** One step in the current language, e.g. 2026年4月1日の翌日から30日 / 30 days from the day after 1 Apr 2026. */
export function explainStep(step: DeadlineStep): string {
  switch (step.step) {
    case 'countDays': {
      const params = { days: step.days, event: formatDate(step.event) };
      if (step.start === 'dayAfterEvent') {
        return t(step.days === 1 ? 'explain.countDays.dayAfterOne' : 'explain.countDays.dayAfter', params);
      }
      return t(step.days === 1 ? 'explain.countDays.eventDayOne' : 'explain.countDays.eventDay', params);
    }
    case 'extendedByDays':
      return t('explain.extendedByDays', { days: step.days });
    case 'paused':
      return t(step.days === 1 ? 'explain.pausedOne' : 'explain.paused', {
        days: step.days,
        from: formatDate(step.from),
        to: formatDate(step.to),
      });
    case 'addMonths': {
      const text = t(step.months === 1 ? 'explain.addMonthsOne' : 'explain.addMonths', {
        months: step.months,
        from: formatDate(step.from),
      });
      return step.clamped ? text + t('explain.clamped') : text;
    }
    case 'extendedByMonths':
      return t('explain.extendedByMonths', { months: step.months });
    case 'addHours':
      return t('explain.addHours', { hours: step.hours, from: formatDateTime(step.from) });
    case 'rolledOver':
      return t(rolledOverKey(step.closed[0]?.reasons[0]), {
        from: formatDate(step.from),
        to: formatDate(step.to),
      });
    case 'targetWindow':
      return t('explain.targetWindow', {
        event: formatDate(step.event),
        opens: daysBetween(step.event, step.opens),
        closes: daysBetween(step.event, step.closes),
      });
    case 'actionPossibleFrom':
      return t('explain.actionPossibleFrom', { date: formatDate(step.date) });
    case 'fixedByOrgan':
      return t('explain.fixedByOrgan', { date: formatDate(step.date) });
  }
}

/** The whole explanation: steps joined, then the due date (or instant). */
export function explainDeadline(deadline: Deadline): string {
  const steps = deadline.explanation.map(explainStep).join(t('explain.separator'));
  const due = deadline.dueAt ? formatDateTime(deadline.dueAt) : formatDate(deadline.due);
  return steps ? t('explain.result', { steps, due }) : due;
}

const DEADLINE_NOTES: Partial<Record<DeadlineRule, MessageKey>> = {
  publicLargeVolumeNotice: 'deadline.note.publicLargeVolumeNotice',
  publicLargeVolumePart: 'deadline.note.publicLargeVolumePart',
  publicLargeVolumeRemainder: 'deadline.note.publicLargeVolumeRemainder',
};

/** What a deadline of the large-volume special track means, or null for other rules. */
export function deadlineNote(rule: DeadlineRule): string | null {
  const key = DEADLINE_NOTES[rule];
  return key ? t(key) : null;
}

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

export function emptyComplaintInput(today: string = todayIso()): ComplaintInput {
  return {
    reference: '',
    receivedOn: today,
    channel: 'phone',
    complainant: '',
    complainantContact: '',
    subject: '',
    description: '',
    holdingIds: [],
  };
}

// ---- labels of reported paths ------------------------------------------------------------

/** `holdingIds[2]` → 対象となる個人情報（3件目）; `decision.decidedOn` → 決定日. */
export function pathLabel(prefix: 'request.field' | 'complaint.field' | 'step.field' | 'deadlineSettings.field', path: string): string {
  const bare = path.replace(/\[(\d+)\]/g, '');
  const index = /\[(\d+)\]/.exec(path);
  const key = `${prefix}.${bare}`;
  let text: string;
  if (isMessageKey(key)) text = t(key);
  else {
    const top = `${prefix}.${bare.split('.')[0] ?? bare}`;
    text = isMessageKey(top) ? t(top) : path;
  }
  return index ? t('field.indexed', { label: text, n: Number(index[1]) + 1 }) : text;
}

/** あと3日 / 本日期限 / 2日超過. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return t('days.today');
  if (daysLeft > 0) return t(daysLeft === 1 ? 'days.leftOne' : 'days.left', { n: daysLeft });
  const n = -daysLeft;
  return t(n === 1 ? 'days.overOne' : 'days.over', { n });
}

/** The deadline that matters now: the first pending or overdue one, else the first shown. */
export function nextDeadline(view: RequestView): RequestDeadline | null {
  const open = view.deadlines
    .filter((d) => d.state === 'pending' || d.state === 'overdue')
    .sort((a, b) => a.deadline.due.localeCompare(b.deadline.due));
  return open[0] ?? view.deadlines.find((d) => d.state !== 'informational') ?? null;
}
