// The holding form's working copy, its conversion to the backend input, the light client-side
// checks, and the predicates the list filters on.
import type { AcquisitionMethod } from '../../bindings/AcquisitionMethod';
import type { Consent } from '../../bindings/Consent';
import type { DataItem } from '../../bindings/DataItem';
import type { DisposalMethod } from '../../bindings/DisposalMethod';
import type { FieldError } from '../../bindings/FieldError';
import type { FileRegisterItems } from '../../bindings/FileRegisterItems';
import type { Holding } from '../../bindings/Holding';
import type { HoldingInput } from '../../bindings/HoldingInput';
import type { Medium } from '../../bindings/Medium';
import type { NumberAffair } from '../../bindings/NumberAffair';
import type { NumberMaskingMethod } from '../../bindings/NumberMaskingMethod';
import type { PurposeNotice } from '../../bindings/PurposeNotice';
import type { RetentionTrigger } from '../../bindings/RetentionTrigger';
import { parseCivilDate } from '../../i18n/format';
import { fieldError } from '../../lib/fields';
import { todayIso } from '../../lib/deadlines';

export type RetentionDraft = {
  years: string;
  months: string;
  trigger: RetentionTrigger;
  triggerNote: string;
  legalBasis: string;
};

/** What the form edits: numbers as typed text, optional parts as toggles. */
export type HoldingDraft = {
  ledgerNo: string;
  name: string;
  department: string;
  businessProcess: string;
  manager: string;
  dutyBasis: string;
  dataItems: DataItem[];
  personsRecorded: string;
  approxCount: string;
  acquisitionMethod: AcquisitionMethod;
  acquisitionSources: string[];
  purposes: string[];
  purposeNotice: PurposeNotice[];
  consent: Consent;
  consentNote: string;
  consentDetails: ConsentDetailsDraft;
  medium: Medium;
  storagePlace: string;
  storageMethod: string;
  accessHolders: string[];
  useDeadline: string;
  retentionEnabled: boolean;
  retention: RetentionDraft;
  disposalMethod: DisposalMethod | '';
  disposalNote: string;
  retainedPersonalData: boolean;
  lastReview: string;
  nextReview: string;
  fileRegister: FileRegisterItems;
  numberAffairs: NumberAffair[];
  /** '' while no masking or deletion is recorded. */
  numberMasking: { method: NumberMaskingMethod | ''; note: string };
  notes: string;
};

/** The consent details as the form edits them: the age as typed, the yes/no choices with '' for "not stated". */
export type ConsentDetailsDraft = {
  minorsUpToAge: string;
  representativeConsent: string;
  voluntary: '' | 'yes' | 'no';
  ifNotGiven: string;
  automatedDecisions: '' | 'yes' | 'no';
  automatedDecisionsNote: string;
  statistics: string;
  statisticsPublished: boolean;
};

const choice = (v: boolean | null): '' | 'yes' | 'no' => (v === null ? '' : v ? 'yes' : 'no');
const fromChoice = (v: '' | 'yes' | 'no'): boolean | null => (v === '' ? null : v === 'yes');

function emptyConsentDetails(): ConsentDetailsDraft {
  return {
    minorsUpToAge: '',
    representativeConsent: '',
    voluntary: '',
    ifNotGiven: '',
    automatedDecisions: '',
    automatedDecisionsNote: '',
    statistics: '',
    statisticsPublished: false,
  };
}

export function emptyDataItem(): DataItem {
  return { id: null, name: '', sensitive: false, myNumber: false, purposes: [], sources: [] };
}

