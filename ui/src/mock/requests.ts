// Requests, complaints, the agenda and deadline settings for the mock backend. The deadline
// arithmetic is a simplified restatement of src/deadline (weekends and closure days, no national
// holidays), enough for Vitest and the mock page; the real rules live in Rust.
import type { Agenda } from '../bindings/Agenda';
import type { AgendaItem } from '../bindings/AgendaItem';
import type { Complaint } from '../bindings/Complaint';
import type { ComplaintActionInput } from '../bindings/ComplaintActionInput';
import type { ComplaintInput } from '../bindings/ComplaintInput';
import type { ComplaintView } from '../bindings/ComplaintView';
import type { Deadline } from '../bindings/Deadline';
import type { DeadlineSettings } from '../bindings/DeadlineSettings';
import type { DeadlineSettingsInput } from '../bindings/DeadlineSettingsInput';
import type { DeadlineSettingsState } from '../bindings/DeadlineSettingsState';
import type { DeadlineStep } from '../bindings/DeadlineStep';
import type { DecisionOutcome } from '../bindings/DecisionOutcome';
import type { ErrorKind } from '../bindings/ErrorKind';
import type { ErrorReport } from '../bindings/ErrorReport';
import type { Extension } from '../bindings/Extension';
import type { FieldError } from '../bindings/FieldError';
import type { LargeVolumeNotice } from '../bindings/LargeVolumeNotice';
import type { Organisation } from '../bindings/Organisation';
import type { PauseInput } from '../bindings/PauseInput';
import type { RefusalGround } from '../bindings/RefusalGround';
import type { Request } from '../bindings/Request';
import type { RequestDeadline } from '../bindings/RequestDeadline';
import type { RequestEventKind } from '../bindings/RequestEventKind';
import type { RequestInput } from '../bindings/RequestInput';
import type { RequestRules } from '../bindings/RequestRules';
import type { RequestStep } from '../bindings/RequestStep';
import type { RequestTrack } from '../bindings/RequestTrack';
import type { RequestType } from '../bindings/RequestType';
import type { RequestView } from '../bindings/RequestView';

/** The mock's today; the mock clock starts on this day too. */
export const MOCK_TODAY = '2026-04-15';

