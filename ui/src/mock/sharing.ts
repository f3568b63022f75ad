// Subcontractors, joint uses and transfers for the mock backend: enough of the core's rules
// (required fields, flags, editions, refusals of linked deletions) for Vitest and mock.html.
import type { AuditAction } from '../bindings/AuditAction';
import type { Holding } from '../bindings/Holding';
import type { JointUse } from '../bindings/JointUse';
import type { JointUseChange } from '../bindings/JointUseChange';
import type { JointUseInput } from '../bindings/JointUseInput';
import type { SharingFinding } from '../bindings/SharingFinding';
import type { Subcontractor } from '../bindings/Subcontractor';
import type { SubcontractorInput } from '../bindings/SubcontractorInput';
import type { SubcontractorNode } from '../bindings/SubcontractorNode';
import type { Transfer } from '../bindings/Transfer';
import type { TransferInput } from '../bindings/TransferInput';
import type { FieldError } from '../bindings/FieldError';
import { emptySubcontractorInput, emptyTransferInput } from '../features/sharing/sharing';

type Args = Record<string, unknown>;
type Recorder = (action: AuditAction, entity: string, id: string, before: unknown, after: unknown) => void;
type Fail = (kind: 'validation' | 'notFound' | 'conflict' | 'inUse', message: string, fields?: FieldError[], references?: string[]) => never;

const TODAY = '2026-04-15';
const COMMANDS = new Set([
  'list_subcontractors',
  'get_subcontractor',
  'create_subcontractor',
  'update_subcontractor',
  'delete_subcontractor',
  'list_joint_uses',
  'get_joint_use',
  'create_joint_use',
  'update_joint_use',
  'delete_joint_use',
  'list_transfers',
  'get_transfer',
  'create_transfer',
  'update_transfer',
  'delete_transfer',
  'holding_sharing',
  'sharing_findings',
]);

const required = (field: string): FieldError => ({ field, code: 'required', limit: null, message: `${field} is required` });

export class MockSharing {
  subcontractors: Subcontractor[] = [];
  jointUses: JointUse[] = [];
  transfers: Transfer[] = [];
  private nextId = 1;
  /** The demo records are loaded without audit entries, so the mock's chain stays as it was. */
  private quiet = false;

  constructor(
    private readonly now: () => string,
    private readonly recorder: Recorder,
    private readonly fail: Fail,
    /** The incidents that link a tier: they keep it from being deleted. */
    private readonly incidentsAt: (id: number) => string[] = () => [],
  ) {}

  private record(action: AuditAction, entity: string, id: string, before: unknown, after: unknown): void {
    if (!this.quiet) this.recorder(action, entity, id, before, after);
  }

  handles(cmd: string): boolean {
    return COMMANDS.has(cmd);
  }

  private stamp() {
    const at = this.now();
    return { id: this.nextId++, version: 1, createdAt: at, updatedAt: at };
  }

  private ref(prefix: string, count: number, given: string): string {
    return given || `${prefix}${String(count + 1).padStart(4, '0')}`;
  }

  private tierFindings(s: Subcontractor): SharingFinding[] {
    const base = { entity: 'subcontractor' as const, recordId: s.id, reference: s.reference, label: `${s.reference} ${s.name}`, missing: [], dueOn: null };
    const out: SharingFinding[] = [];
    if (!s.approval) out.push({ ...base, rule: 'subcontractorWithoutConsent' });
    if (s.supervision.nextCheck && s.supervision.nextCheck < TODAY) out.push({ ...base, rule: 'supervisionOverdue', dueOn: s.supervision.nextCheck });
    if (s.country !== 'JP' && !this.transfers.some((t) => t.subcontractorId === s.id && !t.stoppedOn)) {
      out.push({ ...base, rule: 'foreignSubcontractorWithoutTransfer' });
    }
    return out;
  }

  private jointUseFindings(j: JointUse): SharingFinding[] {
    const t = j.terms;
    const missing = [
      ...(t.factStatement ? [] : ['fact' as const]),
      ...(t.items.length ? [] : ['items' as const]),
      ...(t.usersRange ? [] : ['usersRange' as const]),
      ...(t.purposes.length ? [] : ['purposes' as const]),
      ...(t.responsibleParties.length && t.responsibleParties.every((p) => p.name && p.address && p.representative) ? [] : ['responsible' as const]),
    ];
    if (!missing.length) return [];
    return [{ entity: 'jointUse', recordId: j.id, reference: j.reference, label: `${j.reference} ${j.title}`, rule: 'jointUseMissingItem', missing, dueOn: null }];
  }

