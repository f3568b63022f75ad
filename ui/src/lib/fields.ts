// Field paths as the backend reports them (`dataItems[2].name`, `retention.years`) and the
// element ids, test ids and translated labels derived from them.
import type { FieldError } from '../bindings/FieldError';
import { isMessageKey, t } from '../i18n/i18n.svelte';
import { label } from '../i18n/enums';

/** `dataItems[2].name` → `dataItems-2-name`; used in ids and `data-testid`s. */
export function fieldSlug(path: string): string {
  return path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

export function fieldId(path: string): string {
  return `f-${fieldSlug(path)}`;
}

export function errorId(path: string): string {
  return `e-${fieldSlug(path)}`;
}

type Segment = { name: string; index: number | null };

function segments(path: string): Segment[] {
  return path.split('.').map((part) => {
    const match = /^([^[]+)(?:\[(\d+)\])?$/.exec(part);
    if (!match) return { name: part, index: null };
    return { name: match[1] ?? part, index: match[2] === undefined ? null : Number(match[2]) };
  });
}

/** A translated label for a field path, e.g. 個人情報の項目（3件目）：項目名. */
export function fieldLabel(prefix: 'holding.field' | 'org.field', path: string): string {
  let result = '';
  const names: string[] = [];
  for (const segment of segments(path)) {
    names.push(segment.name);
    const key = `${prefix}.${names.join('.')}`;
    let part = isMessageKey(key) ? t(key) : segment.name;
    if (segment.index !== null) part = t('field.indexed', { label: part, n: segment.index + 1 });
    result = result ? t('field.path', { parent: result, child: part }) : part;
  }
  return result;
}

export const holdingFieldLabel = (path: string): string => fieldLabel('holding.field', path);

/** The label of the field itself, without its parents: 年数 rather than 保管期限：年数. */
export function holdingOwnLabel(path: string): string {
  const key = `holding.field.${path.replace(/\[\d+\]/g, '')}`;
  return isMessageKey(key) ? t(key) : holdingFieldLabel(path);
}
export const orgFieldLabel = (path: string): string => fieldLabel('org.field', path);

/** `holdingIds[2]` → 対象となる個人情報（3件目）; `decision.decidedOn` → 決定日. */
export function pathLabel(prefix: 'request.field' | 'complaint.field' | 'step.field' | 'deadlineSettings.field' | 'requestProcedure.field', path: string): string {
  const bare = path.replace(/\[(\d+)\]/g, '');
  const index = /\[(\d+)\]/.exec(path);
  const key = `${prefix}.${bare}`;
  let text: string;
  if (isMessageKey(key)) text = t(key);
  else {
    const top = `${prefix}.${bare.split('.')[0] ?? bare}`;
    text = isMessageKey(top) ? t(top) : path;
  }
  return index ? t('field.indexed', { label: text, n: Number(index[1]) + 1 }) : text;
}

// Where the label of a field another one is compared with is looked up, in order: the core
// names it by its path in the same input (`receivedOn`, `identity.checkedOn`).
const OTHER_LABEL_PREFIXES = [
  'step.field',
  'request.field',
  'complaint.field',
  'incident.field',
  'holding.field',
  'objection.field',
  'provision.field',
  'anonymised.field',
  'disposal.field',
  'jointUse.field',
  'subcontractor.field',
  'transfer.field',
] as const;

/** The label of the field an error compares with (決定日, 受付日), or null if none is known:
 * a raw path is never shown. */
export function otherFieldLabel(path: string): string | null {
  const bare = path.replace(/\[\d+\]/g, '');
  for (const prefix of OTHER_LABEL_PREFIXES) {
    const key = `${prefix}.${bare}`;
    if (isMessageKey(key)) return t(key);
  }
  return null;
}

/** The translated message for an error code (never the backend's English text). A rule
 * with its own wording has an `error.specific.<field>.<code>` key (list indices dropped); a
 * date out of order names the date it is compared with (`other`). */
export function errorMessage(error: FieldError): string {
  const specific = `error.specific.${error.field.replace(/\[\d+\]/g, '')}.${error.code}`;
  // A rule comparing with something that is not a field (a computed deadline) has wording
  // for that pair: error.specific.<field>.dateOrder.<other>.
  if (error.other) {
    const pair = `${specific}.${error.other.replace(/\[\d+\]/g, '')}`;
    if (isMessageKey(pair)) return t(pair);
  }
  if (isMessageKey(specific)) return t(specific);
  if (error.code === 'outOfRange' && error.limit === null) return t('error.code.notAllowed');
  const other = error.other ? otherFieldLabel(error.other) : null;
  if (error.code === 'dateOrder' && other) return t('error.code.dateOrderOther', { other });
  return label.errorCode(error.code, error.limit);
}

/** First error per path, for inline display. */
export function errorsByPath(errors: readonly FieldError[]): Map<string, FieldError> {
  const map = new Map<string, FieldError>();
  for (const error of errors) if (!map.has(error.field)) map.set(error.field, error);
  return map;
}

export function fieldError(field: string, code: FieldError['code'], limit: number | null = null): FieldError {
  return { field, code, limit, other: null, message: '' };
}

/** Focuses (and scrolls to) the first invalid field inside `root`, or `fallback`. */
export function focusFirstInvalid(root: HTMLElement | null, fallback?: HTMLElement | null): void {
  const first = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = first ?? fallback ?? null;
  if (!target) return;
  target.scrollIntoView?.({ block: 'center' });
  target.focus({ preventScroll: true });
}

/** Attributes a form control receives from its `Field` wrapper. */
export type ControlAttrs = {
  id: string;
  'data-testid': string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
  'aria-required': 'true' | undefined;
};