function report(kind: ErrorKind, message: string, fields: FieldError[] = []): ErrorReport {
  return { kind, message, fields, records: [] };
}
function fail(field: string, code: FieldError['code'], message = `${field}: ${code}`): FieldError {
  return { field, code, limit: null, message };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function diffDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const GDPR_TYPES: RequestType[] = [
  'gdprAccess',
  'gdprRectification',
  'gdprErasure',
  'gdprRestriction',
  'gdprPortability',
  'gdprObjection',
];
const PUBLIC_TYPES: RequestType[] = ['disclosure', 'correction', 'suspensionOrErasure', 'stopThirdPartyProvision'];
const ALL_TYPES: RequestType[] = [
  'purposeNotification',
  'disclosure',
  'provisionRecordDisclosure',
  'correction',
  'suspensionOrErasure',
  'stopThirdPartyProvision',
  ...GDPR_TYPES,
];

export function trackFor(org: Organisation, type: RequestType): RequestTrack | null {
  if (GDPR_TYPES.includes(type)) return org.regime === 'gdprController' || org.gdprApplies ? 'gdpr' : null;
  if (org.regime === 'privateOperator') return 'privateOperator';
  if (org.regime === 'nationalOrgan' && PUBLIC_TYPES.includes(type)) return 'nationalOrgan';
  if (org.regime === 'localGovernment' && PUBLIC_TYPES.includes(type)) return 'localGovernment';
  return null;
}

export function rulesFor(track: RequestTrack, type: RequestType): RequestRules {
  const publicBody = track === 'nationalOrgan' || track === 'localGovernment';
  let grounds: RefusalGround[] = [];
  if (track === 'privateOperator' && (type === 'disclosure' || type === 'provisionRecordDisclosure')) {
    grounds = ['harmToPersonOrThirdParty', 'seriousBusinessImpediment', 'violationOfOtherLaws'];
  } else if (publicBody && type === 'disclosure') {
    grounds = [
      'requesterLifeOrHealth',
      'otherIndividuals',
      'corporateInformation',
      'nationalSecurity',
      'publicSafety',
      'deliberation',
      'administrativeAffairs',
    ];
  } else if (track === 'gdpr') grounds = ['manifestlyUnfounded', 'manifestlyExcessive'];
  const outcomes: DecisionOutcome[] = ['full', 'partial', 'refusal', 'notHeld'];
  if (publicBody && type === 'disclosure') outcomes.push('neitherConfirmNorDeny');
  return {
    outcomes,
    grounds,
    groundsRequired: track !== 'gdpr' && grounds.length > 0,
    extensionAllowed: track !== 'privateOperator',
    largeVolumeAllowed: publicBody && type === 'disclosure',
    pausesStopTheClock: track !== 'gdpr',
    feeAllowed:
      track === 'gdpr' ||
      (track === 'privateOperator'
        ? ['purposeNotification', 'disclosure', 'provisionRecordDisclosure'].includes(type)
        : type === 'disclosure'),
  };
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettingsInput = {
  recurringClosures: [{ from: { month: 12, day: 29 }, to: { month: 1, day: 3 } }],
  closedDates: [],
  ordinanceDecisionDays: null,
  ordinanceExtensionDays: null,
  privateTargetDays: 14,
};

function closedReason(date: string, settings: DeadlineSettingsInput) {
  const d = new Date(`${date}T00:00:00Z`);
  const md = (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  for (const range of settings.recurringClosures) {
    const from = range.from.month * 100 + range.from.day;
    const to = range.to.month * 100 + range.to.day;
    const inside = from <= to ? md >= from && md <= to : md >= from || md <= to;
    if (inside) return { kind: 'recurringClosure' as const, range };
  }
  if (settings.closedDates.includes(date)) return { kind: 'closedDate' as const };
  if (d.getUTCDay() === 0 || d.getUTCDay() === 6) return { kind: 'weekend' as const };
  return null;
}

/** `days` from the day after `event`, pause days not counted; optionally moved off closed days. */
function countDays(
  event: string,
  days: number,
  pauses: { from: string; to: string }[],
  settings: DeadlineSettingsInput | null,
): { due: string; steps: DeadlineStep[] } {
  const paused = (d: string) => pauses.some((p) => d >= p.from && d <= p.to);
  let day = event;
  let counted = 0;
  let dayOne = '';
  while (counted < days) {
    day = addDays(day, 1);
    if (paused(day)) continue;
    counted += 1;
    if (counted === 1) dayOne = day;
  }
  const steps: DeadlineStep[] = [
    { step: 'countDays', days, start: 'dayAfterEvent', event, dayOne, lastDay: day },
  ];
  for (const p of pauses) steps.push({ step: 'paused', from: p.from, to: p.to, days: diffDays(p.from, p.to) + 1 });
  if (settings) {
    const from = day;
    const closed = [];
    let reason = closedReason(day, settings);
    while (reason) {
      closed.push({ date: day, reasons: [reason] });
      day = addDays(day, 1);
      reason = closedReason(day, settings);
    }
    if (closed.length) steps.push({ step: 'rolledOver', from, to: day, closed });
  }
  return { due: day, steps };
}

type Stored = Request;

export class MockRequests {
  requests: Stored[] = [];
  complaints: Complaint[] = [];
  settings: DeadlineSettings | null = null;
  today = MOCK_TODAY;
  private nextId = 1;
  private nextEventId = 1;

  constructor(
    private readonly org: () => Organisation | null,
    private readonly now: () => string,
  ) {}

  effective(): DeadlineSettingsInput {
    if (!this.settings) return structuredClone(DEFAULT_DEADLINE_SETTINGS);
    const { version: _v, updatedAt: _u, ...input } = this.settings;
    return structuredClone(input);
  }

  settingsState(): DeadlineSettingsState {
    return { saved: structuredClone(this.settings), effective: this.effective() };
  }

  saveSettings(input: DeadlineSettingsInput, expectedVersion: number | null): DeadlineSettings {
    if ((this.settings?.version ?? null) !== expectedVersion) throw report('conflict', 'deadline settings changed elsewhere');
    const errors: FieldError[] = [];
    if (input.privateTargetDays < 1 || input.privateTargetDays > 365) errors.push({ ...fail('privateTargetDays', 'outOfRange'), limit: 365 });
    for (const key of ['ordinanceDecisionDays', 'ordinanceExtensionDays'] as const) {
      const v = input[key];
      if (v !== null && (v < 1 || v > 30)) errors.push({ ...fail(key, 'outOfRange'), limit: 30 });
    }
    if (errors.length) throw report('validation', 'invalid settings', errors);
    this.settings = { ...structuredClone(input), version: (this.settings?.version ?? 0) + 1, updatedAt: this.now() };
    return structuredClone(this.settings);
  }

  types(): RequestType[] {
    const org = this.org();
    return org ? ALL_TYPES.filter((t) => trackFor(org, t) !== null) : [];
  }

  // ---- requests ----

  private find(id: unknown): Stored {
    const r = this.requests.find((x) => x.id === id);
    if (!r) throw report('notFound', `request ${String(id)} not found`);
    return r;
  }

  private event(r: Stored, kind: RequestEventKind, on: string, note = ''): void {
    r.timeline.push({ id: this.nextEventId++, kind, on, status: r.status, note, actor: 'yamada', recordedAt: this.now() });
  }

  private intakeErrors(input: RequestInput, track: RequestTrack | null): FieldError[] {
    const errors: FieldError[] = [];
    if (!track) errors.push(fail('requestType', 'notInRegime', 'this request type is not provided for this organisation'));
    if (!input.receivedOn) errors.push(fail('receivedOn', 'required'));
    if (!input.requesterName.trim()) errors.push(fail('requesterName', 'required'));
    if (input.agent !== 'none' && !input.agentName.trim()) errors.push(fail('agentName', 'required'));
    if (input.agent === 'none' && input.agentName.trim()) errors.push(fail('agentName', 'malformed'));
    if (input.feeYen !== null && input.feeYen > 0 && track && !rulesFor(track, input.requestType).feeAllowed) {
      errors.push(fail('feeYen', 'notInRegime', 'no fee may be charged for this request'));
    }
    if (input.reference && this.requests.some((r) => r.reference === input.reference)) errors.push(fail('reference', 'duplicate'));
    return errors;
  }

  create(input: RequestInput): Request {
    const org = this.org();
    if (!org) throw report('conflict', 'register the organisation first');
    const track = trackFor(org, input.requestType);
    const errors = this.intakeErrors(input, track);
    if (errors.length || !track) throw report('validation', 'invalid request', errors);
    const at = this.now();
    const id = this.nextId++;
    const r: Stored = {
      ...structuredClone(input),
      reference: input.reference || `R-${String(this.requests.length + 1).padStart(4, '0')}`,
      id,
      track,
      status: 'received',
      identity: null,
      pauses: [],
      extension: null,
      largeVolume: null,
      decision: null,
      notification: null,
      closedOn: null,
      timeline: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    this.event(r, 'received', input.receivedOn);
    this.requests.push(r);
    return structuredClone(r);
  }

  private change(id: unknown, expectedVersion: unknown, apply: (r: Stored) => void): Request {
    const current = this.find(id);
    if (current.version !== expectedVersion) {
      throw report('conflict', `request ${current.reference} was changed elsewhere since it was opened; reload it and try again`);
    }
    const copy = structuredClone(current);
    apply(copy);
    copy.version += 1;
    copy.updatedAt = this.now();
    this.requests = this.requests.map((r) => (r.id === copy.id ? copy : r));
    return structuredClone(copy);
  }

  update(id: unknown, expectedVersion: unknown, input: RequestInput): Request {
    return this.change(id, expectedVersion, (r) => {
      const errors = this.intakeErrors(input, r.track).filter(
        (e) => !(e.field === 'reference' && input.reference === r.reference),
      );
      if (errors.length) throw report('validation', 'invalid request', errors);
      Object.assign(r, structuredClone(input));
    });
  }

  advance(id: unknown, expectedVersion: unknown, step: RequestStep): Request {
    return this.change(id, expectedVersion, (r) => {
      const ref = r.reference;
      const ended = r.status === 'closed' || r.status === 'withdrawn';
      if (ended) throw report('conflict', `request ${ref} was ${r.status}; an ended request cannot be changed`);
      const dateOrder = (field: string, message: string) => {
        throw report('validation', message, [fail(field, 'dateOrder', message)]);
      };
      switch (step.step) {
        case 'startIdentityCheck':
          if (r.status !== 'received') throw report('conflict', `request ${ref} is already past the identity check`);
          if (step.on < r.receivedOn) dateOrder('on', `the identity check cannot start on ${step.on}, before the request was received on ${r.receivedOn}`);
          r.status = 'identityCheck';
          this.event(r, 'identityCheckStarted', step.on);
          return;
        case 'confirmIdentity': {
          if (r.status !== 'received' && r.status !== 'identityCheck') throw report('conflict', `the identity of request ${ref}'s requester was already confirmed`);
          const errors: FieldError[] = [];
          if (!step.identity.documents.length) errors.push(fail('identity.documents', 'required'));
          if (!step.identity.checkedBy.trim()) errors.push(fail('identity.checkedBy', 'required'));
          if (errors.length) throw report('validation', 'invalid identity check', errors);
          r.identity = step.identity;
          r.status = 'underReview';
          this.event(r, 'identityConfirmed', step.identity.checkedOn);
          return;
        }
        case 'decide': {
          if (r.status === 'received' || r.status === 'identityCheck') {
            throw report('conflict', `request ${ref} cannot be decided before the requester's identity is confirmed; record the identity check first`);
          }
          if (r.status !== 'underReview') throw report('conflict', `request ${ref} was already decided`);
          const open = r.pauses.find((p) => p.to === null);
          if (open) throw report('conflict', `request ${ref} is paused (waiting since ${open.from}); record the day the pause ended before deciding`);
          const d = step.decision;
          if (r.identity && d.decidedOn < r.identity.checkedOn) {
            dateOrder('decision.decidedOn', `the decision is dated ${d.decidedOn} but the requester's identity was confirmed only on ${r.identity.checkedOn}`);
          }
          const rules = rulesFor(r.track, r.requestType);
          const withholds = d.outcome === 'partial' || d.outcome === 'refusal' || d.outcome === 'neitherConfirmNorDeny';
          const errors: FieldError[] = [];
          if (withholds && !d.reason.trim()) errors.push(fail('decision.reason', 'required'));
          if (withholds && rules.groundsRequired && !d.grounds.length) errors.push(fail('decision.grounds', 'required'));
          if (errors.length) throw report('validation', 'invalid decision', errors);
          r.decision = d;
          r.status = 'decided';
          this.event(r, 'decided', d.decidedOn);
          return;
        }
        case 'notify':
          if (r.status !== 'decided') throw report('conflict', `request ${ref} has no decision to notify yet; record the decision first`);
          if (r.decision && step.notification.respondedOn < r.decision.decidedOn) {
            dateOrder('notification.respondedOn', `the answer is dated ${step.notification.respondedOn} but the decision was made only on ${r.decision.decidedOn}`);
          }
          r.notification = step.notification;
          r.status = 'notified';
          this.event(r, 'notified', step.notification.respondedOn);
          return;
        case 'close':
          if (r.status !== 'notified') throw report('conflict', `request ${ref} cannot be closed before its decision has been notified to the requester`);
          r.closedOn = step.closedOn;
          r.status = 'closed';
          this.event(r, 'closed', step.closedOn);
          return;
        case 'withdraw': {
          if (r.status === 'notified') throw report('conflict', `request ${ref} was already answered; close it instead of withdrawing it`);
          const open = r.pauses.find((p) => p.to === null);
          if (open) {
            open.to = step.withdrawnOn;
            this.event(r, 'resumed', step.withdrawnOn);
          }
          r.closedOn = step.withdrawnOn;
          r.status = 'withdrawn';
          this.event(r, 'withdrawn', step.withdrawnOn, step.reason);
          return;
        }
      }
    });
  }

  private beforeDecision(r: Stored, verb: string): void {
    if (!['received', 'identityCheck', 'underReview'].includes(r.status)) {
      throw report('conflict', `request ${r.reference} was decided; its period is spent and cannot be ${verb}`);
    }
  }

  addPause(id: unknown, expectedVersion: unknown, pause: PauseInput): Request {
    return this.change(id, expectedVersion, (r) => {
      this.beforeDecision(r, 'paused');
      if (pause.from < r.receivedOn) throw report('validation', 'date order', [fail('pause.from', 'dateOrder')]);
      if (pause.to && pause.to < pause.from) throw report('validation', 'date order', [fail('pause.to', 'dateOrder')]);
      if (pause.to === null && r.pauses.some((p) => p.to === null)) {
        throw report('validation', 'another pause is open', [fail('pause.to', 'required', 'another pause is still open')]);
      }
      r.pauses.push({ id: this.nextEventId++, ...pause });
      this.event(r, 'paused', pause.from, pause.note);
      if (pause.to) this.event(r, 'resumed', pause.to);
    });
  }

  endPause(id: unknown, expectedVersion: unknown, pauseId: unknown, to: string): Request {
    return this.change(id, expectedVersion, (r) => {
      const pause = r.pauses.find((p) => p.id === pauseId);
      if (!pause) throw report('notFound', 'pause not found');
      if (pause.to) throw report('conflict', `the pause from ${pause.from} already ended on ${pause.to}`);
      if (to < pause.from) throw report('validation', 'date order', [fail('pause.to', 'dateOrder', `the pause ends on ${to}, before it starts on ${pause.from}`)]);
      pause.to = to;
      this.event(r, 'resumed', to);
    });
  }

  removePause(id: unknown, expectedVersion: unknown, pauseId: unknown): Request {
    return this.change(id, expectedVersion, (r) => {
      this.beforeDecision(r, 'changed');
      const pause = r.pauses.find((p) => p.id === pauseId);
      if (!pause) throw report('notFound', 'pause not found');
      r.pauses = r.pauses.filter((p) => p !== pause);
      this.event(r, 'pauseRemoved', this.today, `${pause.from} – ${pause.to ?? 'open'}`);
    });
  }

  setExtension(id: unknown, expectedVersion: unknown, extension: Extension | null): Request {
    return this.change(id, expectedVersion, (r) => {
      this.beforeDecision(r, 'extended');
      if (!extension) {
        if (!r.extension) throw report('conflict', `request ${r.reference} has no extension to remove`);
        r.extension = null;
        this.event(r, 'extensionRemoved', this.today);
        return;
      }
      if (!rulesFor(r.track, r.requestType).extensionAllowed) {
        throw report('conflict', `request ${r.reference} cannot be extended: a private operator's period has no extension`);
      }
      if (r.largeVolume) {
        throw report('conflict', `request ${r.reference} is on the large-volume special track; a request is either extended or on the special track, not both`);
      }
      if (!extension.reason.trim()) throw report('validation', 'reason required', [fail('extension.reason', 'required')]);
      r.extension = extension;
      this.event(r, 'extended', extension.notifiedOn, extension.reason);
    });
  }

  setLargeVolume(id: unknown, expectedVersion: unknown, largeVolume: LargeVolumeNotice | null): Request {
    return this.change(id, expectedVersion, (r) => {
      this.beforeDecision(r, 'put on the large-volume special track');
      if (!largeVolume) {
        if (!r.largeVolume) throw report('conflict', `request ${r.reference} is not on the large-volume special track`);
        r.largeVolume = null;
        this.event(r, 'largeVolumeRemoved', this.today);
        return;
      }
      if (!rulesFor(r.track, r.requestType).largeVolumeAllowed) {
        throw report('conflict', `request ${r.reference} cannot use the large-volume special track: art. 84 applies only to a public body's disclosure request`);
      }
      if (r.extension) {
        throw report('conflict', `request ${r.reference} was already extended; a request is either extended or on the large-volume special track, not both`);
      }
      const errors: FieldError[] = [];
      if (!largeVolume.reason.trim()) errors.push(fail('largeVolume.reason', 'required'));
      const { notice, part } = this.largeVolumeDates(r);
      if (largeVolume.notifiedOn < r.receivedOn || largeVolume.notifiedOn > notice.due) {
        errors.push(fail('largeVolume.notifiedOn', 'dateOrder', `the special track must be notified by ${notice.due}`));
      }
      if (largeVolume.remainderBy <= part.due) {
        errors.push(fail('largeVolume.remainderBy', 'dateOrder', `the rest must be due after ${part.due}`));
      }
      if (errors.length) throw report('validation', 'invalid large-volume notice', errors);
      r.largeVolume = { ...largeVolume, reason: largeVolume.reason.trim() };
      this.event(r, 'largeVolumeNotified', largeVolume.notifiedOn, largeVolume.reason.trim());
    });
  }

  /** The ordinary period (the notice) and the 60 days for a substantial part (art. 84). */
  private largeVolumeDates(r: Stored): { notice: { due: string; steps: DeadlineStep[] }; part: { due: string; steps: DeadlineStep[] } } {
    const settings = this.effective();
    const open = r.status !== 'closed';
    const pauses = r.pauses.map((p) => ({ from: p.from, to: p.to ?? (open ? this.today : p.from) }));
    const base = (r.track === 'localGovernment' ? settings.ordinanceDecisionDays : null) ?? 30;
    return {
      notice: countDays(r.receivedOn, base, pauses, settings),
      part: countDays(r.receivedOn, 60, pauses, settings),
    };
  }

  private deadlinesOf(r: Stored): RequestDeadline[] {
    if (r.status === 'withdrawn') return [];
    const settings = this.effective();
    const open = r.status !== 'closed';
    const pauses = r.pauses.map((p) => ({ from: p.from, to: p.to ?? (open ? this.today : p.from) }));
    const answeredOn = r.notification?.respondedOn ?? null;
    const make = (deadline: Deadline, metOn: string | null): RequestDeadline => {
      const daysLeft = diffDays(this.today, deadline.due);
      const state = metOn ? 'met' : daysLeft < 0 ? 'overdue' : 'pending';
      return { deadline, state, metOn, daysLeft };
    };
    const calendar = {
      holidayRules: 'mock',
      nationalHolidays: true,
      recurringClosures: settings.recurringClosures,
      closedDates: settings.closedDates,
    };
    switch (r.track) {
      case 'nationalOrgan':
      case 'localGovernment': {
        if (r.largeVolume) {
          const { notice, part } = this.largeVolumeDates(r);
          const decidedOn = r.decision?.decidedOn ?? null;
          const remainderBy = r.largeVolume.remainderBy;
          const statutory = { kind: 'statutory' as const, dueAt: null, calendar };
          return [
            make({ ...statutory, rule: 'publicLargeVolumeNotice', due: notice.due, explanation: notice.steps }, r.largeVolume.notifiedOn),
            make({ ...statutory, rule: 'publicLargeVolumePart', due: part.due, explanation: part.steps }, decidedOn),
            make(
              { ...statutory, rule: 'publicLargeVolumeRemainder', due: remainderBy, explanation: [{ step: 'fixedByOrgan', date: remainderBy }], calendar: null },
              decidedOn,
            ),
          ];
        }
        const base = (r.track === 'localGovernment' ? settings.ordinanceDecisionDays : null) ?? 30;
        const ext = r.extension ? ((r.track === 'localGovernment' ? settings.ordinanceExtensionDays : null) ?? 30) : 0;
        const { due, steps } = countDays(r.receivedOn, base + ext, pauses, settings);
        if (ext) steps.splice(1, 0, { step: 'extendedByDays', days: ext });
        const deadline: Deadline = {
          rule: ext ? 'publicDecisionExtended' : 'publicDecision',
          kind: 'statutory',
          due,
          dueAt: null,
          explanation: steps,
          calendar,
        };
        return [make(deadline, r.decision?.decidedOn ?? null)];
      }
      case 'privateOperator': {
        const target = countDays(r.receivedOn, settings.privateTargetDays, pauses, null);
        const line = countDays(r.receivedOn, 14, [], null);
        line.steps.push({ step: 'actionPossibleFrom', date: addDays(line.due, 1) });
        return [
          make({ rule: 'privateTarget', kind: 'target', due: target.due, dueAt: null, explanation: target.steps, calendar: null }, answeredOn),
          make({ rule: 'privateLitigationLine', kind: 'warning', due: line.due, dueAt: null, explanation: line.steps, calendar: null }, answeredOn),
        ];
      }
      case 'gdpr': {
        const months = r.extension ? 3 : 1;
        const d = new Date(`${r.receivedOn}T00:00:00Z`);
        const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
        const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        const clamped = d.getUTCDate() > last;
        target.setUTCDate(Math.min(d.getUTCDate(), last));
        const due = target.toISOString().slice(0, 10);
        const steps: DeadlineStep[] = [{ step: 'addMonths', months, from: r.receivedOn, to: due, clamped }];
        if (r.extension) steps.push({ step: 'extendedByMonths', months: 2 });
        return [
          make({ rule: r.extension ? 'gdprResponseExtended' : 'gdprResponse', kind: 'statutory', due, dueAt: null, explanation: steps, calendar: null }, answeredOn),
        ];
      }
    }
  }

  view(r: Stored): RequestView {
    const deadlines = this.deadlinesOf(r);
    const open = r.status !== 'closed' && r.status !== 'withdrawn';
    const duties = deadlines.filter((d) => d.deadline.kind !== 'warning');
    return {
      request: structuredClone(r),
      deadlines,
      daysOpen: Math.max(0, diffDays(r.receivedOn, r.closedOn ?? this.today)),
      overdue: open && duties.some((d) => d.state === 'overdue'),
      dueThisWeek: open && duties.some((d) => d.state === 'pending' && d.daysLeft <= 6),
      paused: open && r.pauses.some((p) => p.to === null && p.from <= this.today),
      rules: rulesFor(r.track, r.requestType),
    };
  }

  get(id: unknown): RequestView {
    return this.view(this.find(id));
  }

  list(): RequestView[] {
    return this.requests.map((r) => this.view(r));
  }

  // ---- complaints ----

  private findComplaint(id: unknown): Complaint {
    const c = this.complaints.find((x) => x.id === id);
    if (!c) throw report('notFound', `complaint ${String(id)} not found`);
    return c;
  }

  complaintView(c: Complaint): ComplaintView {
    return {
      complaint: structuredClone(c),
      daysOpen: Math.max(0, diffDays(c.receivedOn, c.closedOn ?? this.today)),
      open: c.closedOn === null,
    };
  }

  createComplaint(input: ComplaintInput): Complaint {
    const errors: FieldError[] = [];
    if (!input.subject.trim()) errors.push(fail('subject', 'required'));
    if (!input.receivedOn) errors.push(fail('receivedOn', 'required'));
    if (errors.length) throw report('validation', 'invalid complaint', errors);
    const at = this.now();
    const c: Complaint = {
      ...structuredClone(input),
      reference: input.reference || `C-${String(this.complaints.length + 1).padStart(4, '0')}`,
      id: this.nextId++,
      actions: [],
      resolution: '',
      closedOn: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    this.complaints.push(c);
    return structuredClone(c);
  }

  private changeComplaint(id: unknown, expectedVersion: unknown, apply: (c: Complaint) => void): Complaint {
    const current = this.findComplaint(id);
    if (current.version !== expectedVersion) throw report('conflict', `complaint ${current.reference} was changed elsewhere`);
    if (current.closedOn) throw report('conflict', `complaint ${current.reference} was closed on ${current.closedOn}`);
    const copy = structuredClone(current);
    apply(copy);
    copy.version += 1;
    copy.updatedAt = this.now();
    this.complaints = this.complaints.map((c) => (c.id === copy.id ? copy : c));
    return structuredClone(copy);
  }

  addAction(id: unknown, expectedVersion: unknown, action: ComplaintActionInput): Complaint {
    return this.changeComplaint(id, expectedVersion, (c) => {
      const errors: FieldError[] = [];
      if (!action.description.trim()) errors.push(fail('action.description', 'required'));
      if (!action.by.trim()) errors.push(fail('action.by', 'required'));
      if (action.on < c.receivedOn) errors.push(fail('action.on', 'dateOrder'));
      if (errors.length) throw report('validation', 'invalid action', errors);
      c.actions.push({ id: this.nextEventId++, ...action });
      c.actions.sort((a, b) => a.on.localeCompare(b.on));
    });
  }

  close(id: unknown, expectedVersion: unknown, closedOn: string, resolution: string): Complaint {
    return this.changeComplaint(id, expectedVersion, (c) => {
      if (!resolution.trim()) {
        throw report('validation', 'resolution required', [
          fail('resolution', 'required', 'a complaint is closed only with its resolution written down'),
        ]);
      }
      c.closedOn = closedOn;
      c.resolution = resolution.trim();
    });
  }

  // ---- agenda ----

  agenda(): Agenda {
    const items: AgendaItem[] = [];
    for (const r of this.requests) {
      if (r.status === 'closed' || r.status === 'withdrawn') continue;
      const v = this.view(r);
      const deadlines = v.deadlines
        .filter((d) => d.state === 'pending' || d.state === 'overdue')
        .sort((a, b) => a.deadline.due.localeCompare(b.deadline.due));
      items.push({
        kind: 'request',
        id: r.id,
        reference: r.reference,
        label: r.requesterName,
        requestType: r.requestType,
        requestStatus: r.status,
        receivedOn: r.receivedOn,
        daysOpen: v.daysOpen,
        deadlines,
        nextDue: deadlines[0]?.deadline.due ?? null,
        overdue: v.overdue,
        dueThisWeek: v.dueThisWeek,
        paused: v.paused,
      });
    }
    for (const c of this.complaints) {
      if (c.closedOn) continue;
      items.push({
        kind: 'complaint',
        id: c.id,
        reference: c.reference,
        label: c.subject,
        requestType: null,
        requestStatus: null,
        receivedOn: c.receivedOn,
        daysOpen: this.complaintView(c).daysOpen,
        deadlines: [],
        nextDue: null,
        overdue: false,
        dueThisWeek: false,
        paused: false,
      });
    }
    items.sort((a, b) => {
      if (a.nextDue && b.nextDue) return a.nextDue.localeCompare(b.nextDue);
      if (a.nextDue) return -1;
      if (b.nextDue) return 1;
      return a.receivedOn.localeCompare(b.receivedOn);
    });
    return { today: this.today, items };
  }

  // ---- the demo ----

  loadDemo(holdingIds: number[]): void {
    const ago = (n: number) => addDays(this.today, -n);
    const holding = (i: number) => (holdingIds[i] === undefined ? [] : [holdingIds[i] as number]);
    const input = (receivedOn: string, channel: RequestInput['channel'], name: string): RequestInput => ({
      reference: '',
      requestType: 'disclosure',
      receivedOn,
      channel,
      requesterName: name,
      requesterContact: '東京都内（デモ）',
      agent: 'none',
      agentName: '',
      description: '',
      holdingIds: [],
      requestedMethod: null,
      feeYen: null,
      notes: '',
    });
    let r = this.create({
      ...input(ago(40), 'counter', '高橋 美咲'),
      feeYen: 300,
      description: '2025年度の健康相談窓口での相談記録の開示',
      holdingIds: holding(4),
      requestedMethod: 'writing',
    });
    const steps: RequestStep[] = [
      { step: 'confirmIdentity', identity: { documents: ['運転免許証'], checkedBy: '総務グループ 鈴木', checkedOn: ago(40) } },
      {
        step: 'decide',
        decision: {
          outcome: 'partial',
          decidedOn: ago(31),
          grounds: ['harmToPersonOrThirdParty'],
          reason: '相談記録のうち、ご家族から寄せられた情報は第三者の権利利益を害するおそれがあるため開示しない（法第33条第2項第1号）',
        },
      },
      { step: 'notify', notification: { method: 'writing', respondedOn: ago(30) } },
      { step: 'close', closedOn: ago(25) },
    ];
    for (const step of steps) r = this.advance(r.id, r.version, step);

    r = this.create({
      ...input(ago(5), 'post', '伊藤 健'),
      description: 'レセプト（2024年4月〜2025年3月診療分）の開示',
      holdingIds: holding(1),
      requestedMethod: 'electronic',
    });
    r = this.advance(r.id, r.version, { step: 'startIdentityCheck', on: ago(4) });
    this.addPause(r.id, r.version, {
      from: ago(4),
      to: null,
      reason: 'identityDocuments',
      note: '本人確認書類の写しが同封されていないため、補正を依頼する文書を郵送',
    });

    r = this.create({
      ...input(ago(20), 'email', '小林 直人'),
      requestType: 'suspensionOrErasure',
      agent: 'attorney',
      agentName: '弁護士 中村 亮',
      description: '事業主との共同利用による健診結果の利用停止',
      holdingIds: holding(2),
    });
    this.advance(r.id, r.version, {
      step: 'confirmIdentity',
      identity: { documents: ['委任状', '弁護士登録番号の確認'], checkedBy: '総務グループ 鈴木', checkedOn: ago(18) },
    });

    this.create({
      ...input(ago(10), 'phone', '渡辺 由美'),
      requestType: 'purposeNotification',
      description: 'ウェブサイト問合せ記録の利用目的',
      holdingIds: holding(5),
    });

    let c = this.createComplaint({
      reference: '',
      receivedOn: ago(60),
      channel: 'web',
      complainant: '山本 一郎',
      complainantContact: 'yamamoto@example.jp',
      subject: '健康相談の内容が勤務先に伝わっていないか',
      description: '健康相談窓口で話した内容が事業主に共有されていないか不安、との申出',
      holdingIds: holding(4),
    });
    c = this.addAction(c.id, c.version, {
      on: ago(58),
      description: '相談記録のアクセスログを確認し、事業主への提供がないことを確認',
      by: '保健事業グループ 佐々木',
    });
    this.close(c.id, c.version, ago(55), '申出者に電話で確認結果と共同利用の範囲（健診結果のみ）を説明し、了解を得た');
    c = this.createComplaint({
      reference: '',
      receivedOn: ago(9),
      channel: 'phone',
      complainant: '',
      complainantContact: '',
      subject: '資格喪失後も医療費通知が届く',
      description: '退職して資格を喪失した元被保険者宛ての医療費通知が、転居前の住所に届いているとの匿名の電話',
      holdingIds: holding(0),
    });
    this.addAction(c.id, c.version, { on: ago(8), description: '資格喪失処理と医療費通知の抽出条件を確認中', by: '適用グループ 田中' });
  }

  /** References of the requests and complaints naming a holding (for the inUse refusal). */
  referencesTo(holdingId: number): string[] {
    return [
      ...this.requests.filter((r) => r.holdingIds.includes(holdingId)).map((r) => r.reference),
      ...this.complaints.filter((c) => c.holdingIds.includes(holdingId)).map((c) => c.reference),
    ];
  }
}