  private transferFindings(tr: Transfer): SharingFinding[] {
    if (tr.basis !== 'equivalentMeasures' || tr.stoppedOn || !tr.nextCheck || tr.nextCheck >= TODAY) return [];
    return [{ entity: 'transfer', recordId: tr.id, reference: tr.reference, label: `${tr.reference} ${tr.recipient}`, rule: 'transferCheckOverdue', missing: [], dueOn: tr.nextCheck }];
  }

  private tree(): SubcontractorNode[] {
    const out: SubcontractorNode[] = [];
    const visit = (parent: number | null, depth: number) => {
      for (const s of this.subcontractors.filter((x) => x.parentId === parent).sort((a, b) => a.reference.localeCompare(b.reference))) {
        const parentRef = this.subcontractors.find((x) => x.id === s.parentId)?.reference ?? null;
        out.push({
          subcontractor: structuredClone(s),
          depth,
          parentReference: parentRef,
          children: this.subcontractors.filter((x) => x.parentId === s.id).length,
          findings: this.tierFindings(s),
        });
        visit(s.id, depth + 1);
      }
    };
    visit(null, 0);
    return out;
  }

  private find<T extends { id: number }>(list: T[], id: unknown, what: string): T {
    const found = list.find((x) => x.id === id);
    if (!found) this.fail('notFound', `${what} ${String(id)} not found`);
    return found;
  }

  createSubcontractor(input: SubcontractorInput): Subcontractor {
    if (!input.name.trim()) this.fail('validation', 'invalid subcontractor', [required('name')]);
    const s: Subcontractor = { ...structuredClone(input), ...this.stamp(), reference: this.ref('SC-', this.subcontractors.length, input.reference) };
    this.subcontractors.push(s);
    this.record('create', 'subcontractor', String(s.id), null, s);
    return structuredClone(s);
  }

  createJointUse(input: JointUseInput): JointUse {
    if (!input.title.trim()) this.fail('validation', 'invalid joint use', [required('title')]);
    const stamp = this.stamp();
    const j: JointUse = {
      ...structuredClone(input),
      ...stamp,
      reference: this.ref('JU-', this.jointUses.length, input.reference),
      editions: [{ number: 1, terms: structuredClone(input.terms), change: null, recordedAt: stamp.createdAt }],
    };
    this.jointUses.push(j);
    this.record('create', 'jointUse', String(j.id), null, j);
    return structuredClone(j);
  }

  updateJointUse(id: unknown, expectedVersion: unknown, input: JointUseInput, change: JointUseChange | null): JointUse {
    const j = this.find(this.jointUses, id, 'joint use');
    if (j.version !== expectedVersion) this.fail('conflict', 'joint use changed elsewhere');
    const before = structuredClone(j);
    const changed = JSON.stringify(j.terms) !== JSON.stringify(input.terms);
    if (changed && !change) this.fail('validation', 'change required', [required('change')]);
    if (changed && change && !change.summary.trim()) this.fail('validation', 'change summary required', [required('change.summary')]);
    Object.assign(j, structuredClone(input), { version: j.version + 1, updatedAt: this.now() });
    if (changed && change) j.editions.push({ number: j.editions.length + 1, terms: structuredClone(input.terms), change, recordedAt: j.updatedAt });
    this.record('update', 'jointUse', String(j.id), before, j);
    return structuredClone(j);
  }

  createTransfer(input: TransferInput): Transfer {
    const errors = [...(input.recipient.trim() ? [] : [required('recipient')]), ...(input.items.length ? [] : [required('items')])];
    if (errors.length) this.fail('validation', 'invalid transfer', errors);
    const tr: Transfer = { ...structuredClone(input), ...this.stamp(), reference: this.ref('TR-', this.transfers.length, input.reference) };
    this.transfers.push(tr);
    this.record('create', 'transfer', String(tr.id), null, tr);
    return structuredClone(tr);
  }

  /** References of the records that name holding `id`, as the core's refusal lists them. */
  referencesTo(id: number): string[] {
    return [
      ...this.subcontractors.filter((s) => s.entrusted.some((e) => e.holdingId === id)).map((s) => s.reference),
      ...this.jointUses.filter((j) => j.holdingIds.includes(id)).map((j) => j.reference),
      ...this.transfers.filter((tr) => tr.holdingId === id).map((tr) => tr.reference),
    ];
  }

