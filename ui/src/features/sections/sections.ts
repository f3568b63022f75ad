// The provision, measure, disposal, objection, pseudonymised and anonymised information
// sections as the generic list, form and detail screens see them: which fields each record has, how each is edited and shown, and
// which commands read and write it.
import type { Entity } from '../../bindings/Entity';
import type { FieldError } from '../../bindings/FieldError';
import type { Finding } from '../../bindings/Finding';
import {
  DISPOSAL_MEDIA,
  DISPOSAL_METHODS,
  MEASURE_HEADINGS,
  PROVISION_BASES,
  PROVISION_DIRECTIONS,
  PUBLIC_BODY_BASES,
  PUBLIC_GROUNDS,
  isPublicBodyRegime,
  PROVISION_INFORMATION,
  RECORDING_METHODS,
  STATUTORY_EXCEPTIONS,
  label,
} from '../../i18n/enums';
import { isMessageKey, t, type MessageKey } from '../../i18n/i18n.svelte';
import { fieldError } from '../../lib/fields';
import { todayIso } from '../../lib/deadlines';
import { app, type Route } from '../../lib/app.svelte';
import { SECTION_KINDS, type Draft, type SectionKind, type StoredRecord } from '../../api/sectionRecords';

// The kinds and record shapes belong to the API; the screens keep importing them from here.
export { SECTION_KINDS, type Draft, type SectionKind, type StoredRecord };

export type Control =
  | { type: 'text' | 'textarea' | 'date' | 'optionalDate' | 'checkbox' | 'list' }
  | { type: 'select'; options: readonly string[]; labelOf: (v: string) => string; optional?: boolean }
  | { type: 'holdings' | 'holding' | 'recipient' | 'matter' }
  /** Anonymised information's provisions to third parties, one row each (art. 43(4)). */
  | { type: 'provisions' };

export type FieldSpec = {
  path: string;
  control: Control;
  required?: boolean | ((d: Draft) => boolean);
  wide?: boolean;
  /** Shown only when this holds (a receipt's confirmation items, an exception's item). */
  when?: (d: Draft) => boolean;
};

export type SectionSpec = {
  kind: SectionKind;
  entity: Entity;
  /** i18n prefix of the field labels, hints and titles. */
  prefix: 'provision' | 'recipient' | 'measure' | 'disposal' | 'consentMatter' | 'objection' | 'pseudonymised' | 'anonymised';
  fields: FieldSpec[];
  /** Fields shown as list columns, besides the label. */
  columns: string[];
  empty: () => Draft;
  title: (r: Draft) => string;
  /** Checked before sending, so the obvious gaps show at once. */
  localChecks: (d: Draft) => FieldError[];
};

const sel = (options: readonly string[], labelOf: (v: string) => string, optional = false): Control => ({
  type: 'select',
  options,
  labelOf,
  optional,
});
const text: Control = { type: 'text' };
const area: Control = { type: 'textarea' };
const list: Control = { type: 'list' };
const isException = (d: Draft) => d.basis === 'statutoryException';
/** A public body's basis names its art. 69 ground. */
const isPublicBasis = (d: Draft) => PUBLIC_BODY_BASES.includes(d.basis as never);
const publicBody = () => isPublicBodyRegime(app.organisation?.regime);
/**
 * Every basis stays selectable (a receipt names its provider's basis, which may be either
 * regime's), the organisation's own regime first; the core refuses a provision on another
 * regime's basis.
 */
