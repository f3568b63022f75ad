// Breach incidents on the UI side: the awareness instant split into what the form edits, the
// intake draft and its conversion, and the triage facts rendered in the current language.
import type { FieldError } from '../../bindings/FieldError';
import type { Incident } from '../../bindings/Incident';
import type { IncidentEventKind } from '../../bindings/IncidentEventKind';
import type { JsonValue } from '../../bindings/serde_json/JsonValue';
import type { IncidentInput } from '../../bindings/IncidentInput';
import type { TriageFact } from '../../bindings/TriageFact';
import {
  FILING_LAWS,
  FILING_PHASES,
  INCIDENT_CERTAINTIES,
  INCIDENT_NATURES,
  NOTICE_METHODS,
  PERPETRATORS,
  REGIMES,
  SECONDARY_DAMAGES,
  incidentLabel,
  isOneOf,
  label,
} from '../../i18n/enums';
import { formatDate, formatNumber, joinList } from '../../i18n/format';
import { isMessageKey, t } from '../../i18n/i18n.svelte';
import { fieldError } from '../../lib/fields';
import { presentValue } from '../../lib/present';
import { todayIso } from '../../lib/deadlines';

/** The organisation's offset unless the officer says otherwise: Asia/Tokyo has no DST. */
export const DEFAULT_OFFSET = '+09:00';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `2026-11-21T10:15:00+09:00` → date, time and offset as entered. */
export function splitInstant(value: string): { date: string; time: string; offset: string } {
  const m = INSTANT.exec(value);
  if (!m) return { date: '', time: '', offset: DEFAULT_OFFSET };
  return { date: m[1] ?? '', time: m[2] ?? '', offset: m[3] === 'Z' ? '+00:00' : (m[3] ?? DEFAULT_OFFSET) };
}

export function joinInstant(date: string, time: string, offset: string): string {
  return `${date}T${time}:00${offset}`;
}

/** The instant as the organisation's clock showed it: 2026年11月21日 10:15（UTC+09:00）. */
export function formatInstant(value: string): string {
  const { date, time, offset } = splitInstant(value);
  if (!date) return value;
  return t('incident.instant', { date: formatDate(date), time, offset });
}

/** The form's state: counts as typed, so that 全角 digits and blanks are accepted. */
export type IncidentDraft = Omit<IncidentInput, 'awareAt' | 'persons' | 'myNumberPersons' | 'occurredOn' | 'entrusteeNotifiedOn'> & {
  awareDate: string;
  awareTime: string;
  awareOffset: string;
  occurredOn: string;
  entrusteeNotifiedOn: string;
  persons: string;
  myNumberPersons: string;
};

export function emptyIncidentDraft(today: string = todayIso(), now: Date = new Date()): IncidentDraft {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    reference: '',
    title: '',
    awareDate: today,
    awareTime: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
    awareOffset: DEFAULT_OFFSET,
    awareDepartment: '',
    occurredOn: '',
    nature: ['leakage'],
    certainty: 'actual',
    summary: '',
    holdingIds: [],
    items: [],
    persons: '',
    myNumberPersons: '0',
    cause: '',
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
    perpetrator: 'unknown',
    entrustedParty: '',
    entrusteeId: null,
    entrusteeNotifiedOn: '',
    responsesToPersons: '',
    publicAnnouncement: '',
    prevention: '',
    other: '',
  };
}

export function incidentDraftFrom(incident: Incident): IncidentDraft {
  const aware = splitInstant(incident.awareAt);
  return {
    ...emptyIncidentDraft(),
    reference: incident.reference,
    title: incident.title,
    awareDate: aware.date,
    awareTime: aware.time,
    awareOffset: aware.offset,
    awareDepartment: incident.awareDepartment,
    occurredOn: incident.occurredOn ?? '',
    nature: [...incident.nature],
    certainty: incident.certainty,
    summary: incident.summary,
    holdingIds: [...incident.holdingIds],
    items: incident.items.map((i) => ({ ...i })),
    persons: String(incident.persons),
    myNumberPersons: String(incident.myNumberPersons),
    cause: incident.cause,
    secondaryDamage: incident.secondaryDamage,
    secondaryDamageDetail: incident.secondaryDamageDetail,
    strongEncryption: incident.strongEncryption,
    encryptionDetail: incident.encryptionDetail,
    financialDamageRisk: incident.financialDamageRisk,
    wrongfulPurpose: incident.wrongfulPurpose,
    dataBeingAcquired: incident.dataBeingAcquired,
    myNumberSystem: incident.myNumberSystem,
    publiclyExposed: incident.publiclyExposed,
    gdprRiskUnlikely: incident.gdprRiskUnlikely,
    gdprRiskReason: incident.gdprRiskReason,
    perpetrator: incident.perpetrator,
    entrustedParty: incident.entrustedParty,
    entrusteeId: incident.entrusteeId,
    entrusteeNotifiedOn: incident.entrusteeNotifiedOn ?? '',
    responsesToPersons: incident.responsesToPersons,
    publicAnnouncement: incident.publicAnnouncement,
    prevention: incident.prevention,
    other: incident.other,
  };
}