  handle(cmd: string, args: Args): unknown {
    switch (cmd) {
      case 'list_subcontractors':
        return this.tree();
      case 'get_subcontractor':
        return structuredClone(this.find(this.subcontractors, args.id, 'subcontractor'));
      case 'create_subcontractor':
        return this.createSubcontractor(args.input as SubcontractorInput);
      case 'update_subcontractor': {
        const s = this.find(this.subcontractors, args.id, 'subcontractor');
        if (s.version !== args.expectedVersion) this.fail('conflict', 'subcontractor changed elsewhere');
        const input = args.input as SubcontractorInput;
        if (!input.name.trim()) this.fail('validation', 'invalid subcontractor', [required('name')]);
        const before = structuredClone(s);
        Object.assign(s, structuredClone(input), { version: s.version + 1, updatedAt: this.now() });
        this.record('update', 'subcontractor', String(s.id), before, s);
        return structuredClone(s);
      }
      case 'delete_subcontractor': {
        const s = this.find(this.subcontractors, args.id, 'subcontractor');
        const refs = [
          ...this.subcontractors.filter((x) => x.parentId === s.id).map((x) => x.reference),
          ...this.transfers.filter((x) => x.subcontractorId === s.id).map((x) => x.reference),
          ...this.incidentsAt(s.id),
        ];
        if (refs.length) this.fail('inUse', `subcontractor ${s.reference} is referred to`, [], refs);
        this.subcontractors = this.subcontractors.filter((x) => x.id !== s.id);
        this.record('delete', 'subcontractor', String(s.id), s, null);
        return null;
      }
      case 'list_joint_uses':
        return this.jointUses.map((j) => ({ jointUse: structuredClone(j), findings: this.jointUseFindings(j) }));
      case 'get_joint_use': {
        const j = this.find(this.jointUses, args.id, 'joint use');
        return { jointUse: structuredClone(j), findings: this.jointUseFindings(j) };
      }
      case 'create_joint_use':
        return this.createJointUse(args.input as JointUseInput);
      case 'update_joint_use':
        return this.updateJointUse(args.id, args.expectedVersion, args.input as JointUseInput, (args.change ?? null) as JointUseChange | null);
      case 'delete_joint_use': {
        const j = this.find(this.jointUses, args.id, 'joint use');
        this.jointUses = this.jointUses.filter((x) => x.id !== j.id);
        this.record('delete', 'jointUse', String(j.id), j, null);
        return null;
      }
      case 'list_transfers':
        return this.transfers.map((tr) => ({ transfer: structuredClone(tr), findings: this.transferFindings(tr) }));
      case 'get_transfer': {
        const tr = this.find(this.transfers, args.id, 'transfer');
        return { transfer: structuredClone(tr), findings: this.transferFindings(tr) };
      }
      case 'create_transfer':
        return this.createTransfer(args.input as TransferInput);
      case 'update_transfer': {
        const tr = this.find(this.transfers, args.id, 'transfer');
        if (tr.version !== args.expectedVersion) this.fail('conflict', 'transfer changed elsewhere');
        const before = structuredClone(tr);
        Object.assign(tr, structuredClone(args.input as TransferInput), { version: tr.version + 1, updatedAt: this.now() });
        this.record('update', 'transfer', String(tr.id), before, tr);
        return structuredClone(tr);
      }
      case 'delete_transfer': {
        const tr = this.find(this.transfers, args.id, 'transfer');
        this.transfers = this.transfers.filter((x) => x.id !== tr.id);
        this.record('delete', 'transfer', String(tr.id), tr, null);
        return null;
      }
      case 'holding_sharing': {
        const id = args.holdingId;
        const link = (x: { id: number; reference: string }, label: string) => ({ id: x.id, reference: x.reference, label });
        return {
          subcontractors: this.subcontractors.filter((s) => s.entrusted.some((e) => e.holdingId === id)).map((s) => link(s, s.name)),
          jointUses: this.jointUses.filter((j) => j.holdingIds.includes(id as number)).map((j) => link(j, j.title)),
          transfers: this.transfers.filter((tr) => tr.holdingId === id).map((tr) => link(tr, tr.recipient)),
        };
      }
      case 'sharing_findings':
        return [
          ...this.tree().flatMap((n) => n.findings),
          ...this.jointUses.flatMap((j) => this.jointUseFindings(j)),
          ...this.transfers.flatMap((tr) => this.transferFindings(tr)),
        ];
      default:
        return undefined;
    }
  }