const basisControl = (): Control => ({
  type: 'select',
  get options() {
    const own = PROVISION_BASES.filter((b) => PUBLIC_BODY_BASES.includes(b) === publicBody());
    return [...own, ...PROVISION_BASES.filter((b) => !own.includes(b))];
  },
  labelOf: (v) => label.provisionBasis(v as never),
});
const groundControl = sel(PUBLIC_GROUNDS, (v) => label.publicGround(v as never), true);
/** Personal-related information provided under APPI art. 31: no persons, a confirmation instead. */
export const isPersonalRelated = (d: Draft) => d.information === 'personalRelated';
// Art. 31 records only what the organisation provides, so a personal-related record is never a receipt.
const isReceipt = (d: Draft) => d.direction === 'received' && !isPersonalRelated(d);
/** Art. 31(1) asks for the confirmation except in the art. 27(1) cases. */
const confirmsConsent = (d: Draft) => isPersonalRelated(d) && (d.basis === 'consent' || d.basis === 'foreignProvision');
const isSeries = (d: Draft) => d.recordingMethod !== 'individual';

function required(d: Draft, ...paths: string[]): FieldError[] {
  return paths.flatMap((p) => {
    const v = d[p];
    const blank = v === null || v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);
    return blank ? [fieldError(p, 'required')] : [];
  });
}

