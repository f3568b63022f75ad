// How a field of a section record reads on a detail page or in a list cell.
import type { Holding } from '../../bindings/Holding';
import { formatDate, joinList } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import { SECTIONS, type ProvisionRow, type SectionKind, type StoredRecord } from './sections';

export function displayValue(
  kind: SectionKind,
  path: string,
  record: Record<string, unknown>,
  holdings: Holding[],
  /** The records a `recipient` or `matter` field points at. */
  linked: StoredRecord[] = [],
): string {
  const value = record[path];
  const spec = SECTIONS[kind].fields.find((f) => f.path === path);
  const holdingName = (id: unknown) => {
    const h = holdings.find((x) => x.id === id);
    return h ? `${h.ledgerNo} ${h.name}` : `#${String(id)}`;
  };
  if (value === null || value === undefined || value === '') return t('common.none');
  if (spec?.control.type === 'provisions' && Array.isArray(value)) {
    if (!value.length) return t('common.none');
    return (value as ProvisionRow[])
      .map((p) =>
        t('anonymised.provisionLine', {
          recipient: p.recipient,
          providedOn: formatDate(p.providedOn),
          publishedOn: formatDate(p.publishedOn),
          method: p.method,
          stated: p.statedToRecipient ? t('anonymised.stated') : t('anonymised.notStated'),
        }),
      )
      .join('\n');
  }
  if (Array.isArray(value)) {
    if (!value.length) return t('common.none');
    if (path === 'holdingIds') return joinList(value.map(holdingName));
    return joinList(value.map(String));
  }
  const control = spec?.control;
  switch (control?.type) {
    case 'checkbox':
      return value ? t('common.yes') : t('common.no');
    case 'date':
    case 'optionalDate':
      return formatDate(String(value));
    case 'select':
      return control.labelOf(String(value));
    case 'holding':
      return holdingName(value);
    case 'recipient': {
      const r = linked.find((x) => x.id === value);
      return r ? String(r.name) : `#${String(value)}`;
    }
    case 'matter': {
      const m = linked.find((x) => x.id === value);
      return m ? String(m.title) : `#${String(value)}`;
    }
    default:
      return String(value);
  }
}
