import { describe, expect, it } from 'vitest';
import ja from './ja.json';
import en from './en.json';
import {
  ACQUISITION_METHODS,
  ANSWER_METHODS,
  AUDIT_ACTIONS,
  CONSENTS,
  DISPOSAL_METHODS,
  ENTITIES,
  ERROR_KINDS,
  FIELD_ERROR_CODES,
  HOLDING_FIELDS,
  LANGUAGE_CODES,
  MEDIUMS,
  ORGANISATION_FIELDS,
  PURPOSE_NOTICES,
  REGIMES,
  RETENTION_TRIGGERS,
  WITHHELD_ITEMS,
  REQUEST_TYPES,
  REQUEST_TRACKS,
  REQUEST_STATUSES,
  REQUEST_EVENT_KINDS,
  DECISION_OUTCOMES,
  REFUSAL_GROUNDS,
  PAUSE_REASONS,
  RECEIPT_CHANNELS,
  AGENT_KINDS,
  RESPONSE_METHODS,
  DEADLINE_STATES,
  DEADLINE_RULES,
  DEADLINE_KINDS,
  AGENDA_KINDS,
  REQUEST_FIELDS,
  COMPLAINT_FIELDS,
  PROVISION_DIRECTIONS,
  PROVISION_BASES,
  STATUTORY_EXCEPTIONS,
  PUBLIC_GROUNDS,
  SEEDS,
  RECORDING_METHODS,
  MEASURE_HEADINGS,
  DISPOSAL_MEDIA,
  FINDING_SECTIONS,
  FINDING_RULES,
  DOCUMENT_KINDS,
} from './enums';

const catalogues: Record<string, Record<string, string>> = { ja, en };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('have no empty values', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      for (const [key, value] of Object.entries(catalogue)) {
        expect(value.trim(), `${lang}: ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of Object.entries(ja)) {
      expect(placeholders((en as Record<string, string>)[key] ?? ''), key).toEqual(placeholders(value));
    }
  });

  const required: [string, readonly string[]][] = [
    ['enum.regime', REGIMES],
    ['enum.regimeHint', REGIMES],
    ['enum.acquisitionMethod', ACQUISITION_METHODS],
    ['enum.purposeNotice', PURPOSE_NOTICES],
    ['enum.consent', CONSENTS],
    ['enum.medium', MEDIUMS],
    ['enum.retentionTrigger', RETENTION_TRIGGERS],
    ['retentionFrom', RETENTION_TRIGGERS],
    ['enum.disposalMethod', DISPOSAL_METHODS],
    ['enum.withheldItem', WITHHELD_ITEMS],
    ['enum.auditAction', AUDIT_ACTIONS],
    ['enum.entity', ENTITIES],
    ['enum.answerMethod', ANSWER_METHODS],
    ['enum.errorKind', ERROR_KINDS],
    ['error.code', FIELD_ERROR_CODES],
    ['holding.field', HOLDING_FIELDS],
    ['org.field', ORGANISATION_FIELDS],
    ['lang', LANGUAGE_CODES],
    ['enum.requestType', REQUEST_TYPES],
    ['enum.documentKind', DOCUMENT_KINDS],
    ['enum.requestTrack', REQUEST_TRACKS],
    ['enum.requestStatus', REQUEST_STATUSES],
    ['enum.requestEventKind', REQUEST_EVENT_KINDS],
    ['enum.decisionOutcome', DECISION_OUTCOMES],
    ['enum.refusalGround', REFUSAL_GROUNDS],
    ['enum.pauseReason', PAUSE_REASONS],
    ['enum.receiptChannel', RECEIPT_CHANNELS],
    ['enum.agentKind', AGENT_KINDS],
    ['enum.responseMethod', RESPONSE_METHODS],
    ['enum.deadlineState', DEADLINE_STATES],
    ['enum.deadlineRule', DEADLINE_RULES],
    ['enum.deadlineKind', DEADLINE_KINDS],
    ['enum.agendaKind', AGENDA_KINDS],
    ['request.field', REQUEST_FIELDS],
    ['complaint.field', COMPLAINT_FIELDS],
    ['enum.provisionDirection', PROVISION_DIRECTIONS],
    ['enum.provisionBasis', PROVISION_BASES],
    ['enum.statutoryException', STATUTORY_EXCEPTIONS],
    ['enum.publicGround', PUBLIC_GROUNDS],
    ['enum.seed', SEEDS],
    ['enum.recordingMethod', RECORDING_METHODS],
    ['enum.measureHeading', MEASURE_HEADINGS],
    ['enum.disposalMedium', DISPOSAL_MEDIA],
    ['enum.findingSection', FINDING_SECTIONS],
    ['quality.rule', FINDING_RULES],
  ];

  it.each(required)('label every value of %s', (prefix, values) => {
    expect(values.length).toBeGreaterThan(0);
    for (const lang of Object.keys(catalogues)) {
      for (const value of values) {
        expect(catalogues[lang]?.[`${prefix}.${value}`], `${lang}: ${prefix}.${value}`).toBeTruthy();
      }
    }
  });

  it('give the limit to the codes that have one', () => {
    for (const code of ['tooLong', 'tooMany', 'outOfRange']) {
      expect(ja[`error.code.${code}` as keyof typeof ja]).toContain('{limit}');
      expect(en[`error.code.${code}` as keyof typeof en]).toContain('{limit}');
    }
  });
});