export const SECTIONS: Record<SectionKind, SectionSpec> = {
  provision: {
    kind: 'provision',
    entity: 'provisionRecord',
    prefix: 'provision',
    fields: [
      { path: 'information', control: sel(PROVISION_INFORMATION, (v) => label.provisionInformation(v as never)), required: true, wide: true },
      { path: 'direction', control: sel(PROVISION_DIRECTIONS, (v) => label.provisionDirection(v as never)), required: true, when: (d) => !isPersonalRelated(d) },
      { path: 'reference', control: text },
      { path: 'recordingMethod', control: sel(RECORDING_METHODS, (v) => label.recordingMethod(v as never)), required: true },
      { path: 'basis', control: basisControl(), required: true },
      { path: 'exception', control: sel(STATUTORY_EXCEPTIONS, (v) => label.statutoryException(v as never), true), required: true, when: isException },
      { path: 'publicGround', control: groundControl, required: true, wide: true, when: isPublicBasis },
      { path: 'providedOn', control: { type: 'date' }, required: true },
      { path: 'lastProvidedOn', control: { type: 'optionalDate' }, when: isSeries },
      { path: 'recordedOn', control: { type: 'date' }, required: true },
      { path: 'recipientId', control: { type: 'recipient' }, when: (d) => !isReceipt(d) },
      { path: 'counterpartyName', control: text, required: true },
      { path: 'counterpartyAddress', control: text, required: isReceipt },
      { path: 'counterpartyRepresentative', control: text },
      { path: 'acquisitionCircumstances', control: area, required: true, wide: true, when: isReceipt },
      { path: 'optOutPublished', control: { type: 'checkbox' }, when: (d) => isReceipt(d) && d.basis === 'optOut' },
      { path: 'persons', control: list, wide: true, when: (d) => !isPersonalRelated(d) },
      { path: 'personsDescription', control: text, wide: true, when: (d) => !isPersonalRelated(d) },
      { path: 'items', control: list, required: true, wide: true },
      { path: 'consentObtained', control: { type: 'checkbox' }, wide: true, required: confirmsConsent },
      { path: 'consentNote', control: text, wide: true, when: (d) => !isPersonalRelated(d) },
      { path: 'consentConfirmationMethod', control: text, wide: true, required: confirmsConsent, when: isPersonalRelated },
      { path: 'foreignInformationConfirmed', control: { type: 'checkbox' }, wide: true, required: true, when: (d) => isPersonalRelated(d) && d.basis === 'foreignProvision' },
      { path: 'holdingIds', control: { type: 'holdings' }, wide: true },
      { path: 'notes', control: area, wide: true },
    ],
    columns: ['direction', 'providedOn', 'counterpartyName', 'basis', 'recordingMethod'],
    empty: () => ({
      reference: '',
      direction: 'provided',
      basis: publicBody() ? 'publicBody' : 'consent',
      exception: null,
      publicGround: null,
      recordingMethod: 'individual',
      providedOn: todayIso(),
      lastProvidedOn: null,
      recordedOn: todayIso(),
      recipientId: null,
      counterpartyName: '',
      counterpartyAddress: '',
      counterpartyRepresentative: '',
      acquisitionCircumstances: '',
      optOutPublished: false,
      persons: [],
      personsDescription: '',
      items: [],
      consentObtained: false,
      consentNote: '',
      holdingIds: [],
      notes: '',
      information: 'personalData',
      consentConfirmationMethod: '',
      foreignInformationConfirmed: false,
    }),
    title: (r) => `${String(r.reference ?? '')} ${String(r.counterpartyName ?? '')}`.trim(),
    localChecks: (d) => {
      const errors = required(d, 'counterpartyName', 'items');
      if (isException(d)) errors.push(...required(d, 'exception'));
      if (isPublicBasis(d)) errors.push(...required(d, 'publicGround'));
      if (isReceipt(d)) errors.push(...required(d, 'counterpartyAddress', 'acquisitionCircumstances'));
      return errors;
    },
  },
  recipients: {
    kind: 'recipients',
    entity: 'recipient',
    prefix: 'recipient',
    fields: [
      { path: 'name', control: text, required: true },
      { path: 'address', control: text },
      { path: 'representative', control: text },
      { path: 'basis', control: basisControl(), required: true },
      { path: 'exception', control: sel(STATUTORY_EXCEPTIONS, (v) => label.statutoryException(v as never), true), required: true, when: isException },
      { path: 'publicGround', control: groundControl, required: true, wide: true, when: isPublicBasis },
      { path: 'purpose', control: area, required: true, wide: true },
      { path: 'items', control: list, required: true, wide: true },
      { path: 'frequency', control: text, wide: true },
      { path: 'holdingIds', control: { type: 'holdings' }, wide: true },
      { path: 'notes', control: area, wide: true },
    ],
    columns: ['basis', 'purpose', 'frequency'],
    empty: () => ({
      name: '',
      address: '',
      representative: '',
      purpose: '',
      basis: publicBody() ? 'publicBody' : 'consent',
      exception: null,
      publicGround: null,
      items: [],
      frequency: '',
      holdingIds: [],
      notes: '',
    }),
    title: (r) => String(r.name ?? ''),
    localChecks: (d) => [
      ...required(d, 'name', 'purpose', 'items'),
      ...(isException(d) ? required(d, 'exception') : []),
      ...(isPublicBasis(d) ? required(d, 'publicGround') : []),
    ],
  },
  measures: {
    kind: 'measures',
    entity: 'measure',
    prefix: 'measure',
    fields: [
      { path: 'heading', control: sel(MEASURE_HEADINGS, (v) => label.measureHeading(v as never)), required: true },
      { path: 'publishable', control: { type: 'checkbox' } },
      { path: 'title', control: text, required: true, wide: true },
      { path: 'description', control: area, wide: true },
      { path: 'holdingIds', control: { type: 'holdings' }, wide: true },
    ],
    columns: ['heading', 'publishable'],
    empty: () => ({ heading: 'organisational', title: '', description: '', publishable: true, holdingIds: [] }),
    title: (r) => String(r.title ?? ''),
    localChecks: (d) => required(d, 'title'),
  },
  disposals: {
    kind: 'disposals',
    entity: 'disposal',
    prefix: 'disposal',
    fields: [
      { path: 'holdingId', control: { type: 'holding' }, required: true, wide: true },
      { path: 'reference', control: text },
      { path: 'disposedOn', control: { type: 'date' }, required: true },
      { path: 'coversThrough', control: { type: 'optionalDate' } },
      { path: 'description', control: text, wide: true },
      { path: 'medium', control: sel(DISPOSAL_MEDIA, (v) => label.disposalMedium(v as never)), required: true },
      { path: 'method', control: sel(DISPOSAL_METHODS, (v) => label.disposalMethod(v as never)), required: true },
      { path: 'methodNote', control: text, wide: true, required: (d) => d.method === 'other' },
      { path: 'performedBy', control: text, required: true },
      { path: 'witness', control: text },
      { path: 'vendor', control: text, required: (d) => d.method === 'outsourced' },
      { path: 'certificateRef', control: text, required: (d) => d.method === 'outsourced' },
      { path: 'notes', control: area, wide: true },
    ],
    columns: ['disposedOn', 'holdingId', 'medium', 'method', 'certificateRef'],
    empty: () => ({
      reference: '',
      holdingId: null,
      disposedOn: todayIso(),
      description: '',
      coversThrough: null,
      medium: 'paper',
      method: 'shredding',
      methodNote: '',
      performedBy: '',
      witness: '',
      vendor: '',
      certificateRef: '',
      notes: '',
    }),
    title: (r) => `${String(r.reference ?? '')} ${String(r.description ?? '')}`.trim(),
    localChecks: (d) => {
      const errors = required(d, 'holdingId', 'performedBy');
      if (d.method === 'outsourced') errors.push(...required(d, 'vendor', 'certificateRef'));
      if (d.method === 'other' && !String(d.methodNote ?? '').trim()) errors.push(fieldError('methodNote', 'needsNote'));
      return errors;
    },
  },
  consentMatters: {
    kind: 'consentMatters',
    entity: 'consentMatter',
    prefix: 'consentMatter',
    fields: [
      { path: 'title', control: text, required: true, wide: true },
      { path: 'description', control: area, required: true, wide: true },
      { path: 'publishedWhere', control: text, required: true, wide: true },
      { path: 'publishedSince', control: { type: 'date' }, required: true },
      { path: 'holdingIds', control: { type: 'holdings' }, wide: true },
      { path: 'notes', control: area, wide: true },
    ],
    columns: ['publishedSince', 'publishedWhere'],
    empty: () => ({ title: '', description: '', holdingIds: [], publishedWhere: '', publishedSince: todayIso(), notes: '' }),
    title: (r) => String(r.title ?? ''),
    localChecks: (d) => required(d, 'title', 'description', 'publishedWhere'),
  },
  objections: {
    kind: 'objections',
    entity: 'objection',
    prefix: 'objection',
    fields: [
      { path: 'person', control: text, required: true, wide: true },
      { path: 'reference', control: text },
      { path: 'receivedOn', control: { type: 'date' }, required: true },
      { path: 'inWriting', control: { type: 'checkbox' } },
      { path: 'matterId', control: { type: 'matter' }, wide: true },
      { path: 'purpose', control: area, required: true, wide: true },
      { path: 'reason', control: area, wide: true },
      { path: 'appliedOn', control: { type: 'optionalDate' } },
      { path: 'appliedBy', control: text, required: (d) => Boolean(d.appliedOn) },
      { path: 'withdrawnOn', control: { type: 'optionalDate' } },
      { path: 'holdingIds', control: { type: 'holdings' }, wide: true },
      { path: 'notes', control: area, wide: true },
    ],
    columns: ['receivedOn', 'purpose', 'appliedOn', 'withdrawnOn'],
    empty: () => ({
      reference: '',
      person: '',
      purpose: '',
      reason: '',
      receivedOn: todayIso(),
      inWriting: true,
      appliedOn: null,
      appliedBy: '',
      holdingIds: [],
      notes: '',
      matterId: null,
      withdrawnOn: null,
    }),
    title: (r) => `${String(r.reference ?? '')} ${String(r.person ?? '')}`.trim(),
    localChecks: (d) => {
      const errors = required(d, 'person', 'purpose');
      if (d.appliedOn) errors.push(...required(d, 'appliedBy'));
      return errors;
    },
  },
  pseudonymised: {
    kind: 'pseudonymised',
    entity: 'pseudonymisedInformation',
    prefix: 'pseudonymised',
    fields: [
      { path: 'name', control: text, required: true, wide: true },
      { path: 'items', control: list, required: true, wide: true },
      { path: 'processingMethod', control: area, required: true, wide: true },
      // PPC Rules art. 31(i)-(iii): each must have been applied; the core refuses otherwise.
      { path: 'identifyingDescriptionsRemoved', control: { type: 'checkbox' }, required: true, wide: true },
      { path: 'identificationCodesRemoved', control: { type: 'checkbox' }, required: true, wide: true },
      { path: 'financialRiskDescriptionsRemoved', control: { type: 'checkbox' }, required: true, wide: true },
      { path: 'purposes', control: list, required: true, wide: true },
      { path: 'purposesPublishedOn', control: { type: 'optionalDate' } },
      { path: 'publishedWhere', control: text, required: (d) => Boolean(d.purposesPublishedOn) },
      { path: 'deletedInformationSecurity', control: area, required: true, wide: true },
      { path: 'erasedOn', control: { type: 'optionalDate' } },
      { path: 'sharedByJointUse', control: { type: 'checkbox' } },
      { path: 'entrusted', control: { type: 'checkbox' } },
      { path: 'sharingNotes', control: area, wide: true, required: (d) => Boolean(d.sharedByJointUse || d.entrusted) },
      { path: 'holdingIds', control: { type: 'holdings' }, wide: true },
      { path: 'notes', control: area, wide: true },
    ],
    columns: ['purposesPublishedOn', 'erasedOn'],
    empty: () => ({
      name: '',
      holdingIds: [],
      items: [],
      processingMethod: '',
      identifyingDescriptionsRemoved: false,
      identificationCodesRemoved: false,
      financialRiskDescriptionsRemoved: false,
      purposes: [],
      purposesPublishedOn: null,
      publishedWhere: '',
      deletedInformationSecurity: '',
      erasedOn: null,
      sharedByJointUse: false,
      entrusted: false,
      sharingNotes: '',
      notes: '',
    }),
    title: (r) => String(r.name ?? ''),
    localChecks: (d) => {
      const errors = required(d, 'name', 'items', 'processingMethod', 'purposes', 'deletedInformationSecurity');
      if (d.purposesPublishedOn) errors.push(...required(d, 'publishedWhere'));
      if (d.sharedByJointUse || d.entrusted) errors.push(...required(d, 'sharingNotes'));
      return errors;
    },
  },
  anonymised: {
    kind: 'anonymised',
    entity: 'anonymisedInformation',
    prefix: 'anonymised',
    fields: [
      { path: 'name', control: text, required: true, wide: true },
      { path: 'items', control: list, required: true, wide: true },
      { path: 'producedOn', control: { type: 'date' }, required: true },
      { path: 'itemsPublishedOn', control: { type: 'optionalDate' } },
      { path: 'publishedWhere', control: text, wide: true, required: (d) => Boolean(d.itemsPublishedOn) },
      { path: 'processingSecurity', control: area, required: true, wide: true },
      { path: 'provisions', control: { type: 'provisions' }, wide: true },
      { path: 'holdingIds', control: { type: 'holdings' }, wide: true },
      { path: 'notes', control: area, wide: true },
    ],
    columns: ['producedOn', 'itemsPublishedOn'],
    empty: () => ({
      name: '',
      holdingIds: [],
      items: [],
      producedOn: todayIso(),
      itemsPublishedOn: null,
      publishedWhere: '',
      processingSecurity: '',
      provisions: [],
      notes: '',
    }),
    title: (r) => String(r.name ?? ''),
    localChecks: (d) => {
      const errors = required(d, 'name', 'items', 'processingSecurity');
      if (d.itemsPublishedOn) errors.push(...required(d, 'publishedWhere'));
      return errors;
    },
  },
};