export function emptyDraft(): HoldingDraft {
  return {
    ledgerNo: '',
    name: '',
    department: '',
    businessProcess: '',
    manager: '',
    dutyBasis: '',
    dataItems: [emptyDataItem()],
    personsRecorded: '',
    approxCount: '',
    acquisitionMethod: 'directWritten',
    acquisitionSources: [],
    purposes: [''],
    purposeNotice: [],
    consent: 'notRequired',
    consentNote: '',
    consentDetails: emptyConsentDetails(),
    medium: 'electronic',
    storagePlace: '',
    storageMethod: '',
    accessHolders: [],
    useDeadline: '',
    retentionEnabled: false,
    retention: { years: '', months: '', trigger: 'acquisition', triggerNote: '', legalBasis: '' },
    disposalMethod: '',
    disposalNote: '',
    retainedPersonalData: false,
    lastReview: '',
    nextReview: '',
    fileRegister: { regularRecipients: [], exemption: '', withheldItems: [], specialProcedure: '' },
    numberAffairs: [],
    numberMasking: { method: '', note: '' },
    notes: '',
  };
}

export function draftFromHolding(h: Holding): HoldingDraft {
  return {
    ledgerNo: h.ledgerNo,
    name: h.name,
    department: h.department,
    businessProcess: h.businessProcess,
    manager: h.manager,
    dutyBasis: h.dutyBasis,
    dataItems: h.dataItems.map((item) => ({ ...item, purposes: [...item.purposes], sources: [...item.sources] })),
    personsRecorded: h.personsRecorded,
    approxCount: h.approxCount === null ? '' : h.approxCount.toLocaleString('en-US'),
    acquisitionMethod: h.acquisitionMethod,
    acquisitionSources: [...h.acquisitionSources],
    purposes: [...h.purposes],
    purposeNotice: [...h.purposeNotice],
    consent: h.consent,
    consentNote: h.consentNote,
    consentDetails: {
      minorsUpToAge: h.consentDetails.minorsUpToAge === null ? '' : String(h.consentDetails.minorsUpToAge),
      representativeConsent: h.consentDetails.representativeConsent,
      voluntary: choice(h.consentDetails.voluntary),
      ifNotGiven: h.consentDetails.ifNotGiven,
      automatedDecisions: choice(h.consentDetails.automatedDecisions),
      automatedDecisionsNote: h.consentDetails.automatedDecisionsNote,
      statistics: h.consentDetails.statistics,
      statisticsPublished: h.consentDetails.statisticsPublished,
    },
    medium: h.medium,
    storagePlace: h.storagePlace,
    storageMethod: h.storageMethod,
    accessHolders: [...h.accessHolders],
    useDeadline: h.useDeadline,
    retentionEnabled: h.retention !== null,
    retention: h.retention
      ? {
          years: String(h.retention.years),
          months: h.retention.months ? String(h.retention.months) : '',
          trigger: h.retention.trigger,
          triggerNote: h.retention.triggerNote,
          legalBasis: h.retention.legalBasis,
        }
      : emptyDraft().retention,
    disposalMethod: h.disposalMethod ?? '',
    disposalNote: h.disposalNote,
    retainedPersonalData: h.retainedPersonalData,
    lastReview: h.lastReview ?? '',
    nextReview: h.nextReview ?? '',
    fileRegister: {
      regularRecipients: [...h.fileRegister.regularRecipients],
      exemption: h.fileRegister.exemption,
      withheldItems: [...h.fileRegister.withheldItems],
      specialProcedure: h.fileRegister.specialProcedure,
    },
    numberAffairs: h.numberAffairs.map((a) => ({ ...a })),
    numberMasking: h.numberMasking ? { ...h.numberMasking } : { method: '', note: '' },
    notes: h.notes,
  };
}