/** 全角 digits and separators accepted; blank and anything else is an error. */
export function parseCount(text: string): number | null {
  const value = text.normalize('NFKC').replace(/[,\s人名]/g, '');
  return /^\d+$/.test(value) ? Number(value) : null;
}

const OFFSET = /^[+-](0\d|1[0-4]):[0-5]\d$/;

export function incidentDraftToInput(draft: IncidentDraft): { input: IncidentInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const persons = parseCount(draft.persons);
  const myNumberPersons = parseCount(draft.myNumberPersons || '0');
  if (persons === null) errors.push(fieldError('persons', draft.persons.trim() ? 'malformed' : 'required'));
  if (myNumberPersons === null) errors.push(fieldError('myNumberPersons', 'malformed'));
  const offset = draft.awareOffset.normalize('NFKC').trim();
  if (!draft.awareDate || !draft.awareTime || !OFFSET.test(offset)) {
    errors.push(fieldError('awareAt', draft.awareDate && draft.awareTime ? 'malformed' : 'required'));
  }
  const { awareDate, awareTime, awareOffset: _offset, ...rest } = draft;
  const input: IncidentInput = {
    ...rest,
    awareAt: joinInstant(awareDate, awareTime, offset),
    occurredOn: draft.occurredOn || null,
    entrusteeNotifiedOn: draft.perpetrator === 'subcontractor' ? draft.entrusteeNotifiedOn || null : null,
    // A linked tier names the party in the core; a name typed before choosing the tier would
    // only be overwritten there.
    entrustedParty: draft.perpetrator === 'subcontractor' && draft.entrusteeId === null ? draft.entrustedParty : '',
    entrusteeId: draft.perpetrator === 'subcontractor' ? draft.entrusteeId : null,
    encryptionDetail: draft.strongEncryption ? draft.encryptionDetail : '',
    gdprRiskReason: draft.gdprRiskUnlikely ? draft.gdprRiskReason : '',
    holdingIds: [...draft.holdingIds],
    // Ticking an item sensitive is the later answer to the sensitive-data question: it
    // replaces an earlier "no" rather than contradicting it.
    items: draft.items.map((i) => ({ ...i, notSensitiveConfirmed: i.notSensitiveConfirmed && !i.sensitive && !i.ordinanceSensitive })),
    nature: [...draft.nature],
    persons: persons ?? 0,
    myNumberPersons: myNumberPersons ?? 0,
  };
  return { input, errors };
}

/** Instant feedback for what the core certainly refuses. */
export function incidentClientChecks(draft: IncidentDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.title.trim()) errors.push(fieldError('title', 'required'));
  if (!draft.awareDepartment.trim()) errors.push(fieldError('awareDepartment', 'required'));
  if (draft.nature.length === 0) errors.push(fieldError('nature', 'required'));
  if (draft.strongEncryption && !draft.encryptionDetail.trim()) errors.push(fieldError('encryptionDetail', 'needsNote'));
  if (draft.gdprRiskUnlikely && !draft.gdprRiskReason.trim()) errors.push(fieldError('gdprRiskReason', 'needsNote'));
  if (draft.perpetrator === 'subcontractor' && draft.entrusteeId === null && !draft.entrustedParty.trim()) {
    errors.push(fieldError('entrustedParty', 'required'));
  }
  draft.items.forEach((item, i) => {
    if (!item.name.trim()) errors.push(fieldError(`items[${i}].name`, 'required'));
  });
  return errors;
}

/** `items[2].name` → 漏えい等した項目（3件目）; `filing.authority` → 報告先. */
export function incidentPathLabel(path: string): string {
  const bare = path.replace(/\[(\d+)\]/g, '');
  const index = /\[(\d+)\]/.exec(path);
  const key = `incident.field.${bare}`;
  let text: string;
  if (isMessageKey(key)) text = t(key);
  else {
    const top = `incident.field.${bare.split('.')[0] ?? bare}`;
    text = isMessageKey(top) ? t(top) : path;
  }
  return index ? t('field.indexed', { label: text, n: Number(index[1]) + 1 }) : text;
}

