// Breach incidents for the mock backend. The triage and deadlines are a simplified restatement
// of src/breach (private operators and the GDPR only, no holiday roll-over), enough for Vitest
// and the mock page; the real rules live in Rust.
import type { AgendaItem } from '../bindings/AgendaItem';
import type { ErrorKind } from '../bindings/ErrorKind';
import type { ErrorReport } from '../bindings/ErrorReport';
import type { FieldError } from '../bindings/FieldError';
import type { FilingInput } from '../bindings/FilingInput';
import type { Incident } from '../bindings/Incident';
import type { IncidentActionInput } from '../bindings/IncidentActionInput';
import type { IncidentDraft } from '../bindings/IncidentDraft';
import type { IncidentEventKind } from '../bindings/IncidentEventKind';
import type { IncidentInput } from '../bindings/IncidentInput';
import type { IncidentView } from '../bindings/IncidentView';
import type { Language } from '../bindings/Language';
import type { DraftKind } from '../bindings/DraftKind';
import type { NoticeInput } from '../bindings/NoticeInput';
import type { Organisation } from '../bindings/Organisation';
import type { RequestDeadline } from '../bindings/RequestDeadline';
import type { Triage } from '../bindings/Triage';
import { MOCK_TODAY, addDays } from './requests';

function report(kind: ErrorKind, message: string, fields: FieldError[] = []): ErrorReport {
  return { kind, message, fields, records: [] };
}
function fail(field: string, code: FieldError['code']): FieldError {
  return { field, code, limit: null, message: `${field}: ${code}` };
}
function diffDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export class MockIncidents {
  incidents: Incident[] = [];
  private nextId = 1;
  private nextChildId = 1;

  constructor(
    private organisation: () => Organisation | null,
    private now: () => string,
    /** The name of subcontractor tier `id`, or null when there is none (as the core checks). */
    private tierName: (id: number) => string | null = () => null,
  ) {}

  /** The references of the incidents that link tier `id`. */
  atTier(id: number): string[] {
    return this.incidents.filter((i) => i.entrusteeId === id).map((i) => i.reference);
  }

  triage(i: Incident): Triage {
    const sensitive = i.items.filter((x) => x.sensitive).map((x) => x.name);
    const laws: Triage['laws'] = [];
    if (i.regime !== 'gdprController') {
      const threshold = i.regime === 'privateOperator' ? 1000 : 100;
      const checks = [
        { rule: 'sensitive' as const, met: sensitive.length > 0, facts: [{ fact: 'sensitiveItems' as const, items: sensitive }] },
        { rule: 'financialDamage' as const, met: i.financialDamageRisk, facts: [{ fact: 'financialDamageRisk' as const, recorded: i.financialDamageRisk }] },
        {
          rule: 'wrongfulPurpose' as const,
          met: i.wrongfulPurpose || i.dataBeingAcquired,
          facts: [
            { fact: 'wrongfulPurpose' as const, recorded: i.wrongfulPurpose },
            { fact: 'dataBeingAcquired' as const, recorded: i.dataBeingAcquired },
          ],
        },
        { rule: 'personsOverThreshold' as const, met: i.persons > threshold, facts: [{ fact: 'persons' as const, persons: i.persons, threshold }] },
      ];
      const met = checks.some((c) => c.met);
      const excludedBy = met && i.strongEncryption ? { fact: 'strongEncryption' as const, detail: i.encryptionDetail } : null;
      laws.push({
        law: i.regime === 'privateOperator' ? 'appiPrivate' : i.regime === 'nationalOrgan' ? 'appiNationalOrgan' : 'appiLocalGovernment',
        reportRequired: met && !excludedBy,
        checks,
        excludedBy,
      });
    }
    if (i.gdprApplies) {
      laws.push({
        law: 'gdpr',
        reportRequired: !i.gdprRiskUnlikely,
        checks: [{ rule: 'gdprRisk', met: !i.gdprRiskUnlikely, facts: [{ fact: 'gdprRisk', unlikely: i.gdprRiskUnlikely, reason: i.gdprRiskReason }] }],
        excludedBy: null,
      });
    }
    const japanese = laws.some((l) => l.law !== 'gdpr' && l.reportRequired);
    // A few of src/breach/hints.rs's terms, enough for the mock page to show a hint.
    const mentions = (name: string, terms: string[]) => terms.some((term) => name.normalize('NFKC').toLowerCase().includes(term));
    const hints: Triage['hints'] = [];
    if (i.regime !== 'gdprController') {
      const health = i.items.filter((x) => !x.sensitive && mentions(x.name, ['病歴', '健診', '健康診断', '診療', 'medical'])).map((x) => x.name);
      if (health.length) hints.push({ rule: 'sensitive', items: health });
      const money = i.items.filter((x) => mentions(x.name, ['カード番号', 'クレジットカード', '口座番号', '暗証番号', 'パスワード', 'ログイン', 'password'])).map((x) => x.name);
      if (!i.financialDamageRisk && money.length) hints.push({ rule: 'financialDamage', items: money });
    }
    return {
      hints,
      reportRequired: laws.some((l) => l.reportRequired),
      noticeRequired: japanese,
      wrongfulPurpose: japanese && (i.wrongfulPurpose || i.dataBeingAcquired),
      laws,
    };
  }

  private deadlines(i: Incident, triage: Triage): RequestDeadline[] {
    const aware = i.awareAt.slice(0, 10);
    const filed = (phases: string[], law = 'appi') =>
      i.filings.filter((f) => f.law === law && phases.includes(f.phase)).map((f) => f.filedOn).sort()[0] ?? null;
    const make = (deadline: RequestDeadline['deadline'], metOn: string | null): RequestDeadline => ({
      deadline,
      metOn,
      state: metOn ? 'met' : MOCK_TODAY > deadline.due ? 'overdue' : 'pending',
      daysLeft: diffDays(MOCK_TODAY, deadline.due),
    });
    const out: RequestDeadline[] = [];
    if (triage.noticeRequired) {
      const opens = addDays(aware, 3);
      const closes = addDays(aware, 5);
      out.push(
        make(
          {
            rule: 'appiPreliminaryReport',
            kind: 'target',
            due: closes,
            dueAt: null,
            explanation: [{ step: 'targetWindow', event: aware, opens, closes }],
            calendar: null,
          },
          filed(['preliminary', 'final']),
        ),
      );
      const days = triage.wrongfulPurpose ? 60 : 30;
      const last = addDays(aware, days - 1);
      out.push(
        make(
          {
            rule: triage.wrongfulPurpose ? 'appiFinalReportWrongfulPurpose' : 'appiFinalReport',
            kind: 'statutory',
            due: last,
            dueAt: null,
            explanation: [{ step: 'countDays', days, start: 'eventDay', event: aware, dayOne: aware, lastDay: last }],
            calendar: null,
          },
          filed(['final']),
        ),
      );
    }
    return out;
  }

  view(i: Incident): IncidentView {
    const triage = this.triage(i);
    const deadlines = this.deadlines(i, triage);
    const open = i.closedOn === null;
    const pending = deadlines.filter((d) => d.state !== 'met');
    return {
      incident: structuredClone(i),
      triage,
      deadlines,
      nextDue: open ? (pending.map((d) => d.deadline.due).sort()[0] ?? null) : null,
      overdue: open && pending.some((d) => d.state === 'overdue'),
      daysOpen: Math.max(0, diffDays(i.awareAt.slice(0, 10), i.closedOn ?? MOCK_TODAY)),
      open,
    };
  }

  list(): IncidentView[] {
    return this.incidents.map((i) => this.view(i));
  }

  get(id: unknown): IncidentView {
    return this.view(this.find(id));
  }

  private find(id: unknown): Incident {
    const found = this.incidents.find((i) => i.id === id);
    if (!found) throw report('notFound', `incident ${String(id)} not found`);
    return found;
  }

  private validate(input: IncidentInput): void {
    const errors: FieldError[] = [];
    if (!input.title.trim()) errors.push(fail('title', 'required'));
    if (!input.awareDepartment.trim()) errors.push(fail('awareDepartment', 'required'));
    if (!input.nature.length) errors.push(fail('nature', 'required'));
    if (input.strongEncryption && !input.encryptionDetail.trim()) errors.push(fail('encryptionDetail', 'needsNote'));
    if (input.perpetrator === 'subcontractor' && input.entrusteeId === null && !input.entrustedParty.trim()) {
      errors.push(fail('entrustedParty', 'required'));
    }
    if (input.entrusteeId !== null) {
      if (input.perpetrator !== 'subcontractor') errors.push(fail('entrusteeId', 'needsNote'));
      else if (this.tierName(input.entrusteeId) === null) errors.push(fail('entrusteeId', 'malformed'));
    }
    if (errors.length) throw report('validation', 'invalid incident', errors);
  }

  /** As the core: a linked tier names the entrusted party. */
  private named(input: IncidentInput): IncidentInput {
    const copy = structuredClone(input);
    if (copy.entrusteeId !== null) copy.entrustedParty = this.tierName(copy.entrusteeId) ?? copy.entrustedParty;
    return copy;
  }

  private event(i: Incident, kind: IncidentEventKind, on: string, note: string): void {
    i.timeline.push({ id: this.nextChildId++, kind, on, note, actor: 'yamada', recordedAt: this.now() });
  }

  create(input: IncidentInput): Incident {
    const org = this.organisation();
    if (!org) throw report('conflict', 'enter the organisation profile first');
    this.validate(input);
    const now = this.now();
    const id = this.nextId++;
    const incident: Incident = {
      ...this.named(input),
      reference: input.reference || `I-${String(id).padStart(4, '0')}`,
      id,
      regime: org.regime,
      gdprApplies: org.gdprApplies || org.regime === 'gdprController',
      filings: [],
      notices: [],
      timeline: [],
      closedOn: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    this.event(incident, 'recorded', input.awareAt.slice(0, 10), '');
    this.incidents.push(incident);
    return structuredClone(incident);
  }

  private change(id: unknown, expectedVersion: unknown, apply: (i: Incident) => void): Incident {
    const i = this.find(id);
    if (i.version !== expectedVersion) throw report('conflict', `incident ${i.reference} was changed elsewhere`);
    if (i.closedOn) throw report('conflict', `incident ${i.reference} is closed`);
    apply(i);
    i.version += 1;
    i.updatedAt = this.now();
    return structuredClone(i);
  }

  update(id: unknown, expectedVersion: unknown, input: IncidentInput): Incident {
    this.validate(input);
    return this.change(id, expectedVersion, (i) => {
      Object.assign(i, this.named(input), { reference: input.reference || i.reference });
      this.event(i, 'updated', MOCK_TODAY, '');
    });
  }

  addAction(id: unknown, expectedVersion: unknown, action: IncidentActionInput): Incident {
    if (!action.description.trim()) throw report('validation', 'invalid action', [fail('action.description', 'required')]);
    return this.change(id, expectedVersion, (i) => this.event(i, 'action', action.on, action.description));
  }

  addFiling(id: unknown, expectedVersion: unknown, filing: FilingInput): Incident {
    if (!filing.authority.trim()) throw report('validation', 'invalid filing', [fail('filing.authority', 'required')]);
    return this.change(id, expectedVersion, (i) => {
      i.filings.push({ id: this.nextChildId++, ...filing });
      this.event(i, 'filed', filing.filedOn, `${filing.phase} · ${filing.law} · ${filing.authority}`);
    });
  }

  addNotice(id: unknown, expectedVersion: unknown, notice: NoticeInput): Incident {
    return this.change(id, expectedVersion, (i) => {
      i.notices.push({ id: this.nextChildId++, ...notice });
      this.event(i, 'personsNotified', notice.notifiedOn, `${notice.method} · ${notice.persons}`);
    });
  }

  close(id: unknown, expectedVersion: unknown, closedOn: string, note: string): Incident {
    return this.change(id, expectedVersion, (i) => {
      i.closedOn = closedOn;
      this.event(i, 'closed', closedOn, note);
    });
  }

  draft(id: unknown, kind: DraftKind, language: Language): IncidentDraft {
    const i = this.find(id);
    const items = kind === 'report'
      ? (['summary', 'items', 'persons', 'cause', 'secondaryDamage', 'responsesToPersons', 'publicAnnouncement', 'prevention', 'other'] as const)
      : (['summary', 'items', 'cause', 'secondaryDamage', 'other'] as const);
    const numbers = { summary: 1, items: 2, persons: 3, cause: 4, secondaryDamage: 5, responsesToPersons: 6, publicAnnouncement: 7, prevention: 8, other: 9 };
    return {
      kind,
      language,
      title: language === 'ja' ? '個人データの漏えい等に関する報告書（案）' : 'Report of a personal data breach (draft)',
      organisation: this.organisation()?.name ?? '',
      incidentReference: i.reference,
      preamble: '',
      sections: items.map((item) => ({ item, number: numbers[item], heading: item, body: item === 'summary' ? i.summary : '' })),
    };
  }

  agendaItems(): AgendaItem[] {
    return this.incidents
      .filter((i) => i.closedOn === null)
      .map((i) => {
        const v = this.view(i);
        const deadlines = v.deadlines.filter((d) => d.state !== 'met');
        return {
          kind: 'incident' as const,
          id: i.id,
          reference: i.reference,
          label: i.title,
          requestType: null,
          requestStatus: null,
          receivedOn: i.awareAt.slice(0, 10),
          daysOpen: v.daysOpen,
          deadlines,
          nextDue: v.nextDue,
          overdue: v.overdue,
          dueThisWeek: deadlines.some((d) => d.daysLeft >= 0 && d.daysLeft < 7),
          paused: false,
        };
      });
  }

  referencesTo(holdingId: number): string[] {
    return this.incidents.filter((i) => i.holdingIds.includes(holdingId)).map((i) => i.reference);
  }

  /** A mis-sent e-mail with checkup results: sensitive, so reportable; the preliminary report is filed. */
  loadDemo(holdingIds: number[]): void {
    const aware = addDays(MOCK_TODAY, -2);
    const created = this.create({
      reference: '',
      title: '特定健診結果の誤送信',
      awareAt: `${aware}T10:15:00+09:00`,
      awareDepartment: '保健事業グループ',
      occurredOn: addDays(aware, -1),
      nature: ['leakage'],
      certainty: 'actual',
      summary: '別の被保険者の健診結果を誤って添付して送信した。',
      holdingIds: holdingIds.slice(2, 3),
      items: [
        { dataItemId: null, name: '氏名', sensitive: false, ordinanceSensitive: false, myNumber: false },
        { dataItemId: null, name: '健診結果（検査値）', sensitive: true, ordinanceSensitive: false, myNumber: false },
      ],
      persons: 1,
      myNumberPersons: 0,
      cause: '添付ファイルの選択誤り',
      secondaryDamage: 'none',
      secondaryDamageDetail: '',
      strongEncryption: false,
      encryptionDetail: '',
      financialDamageRisk: false,
      wrongfulPurpose: false,
      dataBeingAcquired: false,
      myNumberSystem: false,
      publiclyExposed: false,
      gdprRiskUnlikely: false,
      gdprRiskReason: '',
      perpetrator: 'insider',
      entrustedParty: '',
      entrusteeId: null,
      entrusteeNotifiedOn: null,
      responsesToPersons: '',
      publicAnnouncement: '',
      prevention: '',
      other: '',
    });
    this.addFiling(created.id, created.version, {
      phase: 'preliminary',
      law: 'appi',
      filedOn: addDays(aware, 1),
      authority: '個人情報保護委員会',
      channel: 'webForm',
      referenceNo: 'PPC-R0001234',
      note: '',
    });
  }
}