  /** A short version of the core's demo: a vendor with a cloud sub-tier, a lab without consent,
   * a translator abroad with its transfer, and the employers' joint use in two editions. */
  loadDemo(holdings: Holding[]): void {
    // Holding 4 stays unlinked: the UI tests delete it.
    const [members, claims, checkups] = holdings;
    if (!members || !checkups || !claims) return;
    this.quiet = true;
    const ids = (h: Holding) => h.dataItems.flatMap((i) => (i.id === null ? [] : [i.id]));
    const vendor = this.createSubcontractor({
      ...emptySubcontractorInput(),
      name: '株式会社みなとシステムズ',
      address: '東京都江東区豊洲三丁目3番3号',
      representative: '代表取締役 小林 誠',
      classification: 'systemVendor',
      workDescription: '健保基幹システムの開発、運用及び保守',
      entrusted: [{ holdingId: members.id, itemIds: ids(members) }],
      approval: { approvedBy: '常務理事 鈴木 花子', approvedOn: '2024-03-15', form: 'internalDecision', note: '委託先選定決裁 R6-12号' },
      supervision: { method: 'onSiteAudit', frequencyMonths: 12, lastCheck: '2025-11-10', nextCheck: '2026-11-10', findings: '指摘事項なし' },
    });
    this.createSubcontractor({
      ...emptySubcontractorInput(vendor.id),
      name: 'さくらクラウドホスティング株式会社',
      classification: 'cloudProvider',
      workDescription: '基幹システムのサーバー基盤の提供',
      entrusted: [{ holdingId: members.id, itemIds: ids(members).slice(0, 2) }],
      approval: { approvedBy: '常務理事 鈴木 花子', approvedOn: '2024-04-02', form: 'writtenApproval', note: '再委託承認書 R6-03号' },
      supervision: { method: 'indirectThroughParent', frequencyMonths: 12, lastCheck: '2025-02-01', nextCheck: '2026-02-01', findings: '' },
    });
    this.createSubcontractor({
      ...emptySubcontractorInput(),
      name: '医療法人社団 新都心健診会',
      classification: 'checkupProvider',
      entrusted: [{ holdingId: checkups.id, itemIds: ids(checkups) }],
      supervision: { method: 'questionnaire', frequencyMonths: 12, lastCheck: null, nextCheck: '2026-10-01', findings: '' },
    });
    const translator = this.createSubcontractor({
      ...emptySubcontractorInput(),
      name: 'Pacific Medical Translations LLC',
      country: 'US',
      classification: 'translator',
      entrusted: [{ holdingId: claims.id, itemIds: ids(claims).slice(0, 1) }],
      approval: { approvedBy: '常務理事 鈴木 花子', approvedOn: '2025-05-20', form: 'internalDecision', note: '' },
    });
    this.createTransfer({
      ...emptyTransferInput(claims.id, translator.id),
      recipient: 'Pacific Medical Translations LLC',
      country: 'US',
      basis: 'equivalentMeasures',
      measuresBasis: 'contract',
      items: ['氏名', '療養の内容'],
      checkFrequencyMonths: 6,
      lastCheck: '2025-09-01',
      nextCheck: '2026-03-01',
    });
    const ju = this.createJointUse({
      reference: '',
      title: '事業主との健診結果等の共同利用',
      terms: {
        factStatement: '当組合は、加入事業所の事業主と健診結果等を共同して利用します。',
        items: ['氏名、性別、生年月日、事業所名', '健康診断の結果、所見'],
        usersRange: '当組合及び加入事業所の事業主（産業保健スタッフを含む）',
        purposes: [{ user: '事業主', purpose: '労働安全衛生法に基づく健康管理' }],
        responsibleParties: [
          { name: 'みらい健康保険組合', address: '', representative: '理事長 佐藤 一郎' },
          { name: '株式会社みらい製作所', address: '東京都港区芝浦三丁目1番1号', representative: '代表取締役社長 高田 誠' },
        ],
      },
      publicationMethods: ['website'],
      inquiryContact: 'みらい健康保険組合 総務グループ 個人情報相談窓口',
      publishedOn: '2019-04-01',
      holdingIds: [checkups.id],
      notes: '',
    });
    this.updateJointUse(ju.id, ju.version, { ...ju, terms: { ...ju.terms, responsibleParties: ju.terms.responsibleParties.map((p, i) => (i === 0 ? { ...p, representative: '理事長 田中 修' } : p)) } }, {
      kind: 'notifyWithoutDelay',
      notifiedOn: '2025-07-03',
      effectiveOn: '2025-07-01',
      summary: '理事長の交代に伴う代表者氏名の変更',
    });
    this.quiet = false;
  }
}
