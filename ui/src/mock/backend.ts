// An in-memory stand-in for the Rust commands, for Vitest and the mock-mode screenshots.
// It follows the same contracts (ErrorReport rejections, versions, history diffs) loosely.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AuditAction } from '../bindings/AuditAction';
import type { AuditEntry } from '../bindings/AuditEntry';
import type { ErrorKind } from '../bindings/ErrorKind';
import type { ErrorReport } from '../bindings/ErrorReport';
import type { FieldChange } from '../bindings/FieldChange';
import type { FieldError } from '../bindings/FieldError';
import type { Holding } from '../bindings/Holding';
import type { HoldingInput } from '../bindings/HoldingInput';
import type { Language } from '../bindings/Language';
import type { Organisation } from '../bindings/Organisation';
import type { OrganisationInput } from '../bindings/OrganisationInput';
import type { RecordError } from '../bindings/RecordError';
import type { StartupStatus } from '../bindings/StartupStatus';
import type { VerifyReport } from '../bindings/VerifyReport';
import type { JsonValue } from '../bindings/serde_json/JsonValue';
import type { ComplaintActionInput } from '../bindings/ComplaintActionInput';
import type { ComplaintInput } from '../bindings/ComplaintInput';
import type { DeadlineSettingsInput } from '../bindings/DeadlineSettingsInput';
import type { RequestProcedure } from '../bindings/RequestProcedure';
import type { RequestProcedureInput } from '../bindings/RequestProcedureInput';
import type { Extension } from '../bindings/Extension';
import type { LargeVolumeNotice } from '../bindings/LargeVolumeNotice';
import type { PauseInput } from '../bindings/PauseInput';
import type { RequestInput } from '../bindings/RequestInput';
import type { RequestStep } from '../bindings/RequestStep';
import type { PrintableDocument } from '../bindings/PrintableDocument';
import type { DocumentKind } from '../bindings/DocumentKind';
import type { PrintParameter } from '../bindings/PrintParameter';
import type { PrintedFile } from '../bindings/PrintedFile';
import type { PrintRequest } from '../bindings/PrintRequest';
import { DEMO_ORGANISATION, demoHoldings } from './demo';
import { MockRequests } from './requests';
import { MockSections, NOT_MINE } from './sections';
import { MockSharing } from './sharing';
import { MockIncidents } from './incidents';
import type { DraftKind } from '../bindings/DraftKind';
import type { FilingInput } from '../bindings/FilingInput';
import type { IncidentActionInput } from '../bindings/IncidentActionInput';
import type { IncidentInput } from '../bindings/IncidentInput';
import type { NoticeInput } from '../bindings/NoticeInput';
import type { LockState } from '../bindings/LockState';
import { MockProtection } from './protection';

export type MockOptions = {
  /** What the register holds at startup. */
  scenario?: 'empty' | 'setup' | 'demo' | 'unopenable' | 'tooNew';
  language?: Language | null;
  /** The next import fails with this report's records. */
  importRecords?: RecordError[];
  /** Verification finds a broken link. */
  tampered?: boolean;
  dbPath?: string;
  /** Where the register stands at startup (default: already open). */
  lock?: LockState;
  /** The register decrypts but fails its integrity check. */
  damaged?: boolean;
};

export function report(kind: ErrorKind, message: string, fields: FieldError[] = []): ErrorReport {
  return { kind, message, fields, records: [] };
}

function fail(field: string, code: FieldError['code'], limit: number | null = null): FieldError {
  return { field, code, limit, message: `${field}: ${code}` };
}

type Args = Record<string, unknown>;

function asArgs(payload: unknown): Args {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? (payload as Args)
    : {};
}

function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}

function blank(value: JsonValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

const UNINTERESTING = new Set(['version', 'createdAt', 'updatedAt', 'id']);

/** The same diff as the core's audit history: changed top-level fields, blanks as null. */
export function diff(before: unknown, after: unknown): FieldChange[] {
  const b = (before ? toJson(before) : {}) as Record<string, JsonValue>;
  const a = (after ? toJson(after) : {}) as Record<string, JsonValue>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !UNINTERESTING.has(k),
  );
  return keys.flatMap((field) => {
    const old = blank(b[field]) ? null : (b[field] ?? null);
    const now = blank(a[field]) ? null : (a[field] ?? null);
    return JSON.stringify(old) === JSON.stringify(now) ? [] : [{ field, before: old, after: now }];
  });
}

