// Shared pieces of the management system screens (issue 17): the field labels used in error
// summaries, and empty drafts. No rule is restated here; the core checks every save.
import type { FieldError } from '../../bindings/FieldError';
import type { ErrorReport } from '../../bindings/ErrorReport';
import { isMessageKey, t } from '../../i18n/i18n.svelte';
import { errorMessage } from '../../lib/fields';
import { toErrorReport } from '../../api/commands';

/** The label of a field path such as `risks[0].measureIds` (`mgmt.field.measureIds`). */
export function fieldLabel(path: string): string {
  const last = path.replace(/\[\d+\]/g, '').split('.').pop() ?? path;
  const key = `mgmt.field.${last}`;
  return isMessageKey(key) ? t(key) : t('mgmt.field.other');
}

/** One line per field error, in the user's language, naming the field and its row. */
export function errorLines(report: ErrorReport): string[] {
  return report.fields.map((error: FieldError) => {
    const row = /\[(\d+)\]/.exec(error.field);
    const where = row ? t('mgmt.row', { n: Number(row[1]) + 1 }) : '';
    return `${fieldLabel(error.field)}${where}: ${errorMessage(error)}`;
  });
}

/** Runs a save; answers the error lines to show, or none when it succeeded. */
export async function attempt(save: () => Promise<unknown>): Promise<string[]> {
  try {
    await save();
    return [];
  } catch (error) {
    const report = toErrorReport(error);
    if (report.kind === 'validation') return errorLines(report);
    return [report.message];
  }
}

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

import type { LifeStage } from '../../bindings/LifeStage';
import type { RiskKind } from '../../bindings/RiskKind';
import type { RiskLevel } from '../../bindings/RiskLevel';
import type { FindingGrade } from '../../bindings/FindingGrade';
import type { ActionStatus } from '../../bindings/ActionStatus';

export const LIFE_STAGES: LifeStage[] = ['acquisition', 'use', 'storage', 'transfer', 'disposal'];
export const RISK_KINDS: RiskKind[] = ['leak', 'loss', 'damage', 'misuse', 'wrongPurpose'];
export const RISK_LEVELS: RiskLevel[] = ['low', 'medium', 'high'];
export const FINDING_GRADES: FindingGrade[] = ['nonconformity', 'observation', 'goodPractice'];

export const mgmtLabel = {
  stage: (v: LifeStage) => t(`mgmt.enum.stage.${v}`),
  risk: (v: RiskKind) => t(`mgmt.enum.risk.${v}`),
  level: (v: RiskLevel) => t(`mgmt.enum.level.${v}`),
  grade: (v: FindingGrade) => t(`mgmt.enum.grade.${v}`),
  status: (v: ActionStatus) => t(`mgmt.enum.status.${v}`),
};
