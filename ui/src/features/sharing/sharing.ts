// Subcontractors, joint uses and transfers in the UI: empty inputs for the forms, field labels
// from the error paths the core reports, and the texts of their flags.
import type { HoldingInput } from '../../bindings/HoldingInput';
import type { JointUseInput } from '../../bindings/JointUseInput';
import type { JointUseTerms } from '../../bindings/JointUseTerms';
import type { ResponsibleParty } from '../../bindings/ResponsibleParty';
import type { SharingFinding } from '../../bindings/SharingFinding';
import type { SubcontractorInput } from '../../bindings/SubcontractorInput';
import type { TransferInput } from '../../bindings/TransferInput';
import { formatDate, joinList } from '../../i18n/format';
import { isMessageKey, t } from '../../i18n/i18n.svelte';
import {
  APPROVAL_FORMS,
  CHANGE_NOTICES,
  MEASURES_BASES,
  PUBLICATION_METHODS,
  SUBCONTRACTOR_CLASSES,
  SUPERVISION_METHODS,
  TRANSFER_BASES,
  isOneOf,
  sharingLabel,
} from '../../i18n/enums';

export function emptySubcontractorInput(parentId: number | null = null): SubcontractorInput {
  return {
    reference: '',
    parentId,
    name: '',
    address: '',
    representative: '',
    country: 'JP',
    classification: 'systemVendor',
    classificationNote: '',
    workDescription: '',
    entrusted: [],
    contractReference: '',
    contractClauses: '',
    approval: null,
    supervision: { method: 'writtenReport', frequencyMonths: 12, lastCheck: null, nextCheck: null, findings: '' },
    incidentNotifiedOn: null,
    incidentNote: '',
    notes: '',
  };
}

export function emptyTerms(): JointUseTerms {
  return {
    factStatement: '',
    items: [],
    usersRange: '',
    purposes: [],
    responsibleParties: [emptyParty()],
  };
}

export function emptyParty(): ResponsibleParty {
  return { name: '', address: '', representative: '' };
}

export function emptyJointUseInput(): JointUseInput {
  return {
    reference: '',
    title: '',
    terms: emptyTerms(),
    publicationMethods: [],
    inquiryContact: '',
    publishedOn: null,
    holdingIds: [],
    notes: '',
  };
}

export function emptyTransferInput(holdingId = 0, subcontractorId: number | null = null): TransferInput {
  return {
    reference: '',
    holdingId,
    recipient: '',
    subcontractorId,
    country: null,
    countryUndeterminedReason: '',
    basis: 'consent',
    measuresBasis: null,
    legalBasis: '',
    items: [],
    informationGiven: { countrySystem: '', recipientMeasures: '', givenOn: null, method: '' },
    checkFrequencyMonths: null,
    lastCheck: null,
    nextCheck: null,
    checkResults: '',
    startedOn: null,
    stoppedOn: null,
    notes: '',
  };
}

export type SharingPrefix = 'subcontractor.field' | 'jointUse.field' | 'transfer.field';

/** A label for an error path such as `entrusted[1].itemIds[0]` or `terms.purposes[0].user`. */
export function sharingPathLabel(prefix: SharingPrefix, path: string): string {
  const parts = path.split('.');
  const names: string[] = [];
  let result = '';
  for (const part of parts) {
    const match = /^([^[]+)(?:\[(\d+)\])?$/.exec(part);
    const name = match?.[1] ?? part;
    names.push(name);
    const key = `${prefix}.${names.join('.')}`;
    let text = isMessageKey(key) ? t(key) : name;
    if (match?.[2] !== undefined) text = t('field.indexed', { label: text, n: Number(match[2]) + 1 });
    result = result ? t('field.path', { parent: result, child: text }) : text;
  }
  return result;
}

/** What a flag says, e.g. 「次回点検日（2026-01-05）を過ぎています」 or the missing items. */
export function findingText(finding: SharingFinding): string {
  if (finding.rule === 'jointUseMissingItem') {
    return t('sharing.finding.missing', {
      items: joinList(finding.missing.map((m) => sharingLabel.statutoryItem(m))),
    });
  }
  if (finding.dueOn) return t('sharing.finding.due', { date: finding.dueOn });
  return sharingLabel.sharingRuleHint(finding.rule);
}

/** `US` → 米国 (US) where the browser knows the name. */
export function countryName(code: string | null, language: string): string {
  if (!code) return t('transfer.countryUndetermined');
  try {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    const name = names.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The data item names of `ids` in `holding`, in the holding's order. */
export function itemNames(holding: Pick<HoldingInput, 'dataItems'> | undefined, ids: readonly number[]): string[] {
  if (!holding) return ids.map((id) => `#${id}`);
  return holding.dataItems.filter((i) => i.id !== null && ids.includes(i.id)).map((i) => i.name);
}

/** The field's own label, without its parents (承諾者 rather than 承諾：承諾者), for a form
 * whose section heading already names the parent. */
export function sharingOwnLabel(prefix: SharingPrefix, path: string): string {
  const key = `${prefix}.${path.replace(/\[\d+\]/g, '')}`;
  return isMessageKey(key) ? t(key) : sharingPathLabel(prefix, path);
}

type Json = import('../../bindings/serde_json/JsonValue').JsonValue;
const isObj = (v: Json | null): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json | undefined): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v));

