// The provision, measure, disposal and objection sections and the data-quality panel in the
// mock backend: stored records with versions, audit-style history, the core's required-field
// rules, and a few findings.
import type { AuditEntry } from '../bindings/AuditEntry';
import type { Finding } from '../bindings/Finding';
import type { Holding } from '../bindings/Holding';
import type { Retention } from '../bindings/Retention';
import { SECTIONS, type Draft, type SectionKind, type StoredRecord } from '../features/sections/sections';
import { diff, report } from './backend';

/** The core's reading (src/deadline/retention.rs), restated for the mock page: the event day is
 * not counted, and the period ends the day before the corresponding day of the day after it, or
 * on the month's last day when there is none. */
function mockRetention(countedFrom: Retention['countedFrom'], event: string, years: number): Retention {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const first = new Date(`${event}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() + 1);
  const lastOfMonth = new Date(Date.UTC(first.getUTCFullYear() + years, first.getUTCMonth() + 1, 0)).getUTCDate();
  const monthEnd = first.getUTCDate() > lastOfMonth;
  const until = new Date(Date.UTC(first.getUTCFullYear() + years, first.getUTCMonth(), Math.min(first.getUTCDate(), lastOfMonth)));
  if (!monthEnd) until.setUTCDate(until.getUTCDate() - 1);
  const pastFrom = new Date(until);
  pastFrom.setUTCDate(pastFrom.getUTCDate() + 1);
  return { countedFrom, event, firstDay: iso(first), years, months: 0, until: iso(until), monthEnd, pastFrom: iso(pastFrom) };
}

export const NOT_MINE = Symbol('not a section command');

const COMMANDS: Record<string, SectionKind> = {
  provision_records: 'provision',
  provision_record: 'provision',
  recipients: 'recipients',
  recipient: 'recipients',
  measures: 'measures',
  measure: 'measures',
  disposals: 'disposals',
  disposal: 'disposals',
  objections: 'objections',
  objection: 'objections',
};

const PREFIXES: Partial<Record<SectionKind, string>> = { provision: 'P-', disposals: 'D-', objections: 'O-' };

export class MockSections {
  records: Record<SectionKind, StoredRecord[]> = {
    provision: [],
    recipients: [],
    measures: [],
    disposals: [],
    objections: [],
  };
  history: AuditEntry[] = [];
  private nextId = 1;

  constructor(
    private now: () => string,
    private holdings: () => Holding[],
  ) {}

  handle(cmd: string, args: Record<string, unknown>): unknown {
    const match = /^(list|get|create|update|delete)_(.+)$/.exec(cmd);
    if (cmd === 'list_findings') return this.findings();
    if (cmd === 'list_disposals_due') return [];
    if (cmd === 'provision_records_about') {
      const wanted = String(args.person ?? '').replace(/\s/g, '');
      return this.records.provision
        .filter((r) => (r.persons as string[]).some((p) => p.replace(/\s/g, '').includes(wanted)))
        .map((r) => this.view('provision', r));
    }
    if (cmd === 'section_history') {
      return structuredClone(this.history.filter((e) => e.entity === args.entity && e.entityId === String(args.id)).reverse());
    }
    const kind = match ? COMMANDS[match[2] ?? ''] : undefined;
    if (!match || !kind) return NOT_MINE;
    const rows = this.records[kind];
    const find = () => {
      const found = rows.find((r) => r.id === args.id);
      if (!found) throw report('notFound', `${kind} ${String(args.id)} not found`);
      return found;
    };
    switch (match[1]) {
      case 'list':
        return rows.map((r) => this.view(kind, r));
      case 'get':
        return this.view(kind, find());
      case 'create':
        return this.create(kind, args.input as Draft);
      case 'update': {
        const before = find();
        if (before.version !== args.expectedVersion) throw report('conflict', 'changed elsewhere');
        this.check(kind, args.input as Draft);
        const after = { ...before, ...(args.input as Draft), version: before.version + 1, updatedAt: this.now() } as StoredRecord;
        if (PREFIXES[kind] && !after.reference) after.reference = before.reference;
        rows.splice(rows.indexOf(before), 1, after);
        this.audit('update', kind, after.id, before, after);
        return structuredClone(after);
      }
      default: {
        const before = find();
        if (before.version !== args.expectedVersion) throw report('conflict', 'changed elsewhere');
        rows.splice(rows.indexOf(before), 1);
        this.audit('delete', kind, before.id, before, null);
        return null;
      }
    }
  }

  create(kind: SectionKind, input: Draft): StoredRecord {
    this.check(kind, input);
    const at = this.now();
    const record = { ...input, id: this.nextId++, version: 1, createdAt: at, updatedAt: at } as StoredRecord;
    const prefix = PREFIXES[kind];
    if (prefix && !record.reference) record.reference = `${prefix}${String(this.records[kind].length + 1).padStart(4, '0')}`;
    this.records[kind].push(record);
    this.audit('create', kind, record.id, null, record);
    return structuredClone(record);
  }

  private check(kind: SectionKind, input: Draft): void {
    const fields = SECTIONS[kind].localChecks(input).map((f) => ({ ...f, message: `${f.field}: ${f.code}` }));
    if (fields.length) throw report('validation', 'invalid input', fields);
  }

  private view(kind: SectionKind, record: StoredRecord): unknown {
    if (kind !== 'provision') return structuredClone(record);
    const individual = record.recordingMethod === 'individual';
    const event = individual ? (record.recordedOn as string) : (record.lastProvidedOn as string | null);
    const years = record.recordingMethod === 'contractSubstitute' ? 1 : 3;
    const retention = event ? mockRetention(individual ? 'recordMade' : 'lastProvision', event, years) : null;
    const today = new Date().toISOString().slice(0, 10);
    return {
      record: structuredClone(record),
      retainUntil: retention?.until ?? null,
      pastRetention: retention !== null && today >= retention.pastFrom,
      retention,
    };
  }

  private audit(action: AuditEntry['action'], kind: SectionKind, id: number, before: unknown, after: unknown): void {
    this.history.push({
      seq: this.history.length + 1,
      at: this.now(),
      actor: 'yamada',
      action,
      entity: SECTIONS[kind].entity,
      entityId: String(id),
      changes: diff(before, after),
    });
  }

  private findings(): Finding[] {
    const findings: Finding[] = [];
    for (const h of this.holdings()) {
      const label = `${h.ledgerNo} ${h.name}`;
      if (!h.retention) findings.push({ section: 'holding', rule: 'noRetentionRule', recordId: h.id, recordLabel: label, params: {} });
      if (!h.disposalMethod) findings.push({ section: 'holding', rule: 'noDisposalMethod', recordId: h.id, recordLabel: label, params: {} });
    }
    for (const o of this.records.objections) {
      if (!o.appliedOn) {
        findings.push({
          section: 'objection',
          rule: 'objectionNotApplied',
          recordId: o.id,
          recordLabel: `${String(o.reference)} ${String(o.person)}`,
          params: { receivedOn: String(o.receivedOn) },
        });
      }
    }
    return findings;
  }

  /** A small demo: one provision record, one measure, one disposal, one pending objection. */
  loadDemo(holdingIds: number[]): void {
    const first = holdingIds[0] ?? 1;
    this.create('provision', {
      ...SECTIONS.provision.empty(),
      direction: 'received',
      basis: 'statutoryException',
      exception: 'lawsAndRegulations',
      recordingMethod: 'bulk',
      providedOn: '2025-04-01',
      recordedOn: '2025-04-01',
      counterpartyName: '株式会社みらい製作所',
      counterpartyAddress: '東京都港区芝浦三丁目1番1号',
      acquisitionCircumstances: '入社時に従業員本人から取得（健康保険法第48条の届出）',
      persons: ['記号12 番号3456 山本 健一'],
      items: ['氏名', '生年月日', '資格取得年月日'],
      holdingIds: [first],
    });
    this.create('measures', {
      ...SECTIONS.measures.empty(),
      heading: 'physical',
      title: '取扱区域の入退室管理と持込機器の制限',
      description: 'ICカードによる入退室管理を行う。',
      holdingIds: [first],
    });
    this.create('disposals', {
      ...SECTIONS.disposals.empty(),
      holdingId: first,
      disposedOn: '2026-03-10',
      description: '退職者用ノートPC 3台の内蔵SSD',
      medium: 'storageDevice',
      method: 'erasureSoftware',
      performedBy: '総務グループ 田中 浩二',
    });
    this.create('objections', {
      ...SECTIONS.objections.empty(),
      person: '記号12 番号7788 木村 達也',
      purpose: '健診結果を保健事業に利用すること',
      receivedOn: '2026-04-10',
      holdingIds: [first],
    });
  }
}