/** The wording of a field for the record as it stands: a personal-related provision words
 * some fields for what is confirmed (`provision.field.consentObtained.personalRelated`). */
function keyFor(base: string, record?: Draft): string {
  const specific = `${base}.personalRelated`;
  return record && isPersonalRelated(record) && isMessageKey(specific) ? specific : base;
}

/** A provision row as the form edits it (the binding's AnonymisedProvision). */
export type ProvisionRow = {
  recipient: string;
  providedOn: string;
  method: string;
  publishedOn: string;
  statedToRecipient: boolean;
};

/** A new provision row: dated today, the statement to the recipient left for the officer to tick. */
export function emptyProvisionRow(): ProvisionRow {
  return { recipient: '', providedOn: todayIso(), method: '', publishedOn: todayIso(), statedToRecipient: false };
}

/** The label of a field path of `kind`, e.g. 提供先・提供元の名称, 個人情報の項目（2件目）. */
export function sectionFieldLabel(kind: SectionKind, path: string, record?: Draft): string {
  const prefix = SECTIONS[kind].prefix;
  const bare = path.replace(/\[(\d+)\]/g, '');
  const index = /\[(\d+)\]/.exec(path);
  const key = keyFor(`${prefix}.field.${bare}`, record);
  const text = isMessageKey(key) ? t(key) : path;
  return index ? t('field.indexed', { label: text, n: Number(index[1]) + 1 }) : text;
}