/** A changed value of a subcontractor, joint use or transfer as the history shows it. */
export function presentSharingValue(field: string, value: Json | null): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('common.none');
  const date = (v: Json | undefined) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : str(v));
  switch (field) {
    case 'classification':
      return isOneOf(SUBCONTRACTOR_CLASSES, value) ? sharingLabel.subcontractorClass(value) : str(value);
    case 'basis':
      return isOneOf(TRANSFER_BASES, value) ? sharingLabel.transferBasis(value) : str(value);
    case 'measuresBasis':
      return isOneOf(MEASURES_BASES, value) ? sharingLabel.measuresBasis(value) : str(value);
    case 'publicationMethods':
      return Array.isArray(value)
        ? joinList(value.map((v) => (isOneOf(PUBLICATION_METHODS, v) ? sharingLabel.publicationMethod(v) : str(v))))
        : str(value);
    case 'approval':
      return isObj(value)
        ? t('subcontractor.approvalLine', {
            by: str(value.approvedBy),
            date: date(value.approvedOn),
            form: isOneOf(APPROVAL_FORMS, value.form) ? sharingLabel.approvalForm(value.form) : str(value.form),
          })
        : str(value);
    case 'supervision':
      return isObj(value)
        ? [
            isOneOf(SUPERVISION_METHODS, value.method) ? sharingLabel.supervisionMethod(value.method) : str(value.method),
            `${t('subcontractor.field.supervision.lastCheck')} ${value.lastCheck ? date(value.lastCheck) : t('common.none')}`,
            `${t('subcontractor.field.supervision.nextCheck')} ${value.nextCheck ? date(value.nextCheck) : t('common.none')}`,
            str(value.findings),
          ]
            .filter(Boolean)
            .join('／')
        : str(value);
    case 'entrusted':
      return Array.isArray(value)
        ? joinList(value.map((e) => (isObj(e) && Array.isArray(e.itemIds) ? t('sharing.history.entrusted', { holding: str(e.holdingId), n: e.itemIds.length }) : str(e))))
        : str(value);
    case 'terms':
      return isObj(value)
        ? (Array.isArray(value.responsibleParties) ? value.responsibleParties : [])
            .map((p) => (isObj(p) ? [str(p.name), str(p.address), str(p.representative)].filter(Boolean).join('／') : str(p)))
            .join('；') +
            (Array.isArray(value.purposes) ? `（${t('jointUse.field.terms.purposes')} ${value.purposes.length}）` : '')
        : str(value);
    case 'editions':
      // The whole list (a created or deleted record) by its count; one edition added (the
      // history's list change) by its number and how the change was made known.
      if (Array.isArray(value)) return t('jointUse.editionNo', { n: value.length });
      if (isObj(value) && typeof value.number === 'number') {
        const change = isObj(value.change ?? null) ? (value.change as Record<string, Json>) : null;
        const kind = change?.kind;
        return change && isOneOf(CHANGE_NOTICES, kind)
          ? t('jointUse.editionEntry', { n: value.number, kind: sharingLabel.changeNotice(kind), summary: str(change.summary ?? null) })
          : t('jointUse.editionNo', { n: value.number });
      }
      return str(value);
    case 'informationGiven':
      return isObj(value) ? [str(value.countrySystem), str(value.recipientMeasures), date(value.givenOn)].filter(Boolean).join('／') || t('common.none') : str(value);
    default:
      if (typeof value === 'string') return date(value);
      if (Array.isArray(value)) return joinList(value.map((v) => str(v)));
      return str(value);
  }
}

/** History labels for one of the three sections. */
export function sharingHistoryLabel(prefix: SharingPrefix): (field: string) => string {
  return (field) => sharingOwnLabel(prefix, field);
}
