// Readable text for holding values as the change history reports them (JSON values keyed by
// HoldingInput field names).
import type { JsonValue } from '../bindings/serde_json/JsonValue';
import type { RetentionRule } from '../bindings/RetentionRule';
import {
  ACQUISITION_METHODS,
  CONSENTS,
  DISPOSAL_METHODS,
  MEDIUMS,
  PURPOSE_NOTICES,
  RETENTION_TRIGGERS,
  WITHHELD_ITEMS,
  isOneOf,
  label,
} from '../i18n/enums';
import { formatDate, formatNumber, joinList, retentionSummary } from '../i18n/format';
import { t } from '../i18n/i18n.svelte';
import { holdingFieldLabel } from './fields';

type JsonObject = { [key in string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  // A civil date anywhere in a record (a review, a step's day) is shown like every other date.
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return joinList(value.map((v) => text(v)));
  return JSON.stringify(value);
}

function dataItems(value: JsonValue[]): string {
  return joinList(
    value.map((item) => {
      if (!isObject(item)) return text(item);
      const marks: string[] = [];
      if (item.sensitive === true) marks.push(t('holdings.badge.sensitive'));
      if (item.myNumber === true) marks.push(t('holdings.badge.myNumber'));
      const name = text(item.name);
      return marks.length ? t('history.itemMarks', { name, marks: joinList(marks) }) : name;
    }),
  );
}

function retention(value: JsonObject): string {
  const trigger = value.trigger;
  const rule: RetentionRule = {
    years: typeof value.years === 'number' ? value.years : 0,
    months: typeof value.months === 'number' ? value.months : 0,
    trigger: isOneOf(RETENTION_TRIGGERS, trigger) ? trigger : 'other',
    triggerNote: typeof value.triggerNote === 'string' ? value.triggerNote : '',
    legalBasis: typeof value.legalBasis === 'string' ? value.legalBasis : '',
  };
  const summary = retentionSummary(rule);
  return rule.legalBasis ? t('retention.withBasis', { summary, basis: rule.legalBasis }) : summary;
}

function fileRegister(value: JsonObject): string {
  const parts: string[] = [];
  for (const [key, part] of Object.entries(value)) {
    if (part === null || part === '' || (Array.isArray(part) && part.length === 0)) continue;
    const shown =
      key === 'withheldItems' && Array.isArray(part)
        ? joinList(part.map((v) => (isOneOf(WITHHELD_ITEMS, v) ? label.withheldItem(v) : text(v))))
        : text(part);
    parts.push(t('field.path', { parent: holdingFieldLabel(`fileRegister.${key}`), child: shown }));
  }
  return parts.length ? parts.join(t('common.groupSeparator')) : t('common.none');
}

/** A history value as a reader would write it: enums translated, lists joined, dates formatted. */
export function presentValue(field: string, value: JsonValue | null): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('common.none');
  }
  switch (field) {
    case 'acquisitionMethod':
      return isOneOf(ACQUISITION_METHODS, value) ? label.acquisitionMethod(value) : text(value);
    case 'consent':
      return isOneOf(CONSENTS, value) ? label.consent(value) : text(value);
    case 'medium':
      return isOneOf(MEDIUMS, value) ? label.medium(value) : text(value);
    case 'disposalMethod':
      return isOneOf(DISPOSAL_METHODS, value) ? label.disposalMethod(value) : text(value);
    case 'purposeNotice':
      return Array.isArray(value)
        ? joinList(value.map((v) => (isOneOf(PURPOSE_NOTICES, v) ? label.purposeNotice(v) : text(v))))
        : text(value);
    case 'lastReview':
    case 'nextReview':
      return typeof value === 'string' ? formatDate(value) : text(value);
    case 'dataItems':
      return Array.isArray(value) ? dataItems(value) : text(value);
    case 'retention':
      return isObject(value) ? retention(value) : text(value);
    case 'fileRegister':
      return isObject(value) ? fileRegister(value) : text(value);
    default:
      return text(value);
  }
}

/** Keys of a list entry that say nothing to a reader (ids, bookkeeping times, who recorded it:
 * the history entry already names the actor). */
const SELF_PRESENTED = new Set(['editions']);

const ENTRY_BOOKKEEPING = new Set(['id', 'recordedAt', 'createdAt', 'updatedAt', 'actor', 'status']);

/** One entry of a changed list as a reader would write it: a text or a data item as the field
 * shows them; an entry of a record's own (a step of a timeline, a filing) by its dates and its
 * written texts. Codes (`identityConfirmed`) are left out rather than shown untranslated; the
 * section's `present` names what it can translate. */
export function presentEntry(
  field: string,
  value: JsonValue,
  present: (field: string, value: JsonValue | null) => string = presentValue,
): string {
  if (!isObject(value) || field === 'dataItems' || field === 'items') return present(field, [value]);
  // Entries whose section names them itself (a joint use's edition by its number).
  if (SELF_PRESENTED.has(field)) return present(field, value);
  const parts: string[] = [];
  for (const [key, part] of Object.entries(value)) {
    if (ENTRY_BOOKKEEPING.has(key) || part === null || part === '') continue;
    if (typeof part === 'string') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(part)) parts.push(formatDate(part));
      else if (!/^[a-z][A-Za-z0-9]*$/.test(part)) parts.push(part);
    } else if (typeof part === 'number') {
      parts.push(formatNumber(part));
    } else if (Array.isArray(part) && part.every((p) => typeof p === 'string')) {
      const texts = part.filter((p) => !/^[a-z][A-Za-z0-9]*$/.test(p));
      if (texts.length) parts.push(joinList(texts));
    }
  }
  return parts.length ? parts.join(t('common.groupSeparator')) : t('history.entry');
}