export function sectionHint(kind: SectionKind, path: string, record?: Draft): string {
  const key = keyFor(`${SECTIONS[kind].prefix}.hint.${path}`, record);
  return isMessageKey(key) ? t(key) : '';
}

export function isRequired(spec: FieldSpec, draft: Draft): boolean {
  return typeof spec.required === 'function' ? spec.required(draft) : Boolean(spec.required);
}

/** The input a record was made from: its own fields, without id, version and timestamps. */
export function inputOf(kind: SectionKind, record: Draft): Draft {
  const empty = SECTIONS[kind].empty();
  const input: Draft = {};
  // Through JSON rather than structuredClone: the record may be a Svelte state proxy.
  for (const key of Object.keys(empty)) input[key] = JSON.parse(JSON.stringify(record[key] ?? empty[key])) as unknown;
  return input;
}

/** Where a finding of the panel links to. */
export function findingRoute(finding: Finding): Route {
  switch (finding.section) {
    case 'holding':
      return { name: 'holding', id: finding.recordId };
    case 'provisionRecord':
      return { name: 'sectionRecord', kind: 'provision', id: finding.recordId };
    case 'objection':
      return { name: 'sectionRecord', kind: 'objections', id: finding.recordId };
    case 'subcontractor':
      return { name: 'subcontractor', id: finding.recordId };
    case 'jointUse':
      return { name: 'jointUse', id: finding.recordId };
    case 'transfer':
      return { name: 'transfer', id: finding.recordId };
    case 'pseudonymisedInformation':
      return { name: 'sectionRecord', kind: 'pseudonymised', id: finding.recordId };
    case 'anonymisedInformation':
      return { name: 'sectionRecord', kind: 'anonymised', id: finding.recordId };
  }
}

/** The finding worded in the current language, with its dates formatted by the caller. */
export function findingKey(finding: Finding): MessageKey {
  return `quality.rule.${finding.rule}`;
}

export const SECTION_TITLES: Record<SectionKind, MessageKey> = {
  provision: 'provision.title',
  recipients: 'recipient.title',
  measures: 'measure.title',
  disposals: 'disposal.title',
  consentMatters: 'consentMatter.title',
  objections: 'objection.title',
  pseudonymised: 'pseudonymised.title',
  anonymised: 'anonymised.title',
};

/** Produced, its items not yet published: art. 43(3) wants that without delay. */
export function itemsUnpublished(r: Draft): boolean {
  return !r.itemsPublishedOn;
}

/** Held, its purposes not yet published (art. 41(4)); erased information needs none. */
export function purposesUnpublished(r: Draft): boolean {
  return !r.purposesPublishedOn && !r.erasedOn;
}

/** An objection waits to be put into effect unless it was applied or withdrawn. */
export function objectionPending(r: Draft): boolean {
  return !r.appliedOn && !r.withdrawnOn;
}