/** Accepts 42000, 42,000 and full-width ４２０００; '' is null; anything else is NaN. */
export function parseCount(text: string): number | null {
  const normalised = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (normalised === '') return null;
  return /^\d+$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** The backend input, plus errors for numbers that could not be read. */
export function draftToInput(d: HoldingDraft): { input: HoldingInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const number = (field: string, text: string): number | null => {
    const value = parseCount(text);
    if (value !== null && Number.isNaN(value)) {
      errors.push(fieldError(field, 'malformed'));
      return null;
    }
    return value;
  };
  const approxCount = number('approxCount', d.approxCount);
  const minorsUpToAge = number('consentDetails.minorsUpToAge', d.consentDetails.minorsUpToAge);
  const years = number('retention.years', d.retention.years) ?? 0;
  const months = number('retention.months', d.retention.months) ?? 0;
  const input: HoldingInput = {
    ledgerNo: d.ledgerNo.trim(),
    name: d.name,
    department: d.department,
    businessProcess: d.businessProcess,
    manager: d.manager,
    dutyBasis: d.dutyBasis,
    dataItems: d.dataItems.map((item) => ({ ...item, purposes: [...item.purposes], sources: [...item.sources] })),
    personsRecorded: d.personsRecorded,
    approxCount,
    acquisitionMethod: d.acquisitionMethod,
    acquisitionSources: [...d.acquisitionSources],
    purposes: [...d.purposes],
    purposeNotice: [...d.purposeNotice],
    consent: d.consent,
    consentNote: d.consentNote,
    consentDetails: {
      minorsUpToAge,
      representativeConsent: d.consentDetails.representativeConsent,
      voluntary: fromChoice(d.consentDetails.voluntary),
      ifNotGiven: d.consentDetails.ifNotGiven,
      automatedDecisions: fromChoice(d.consentDetails.automatedDecisions),
      automatedDecisionsNote: d.consentDetails.automatedDecisionsNote,
      statistics: d.consentDetails.statistics,
      statisticsPublished: d.consentDetails.statisticsPublished,
    },
    medium: d.medium,
    storagePlace: d.storagePlace,
    storageMethod: d.storageMethod,
    accessHolders: [...d.accessHolders],
    useDeadline: d.useDeadline,
    retention: d.retentionEnabled
      ? {
          years,
          months,
          trigger: d.retention.trigger,
          triggerNote: d.retention.triggerNote,
          legalBasis: d.retention.legalBasis,
        }
      : null,
    disposalMethod: d.disposalMethod === '' ? null : d.disposalMethod,
    disposalNote: d.disposalNote,
    retainedPersonalData: d.retainedPersonalData,
    lastReview: d.lastReview || null,
    nextReview: d.nextReview || null,
    fileRegister: {
      regularRecipients: [...d.fileRegister.regularRecipients],
      exemption: d.fileRegister.exemption,
      withheldItems: [...d.fileRegister.withheldItems],
      specialProcedure: d.fileRegister.specialProcedure,
    },
    numberAffairs: d.numberAffairs.map((a) => ({ ...a })),
    numberMasking: d.numberMasking.method === '' ? null : { method: d.numberMasking.method, note: d.numberMasking.note },
    notes: d.notes,
  };
  return { input, errors };
}

const blank = (text: string): boolean => text.trim() === '';

/**
 * Instant feedback for the fields every holding needs. The backend validates everything
 * again and is authoritative; these use the same paths and codes.
 */
export function clientChecks(d: HoldingDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (blank(d.name)) errors.push(fieldError('name', 'required'));
  if (blank(d.department)) errors.push(fieldError('department', 'required'));
  if (d.dataItems.length === 0) errors.push(fieldError('dataItems', 'required'));
  d.dataItems.forEach((item, i) => {
    if (blank(item.name)) errors.push(fieldError(`dataItems[${i}].name`, 'required'));
  });
  if (d.purposes.length === 0) errors.push(fieldError('purposes', 'required'));
  d.purposes.forEach((purpose, i) => {
    if (blank(purpose)) errors.push(fieldError(`purposes[${i}]`, 'required'));
  });
  return errors;
}

export function hasSensitive(h: Pick<Holding, 'dataItems'>): boolean {
  return h.dataItems.some((item) => item.sensitive);
}

export function hasMyNumber(h: Pick<Holding, 'dataItems'>): boolean {
  return h.dataItems.some((item) => item.myNumber);
}

/** The annual review is overdue: never done, or done more than a year before `today`. */
export function reviewOverdue(lastReview: string | null, today: string = todayIso()): boolean {
  if (!lastReview) return true;
  const last = parseCivilDate(lastReview);
  const now = parseCivilDate(today);
  if (!last || !now) return true;
  const due = new Date(last.getTime());
  due.setUTCFullYear(due.getUTCFullYear() + 1);
  return now.getTime() > due.getTime();
}