export class MockBackend {
  organisation: Organisation | null = null;
  requestProcedure: RequestProcedure | null = null;
  holdings: Holding[] = [];
  audit: AuditEntry[] = [];
  language: Language | null;
  calls: { cmd: string; args: Args }[] = [];
  private nextId = 1;
  private clock = Date.parse('2026-04-15T01:00:00Z');
  private options: MockOptions;
  /** Requests, complaints, the agenda and deadline settings. */
  readonly cases: MockRequests = new MockRequests(
    () => this.organisation,
    () => this.now(),
  );
  /** Provision records, recipients, measures, disposals, objections and findings. */
  readonly sections: MockSections = new MockSections(
    () => this.now(),
    () => this.holdings,
  );

  /** Subcontractors, joint uses and transfers. */
  readonly sharing: MockSharing = new MockSharing(
    () => this.now(),
    (action, entity, id, before, after) => this.record(action, entity, id, before, after),
    (kind, message, fields = [], references) => {
      throw references ? { ...report(kind, message, fields), references } : report(kind, message, fields);
    },
    (id) => this.incidents.atTier(id),
  );

  /** Breach incidents. */
  readonly incidents: MockIncidents = new MockIncidents(
    () => this.organisation,
    () => this.now(),
    (id) => this.sharing.subcontractors.find((s) => s.id === id)?.name ?? null,
  );

  /** Passphrase, lock, backups and restore. */
  readonly protection: MockProtection;

  constructor(options: MockOptions = {}) {
    this.options = options;
    this.protection = new MockProtection(options.lock ?? 'open', options.damaged ?? false, () =>
      this.chainHead(),
    );
    this.language = options.language ?? null;
    if (options.scenario === 'demo') this.loadDemo();
    if (options.scenario === 'setup') this.saveOrganisation(DEMO_ORGANISATION, null);
  }

  /** Paths `print_document` reported, which `open_printed` accepts. */
  printed: string[] = [];

  private printableDocuments(): PrintableDocument[] {
    const org = this.organisation;
    const decided = this.cases.list().some((v) => v.request.decision !== null);
    const lists = ['pdf', 'xlsx', 'csv'] as const;
    const docs: [PrintableDocument['document'], boolean][] = [
      ['ledger', true],
      ['fileRegister', true],
      ['announcement', false],
      ['requestLog', true],
      ['complaintLog', true],
      ['decisionNotice', false],
      ['ropa', true],
      ['provisionRecords', true],
      ['receiptRecords', true],
      ['provisionExtract', true],
      ['jointUseNotice', false],
      ['subcontractorRegister', true],
      ['breachReport', false],
      ['breachNotice', false],
    ];
    return docs.map(([document, list]) => {
      let unavailable: PrintableDocument['unavailable'] = null;
      if (!org) unavailable = 'noOrganisation';
      else if (document === 'fileRegister' && !['nationalOrgan', 'localGovernment'].includes(org.regime))
        unavailable = 'notPublicBody';
      else if (document === 'ropa' && !org.gdprApplies && org.regime !== 'gdprController') unavailable = 'noGdpr';
      else if (document === 'decisionNotice' && !decided) unavailable = 'noDecidedRequest';
      else if ((document === 'breachReport' || document === 'breachNotice') && this.incidents.list().length === 0)
        unavailable = 'noIncident';
      else if (document === 'jointUseNotice' && (this.sharing.handle('list_joint_uses', {}) as unknown[]).length === 0)
        unavailable = 'noJointUse';
      return {
        document,
        formats: list ? [...lists] : ['pdf'],
        parameter: PRINT_PARAMETERS[document] ?? null,
        unavailable,
      };
    });
  }