const yesNo = (value: boolean) => t(value ? 'incident.fact.yes' : 'incident.fact.no');

/** One fact a rule was decided on, e.g. 本人の数：1,200人（1,000人を超えると該当）. */
export function explainFact(fact: TriageFact): string {
  switch (fact.fact) {
    case 'sensitiveItems':
      return fact.items.length
        ? t('incident.fact.sensitiveItems', { items: joinList(fact.items) })
        : t('incident.fact.noSensitiveItems');
    case 'ordinanceSensitiveItems':
      return fact.items.length
        ? t('incident.fact.ordinanceSensitiveItems', { items: joinList(fact.items) })
        : t('incident.fact.noOrdinanceSensitiveItems');
    case 'financialDamageRisk':
      return t('incident.fact.financialDamageRisk', { value: yesNo(fact.recorded) });
    case 'wrongfulPurpose':
      return t('incident.fact.wrongfulPurpose', { value: yesNo(fact.recorded) });
    case 'dataBeingAcquired':
      return t('incident.fact.dataBeingAcquired', { value: yesNo(fact.recorded) });
    case 'persons':
      return t('incident.fact.persons', { persons: formatNumber(fact.persons), threshold: formatNumber(fact.threshold) });
    case 'myNumberPersons':
      return t('incident.fact.myNumberPersons', { persons: formatNumber(fact.persons), threshold: formatNumber(fact.threshold) });
    case 'myNumberSystem':
      return t('incident.fact.myNumberSystem', { value: yesNo(fact.recorded) });
    case 'publiclyExposed':
      return t('incident.fact.publiclyExposed', { value: yesNo(fact.recorded) });
    case 'gdprRisk':
      return fact.unlikely ? t('incident.fact.gdprRiskUnlikely', { reason: fact.reason }) : t('incident.fact.gdprRiskNotRuledOut');
    case 'strongEncryption':
      return t('incident.fact.strongEncryption', { detail: fact.detail });
  }
}

/** A timeline note in the current language. The core writes a filing's note as
 * `phase · law · authority · reference` and a notice's as `method · persons`, in codes. */
export function timelineNote(kind: IncidentEventKind, note: string): string {
  const parts = note.split(' · ');
  if (kind === 'filed') {
    const [phase, law, ...rest] = parts;
    if (isOneOf(FILING_PHASES, phase) && isOneOf(FILING_LAWS, law)) {
      return [incidentLabel.filingPhase(phase), incidentLabel.filingLaw(law), ...rest].join(t('common.groupSeparator'));
    }
  }
  if (kind === 'personsNotified') {
    const [method, persons] = parts;
    if (isOneOf(NOTICE_METHODS, method) && persons !== undefined && /^\d+$/.test(persons)) {
      return t('incident.noticeNote', { method: incidentLabel.noticeMethod(method), n: formatNumber(Number(persons)) });
    }
  }
  if (kind === 'updated') return parts.length && note ? note.split(', ').map(incidentPathLabel).join(t('common.listSeparator')) : note;
  return note;
}

/** An incident's changed value in its history, as a reader would write it. */
export function presentIncidentValue(field: string, value: JsonValue | null): string {
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string') {
    if (field === 'awareAt') return formatInstant(value);
    if (/On$/.test(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (field === 'certainty' && isOneOf(INCIDENT_CERTAINTIES, value)) return incidentLabel.certainty(value);
    if (field === 'secondaryDamage' && isOneOf(SECONDARY_DAMAGES, value)) return incidentLabel.secondaryDamage(value);
    if (field === 'perpetrator' && isOneOf(PERPETRATORS, value)) return incidentLabel.perpetrator(value);
    if (field === 'regime' && isOneOf(REGIMES, value)) return label.regime(value);
  }
  if (Array.isArray(value)) {
    if (field === 'nature') return joinList(value.map((v) => (isOneOf(INCIDENT_NATURES, v) ? incidentLabel.nature(v) : String(v))));
    if (field === 'items') {
      return joinList(value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) && typeof v.name === 'string' ? v.name : '')));
    }
    if (value.length && value.every((v) => v !== null && typeof v === 'object')) return t('incident.history.entries', { n: value.length });
  }
  return presentValue(field, value);
}