  private now(): string {
    this.clock += 7 * 60 * 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private record(action: AuditAction, entity: string, entityId: string, before: unknown, after: unknown): void {
    this.audit.push({
      seq: this.audit.length + 1,
      at: this.now(),
      actor: 'yamada',
      action,
      entity,
      entityId,
      changes: diff(before, after),
    });
  }

  private chainHead() {
    const seq = this.audit.length;
    if (!seq) return null;
    const hex = Array.from({ length: 64 }, (_, i) => ((seq * 7 + i * 13) % 16).toString(16)).join('');
    return { seq, hash: hex };
  }

  private inputOf(h: Holding): HoldingInput {
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...input } = h;
    return input;
  }

  private validate(input: HoldingInput, exceptId: number | null): FieldError[] {
    const errors: FieldError[] = [];
    if (input.ledgerNo.length > 40) errors.push(fail('ledgerNo', 'tooLong', 40));
    if (!input.name.trim()) errors.push(fail('name', 'required'));
    if (!input.department.trim()) errors.push(fail('department', 'required'));
    if (!input.dataItems.length) errors.push(fail('dataItems', 'required'));
    const names = new Set<string>();
    input.dataItems.forEach((item, i) => {
      if (!item.name.trim()) errors.push(fail(`dataItems[${i}].name`, 'required'));
      else if (names.has(item.name.trim())) errors.push(fail(`dataItems[${i}].name`, 'duplicate'));
      names.add(item.name.trim());
    });
    const list = (field: string, values: string[], required: boolean) => {
      if (required && !values.length) errors.push(fail(field, 'required'));
      const seen = new Set<string>();
      values.forEach((v, i) => {
        if (!v.trim()) errors.push(fail(`${field}[${i}]`, 'required'));
        else if (seen.has(v.trim())) errors.push(fail(`${field}[${i}]`, 'duplicate'));
        seen.add(v.trim());
      });
    };
    list('acquisitionSources', input.acquisitionSources, false);
    list('purposes', input.purposes, true);
    list('accessHolders', input.accessHolders, false);
    if (input.retention) {
      const r = input.retention;
      if (r.years > 100) errors.push(fail('retention.years', 'outOfRange', 100));
      if (r.months > 11) errors.push(fail('retention.months', 'outOfRange', 11));
      if (r.years === 0 && r.months === 0 && r.trigger !== 'purposeAchieved')
        errors.push(fail('retention.years', 'required'));
      if (r.trigger === 'other' && !r.triggerNote) errors.push(fail('retention.triggerNote', 'needsNote'));
    }
    if (input.disposalMethod === 'other' && !input.disposalNote) errors.push(fail('disposalNote', 'needsNote'));
    if (input.lastReview && input.nextReview && input.nextReview <= input.lastReview)
      errors.push(fail('nextReview', 'dateOrder'));
    list('fileRegister.regularRecipients', input.fileRegister.regularRecipients, false);
    if (input.ledgerNo && this.holdings.some((h) => h.ledgerNo === input.ledgerNo && h.id !== exceptId))
      errors.push(fail('ledgerNo', 'duplicate'));
    return errors;
  }

  private nextLedgerNo(): string {
    const max = Math.max(
      0,
      ...this.holdings.map((h) => (/^H-(\d+)$/.exec(h.ledgerNo) ? Number(h.ledgerNo.slice(2)) : 0)),
    );
    return `H-${String(max + 1).padStart(4, '0')}`;
  }

  private find(id: unknown): Holding {
    const holding = this.holdings.find((h) => h.id === id);
    if (!holding) throw report('notFound', `holding ${String(id)} not found`);
    return holding;
  }

  saveOrganisation(input: OrganisationInput, expectedVersion: number | null): Organisation {
    const errors: FieldError[] = [];
    for (const key of ['name', 'address', 'representative'] as const) {
      if (!input[key].trim()) errors.push(fail(key, 'required'));
    }
    if (errors.length) throw report('validation', 'invalid organisation', errors);
    if ((this.organisation?.version ?? null) !== expectedVersion) {
      throw report('conflict', 'the organisation was changed elsewhere');
    }
    const saved: Organisation = {
      ...input,
      version: (this.organisation?.version ?? 0) + 1,
      updatedAt: this.now(),
    };
    this.record(this.organisation ? 'update' : 'create', 'organisation', '1', this.organisation, saved);
    this.organisation = saved;
    return saved;
  }

  createHolding(input: HoldingInput): Holding {
    const errors = this.validate(input, null);
    if (errors.length) throw report('validation', 'invalid holding', errors);
    const at = this.now();
    const id = this.nextId++;
    let itemId = id * 100;
    const holding: Holding = {
      ...structuredClone(input),
      ledgerNo: input.ledgerNo || this.nextLedgerNo(),
      dataItems: input.dataItems.map((item) => ({ ...item, id: item.id ?? itemId++ })),
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    this.holdings.push(holding);
    this.record('create', 'holding', String(id), null, this.inputOf(holding));
    return structuredClone(holding);
  }

  updateHolding(id: unknown, expectedVersion: unknown, input: HoldingInput): Holding {
    const current = this.find(id);
    if (current.version !== expectedVersion) throw report('conflict', 'holding changed elsewhere');
    const errors = this.validate(input, current.id);
    if (errors.length) throw report('validation', 'invalid holding', errors);
    let itemId = current.id * 100 + 50;
    const updated: Holding = {
      ...structuredClone(input),
      ledgerNo: input.ledgerNo || current.ledgerNo,
      dataItems: input.dataItems.map((item) => ({ ...item, id: item.id ?? itemId++ })),
      id: current.id,
      version: current.version + 1,
      createdAt: current.createdAt,
      updatedAt: this.now(),
    };
    this.record('update', 'holding', String(current.id), this.inputOf(current), this.inputOf(updated));
    this.holdings = this.holdings.map((h) => (h.id === current.id ? updated : h));
    return structuredClone(updated);
  }

  loadDemo(): number {
    if (this.organisation || this.holdings.length) {
      throw report('conflict', 'the register already holds records');
    }
    this.saveOrganisation(DEMO_ORGANISATION, null);
    const holdings = demoHoldings();
    for (const input of holdings) this.createHolding(input);
    this.cases.loadDemo(this.holdings.map((h) => h.id));
    this.sections.loadDemo(this.holdings.map((h) => h.id));
    this.sharing.loadDemo(this.holdings);
    this.incidents.loadDemo(this.holdings.map((h) => h.id));
    // A few later edits, so that the history has something to show.
    const first = this.holdings[0];
    if (first) {
      const input = this.inputOf(first);
      this.updateHolding(first.id, first.version, {
        ...input,
        retention: input.retention ? { ...input.retention, years: 5 } : null,
        accessHolders: ['業務グループ担当者'],
      });
      const again = this.holdings[0];
      if (again) {
        this.updateHolding(again.id, again.version, {
          ...this.inputOf(again),
          retention: input.retention,
          accessHolders: input.accessHolders,
          purposeNotice: ['published', 'notified'],
          lastReview: '2026-04-15',
          retainedPersonalData: true,
        });
      }
    }
    return holdings.length;
  }

  startupStatus(): StartupStatus {
    const dbPath = this.options.dbPath ?? '/home/yamada/.local/share/jp.daicho.app/register.db';
    if (this.options.scenario === 'unopenable' || this.options.scenario === 'tooNew') {
      const kind = this.options.scenario;
      const message =
        kind === 'tooNew'
          ? 'the register was written by schema version 7; this Daicho understands up to 3'
          : 'file is not a database (SQLite error 26)';
      return {
        dbPath,
        error: report(kind, message),
        organisation: null,
        language: this.language,
        chainHead: null,
        lockState: 'locked',
        verification: null,
        lockAfterMinutes: 0,
      };
    }
    if (this.protection.lockState !== 'open') {
      return {
        dbPath,
        error: null,
        organisation: null,
        language: null,
        chainHead: null,
        lockState: this.protection.lockState,
        verification: null,
        lockAfterMinutes: 0,
      };
    }
    return {
      dbPath,
      error: null,
      organisation: this.organisation ? structuredClone(this.organisation) : null,
      language: this.language,
      chainHead: this.chainHead(),
      lockState: 'open',
      verification: this.protection.verification(),
      lockAfterMinutes: this.protection.settings.lockAfterMinutes,
    };
  }

  verify(): VerifyReport {
    return {
      entries: this.audit.length,
      head: this.chainHead(),
      brokenLink: this.options.tampered ? { seq: 4, reason: 'hash does not match the previous entry' } : null,
      alteredRecords: this.options.tampered
        ? [{ entity: 'holding', entityId: '2', reason: 'stored state differs from the last audited write' }]
        : [],
    };
  }

  handle(cmd: string, payload: unknown): unknown {
    const args = asArgs(payload);
    this.calls.push({ cmd, args });
    switch (cmd) {
      case 'startup_status':
        return this.startupStatus();
      case 'save_organisation':
        return this.saveOrganisation(
          args.input as OrganisationInput,
          (args.expectedVersion as number | null | undefined) ?? null,
        );
      case 'load_demo':
        return this.loadDemo();
      case 'set_language':
        this.language = args.language as Language;
        return null;
      case 'list_holdings':
        return structuredClone(this.holdings);
      case 'get_holding':
        return structuredClone(this.find(args.id));
      case 'create_holding':
        return this.createHolding(args.input as HoldingInput);
      case 'update_holding':
        return this.updateHolding(args.id, args.expectedVersion, args.input as HoldingInput);
      case 'delete_holding': {
        const current = this.find(args.id);
        if (current.version !== args.expectedVersion) throw report('conflict', 'holding changed elsewhere');
        const references = [
          ...this.cases.referencesTo(current.id),
          ...this.sharing.referencesTo(current.id),
          ...this.incidents.referencesTo(current.id),
        ];
        if (references.length) {
          throw { ...report('inUse', `holding ${current.ledgerNo} is named by ${references.join(', ')}`), references };
        }
        this.holdings = this.holdings.filter((h) => h.id !== current.id);
        this.record('delete', 'holding', String(current.id), this.inputOf(current), null);
        return null;
      }
      case 'holding_history':
        return structuredClone(
          this.audit.filter((e) => e.entity === 'holding' && e.entityId === String(args.id)).reverse(),
        );
      case 'verify_register':
        return this.verify();
      case 'export_register_json':
        return '/home/yamada/ドキュメント/daicho-backup-2026-04-15.json';
      case 'import_register_json': {
        if (this.options.importRecords) {
          const error = report('import', 'the document was rejected');
          error.records = this.options.importRecords;
          throw error;
        }
        if (this.organisation || this.holdings.length) throw report('conflict', 'register not empty');
        return { organisation: true, holdings: this.loadDemo() };
      }
      case 'request_types':
        return this.cases.types();
      case 'list_requests':
        return this.cases.list();
      case 'get_request':
        return this.cases.get(args.id);
      case 'create_request':
        return this.cases.create(args.input as RequestInput);
      case 'update_request':
        return this.cases.update(args.id, args.expectedVersion, args.input as RequestInput);
      case 'advance_request':
        return this.cases.advance(args.id, args.expectedVersion, args.step as RequestStep);
      case 'add_request_pause':
        return this.cases.addPause(args.id, args.expectedVersion, args.pause as PauseInput);
      case 'end_request_pause':
        return this.cases.endPause(args.id, args.expectedVersion, args.pauseId, args.to as string);
      case 'remove_request_pause':
        return this.cases.removePause(args.id, args.expectedVersion, args.pauseId);
      case 'set_request_extension':
        return this.cases.setExtension(args.id, args.expectedVersion, (args.extension ?? null) as Extension | null);
      case 'set_request_large_volume':
        return this.cases.setLargeVolume(
          args.id,
          args.expectedVersion,
          (args.largeVolume ?? null) as LargeVolumeNotice | null,
        );
      case 'agenda': {
        const agenda = this.cases.agenda();
        agenda.items.push(...this.incidents.agendaItems());
        agenda.items.sort(
          (a, b) =>
            Number(a.nextDue === null) - Number(b.nextDue === null) ||
            (a.nextDue ?? '').localeCompare(b.nextDue ?? '') ||
            a.receivedOn.localeCompare(b.receivedOn),
        );
        return agenda;
      }
      case 'list_complaints':
        return this.cases.complaints.map((c) => this.cases.complaintView(c));
      case 'get_complaint': {
        const found = this.cases.complaints.find((c) => c.id === args.id);
        if (!found) throw report('notFound', `complaint ${String(args.id)} not found`);
        return this.cases.complaintView(found);
      }
      case 'create_complaint':
        return this.cases.createComplaint(args.input as ComplaintInput);
      case 'add_complaint_action':
        return this.cases.addAction(args.id, args.expectedVersion, args.action as ComplaintActionInput);
      case 'close_complaint':
        return this.cases.close(args.id, args.expectedVersion, args.closedOn as string, args.resolution as string);
      case 'get_deadline_settings':
        return this.cases.settingsState();
      case 'save_deadline_settings':
        return this.cases.saveSettings(
          args.input as DeadlineSettingsInput,
          (args.expectedVersion as number | null | undefined) ?? null,
        );
      case 'get_request_procedure':
        return structuredClone(this.requestProcedure);
      case 'save_request_procedure': {
        const expected = (args.expectedVersion as number | null | undefined) ?? null;
        if ((this.requestProcedure?.version ?? null) !== expected) throw report('conflict', 'the request procedure was changed elsewhere');
        this.requestProcedure = {
          ...(args.input as RequestProcedureInput),
          version: (this.requestProcedure?.version ?? 0) + 1,
          updatedAt: this.now(),
        };
        return structuredClone(this.requestProcedure);
      }
      case 'printable_documents':
        return this.printableDocuments();
      case 'print_document': {
        const request = args.request as PrintRequest;
        const name = String(args.suggestedName);
        const path = `/home/yamada/ドキュメント/${name}-20261123.${request.format}`;
        this.printed.push(path);
        return { path, bytes: 48_213, millis: 312 } satisfies PrintedFile;
      }
      case 'open_printed':
        if (!this.printed.includes(String(args.path))) throw report('notFound', 'not printed here');
        return null;
      case 'list_incidents':
        return this.incidents.list();
      case 'get_incident':
        return this.incidents.get(args.id);
      case 'create_incident': {
        const created = this.incidents.create(args.input as IncidentInput);
        this.record('create', 'incident', String(created.id), null, created);
        return created;
      }
      case 'update_incident':
        return this.incidents.update(args.id, args.expectedVersion, args.input as IncidentInput);
      case 'add_incident_action':
        return this.incidents.addAction(args.id, args.expectedVersion, args.action as IncidentActionInput);
      case 'add_incident_filing':
        return this.incidents.addFiling(args.id, args.expectedVersion, args.filing as FilingInput);
      case 'add_incident_notice':
        return this.incidents.addNotice(args.id, args.expectedVersion, args.notice as NoticeInput);
      case 'close_incident':
        return this.incidents.close(args.id, args.expectedVersion, args.closedOn as string, args.note as string);
      case 'incident_draft':
        return this.incidents.draft(args.id, args.kind as DraftKind, args.language as Language);
      case 'incident_history':
        return structuredClone(
          this.audit.filter((e) => e.entity === 'incident' && e.entityId === String(args.id)).reverse(),
        );
      case 'sharing_history':
        return structuredClone(
          this.audit.filter((e) => e.entity === args.entity && e.entityId === String(args.id)).reverse(),
        );
      default: {
        const answer = this.sections.handle(cmd, args);
        if (answer !== NOT_MINE) return answer;
        if (this.sharing.handles(cmd)) return this.sharing.handle(cmd, args);
        if (this.protection.handles(cmd)) {
          return this.protection.handle(cmd, args, () => this.startupStatus());
        }
        throw report('storage', `unknown command ${cmd}`);
      }
    }
  }
}

const PRINT_PARAMETERS: Partial<Record<DocumentKind, PrintParameter>> = {
  decisionNotice: 'request',
  provisionExtract: 'person',
  breachReport: 'incident',
  breachNotice: 'incident',
  jointUseNotice: 'jointUse',
};

/** Routes every `invoke` to `backend`. */
export function installMockBackend(backend: MockBackend): MockBackend {
  mockIPC((cmd, payload) => backend.handle(cmd, payload));
  return backend;
}
