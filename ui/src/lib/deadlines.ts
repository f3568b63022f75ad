// Deadlines as requests, complaints and incidents show them: today's civil date, the
// explanation rendered from the core's structured steps, and the days left.
import type { ClosureReason } from '../bindings/ClosureReason';
import type { Deadline } from '../bindings/Deadline';
import type { DeadlineRule } from '../bindings/DeadlineRule';
import type { DeadlineStep } from '../bindings/DeadlineStep';
import type { Retention } from '../bindings/Retention';
import { formatDate, formatDateTime } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n.svelte';

/** Today as a civil date in the officer's time zone (the core counts in local dates too). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Days between two civil dates (`to` − `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---- the deadline explanation -------------------------------------------------------------

function rolledOverKey(reason: ClosureReason | undefined): MessageKey {
  switch (reason?.kind) {
    case 'holiday':
      return 'explain.rolledOver.holiday';
    case 'weekend':
      return 'explain.rolledOver.weekend';
    case 'recurringClosure':
    case 'closedDate':
      return 'explain.rolledOver.closure';
    default:
      return 'explain.rolledOver.closed';
  }
}

/** One step in the current language, e.g. 2026年4月1日の翌日から30日 / 30 days from the day after 1 Apr 2026. */
export function explainStep(step: DeadlineStep): string {
  switch (step.step) {
    case 'countDays': {
      const params = { days: step.days, event: formatDate(step.event) };
      if (step.start === 'dayAfterEvent') {
        return t(step.days === 1 ? 'explain.countDays.dayAfterOne' : 'explain.countDays.dayAfter', params);
      }
      return t(step.days === 1 ? 'explain.countDays.eventDayOne' : 'explain.countDays.eventDay', params);
    }
    case 'extendedByDays':
      return t('explain.extendedByDays', { days: step.days });
    case 'paused':
      return t(step.days === 1 ? 'explain.pausedOne' : 'explain.paused', {
        days: step.days,
        from: formatDate(step.from),
        to: formatDate(step.to),
      });
    case 'addMonths': {
      const text = t(step.months === 1 ? 'explain.addMonthsOne' : 'explain.addMonths', {
        months: step.months,
        from: formatDate(step.from),
      });
      return step.clamped ? text + t('explain.clamped') : text;
    }
    case 'extendedByMonths':
      return t('explain.extendedByMonths', { months: step.months });
    case 'addHours':
      return t('explain.addHours', { hours: step.hours, from: formatDateTime(step.from) });
    case 'rolledOver': {
      // Each day passed over is named, so the officer can check it against the closure
      // settings (a GDPR period skips weekends and the organisation's own closures only).
      const reason = t(rolledOverKey(step.closed[0]?.reasons[0]), { from: formatDate(step.from), to: formatDate(step.to) });
      const days = step.closed.map((day) => formatDate(day.date)).join(t('explain.separator'));
      return days ? reason + t('explain.rolledOver.skipped', { days }) : reason;
    }
    case 'targetWindow':
      return t('explain.targetWindow', {
        event: formatDate(step.event),
        opens: daysBetween(step.event, step.opens),
        closes: daysBetween(step.event, step.closes),
      });
    case 'actionPossibleFrom':
      return t('explain.actionPossibleFrom', { date: formatDate(step.date) });
    case 'fixedByOrgan':
      return t('explain.fixedByOrgan', { date: formatDate(step.date) });
  }
}

/** The whole explanation: steps joined, then the due date (or instant). */
export function explainDeadline(deadline: Deadline): string {
  const steps = deadline.explanation.map(explainStep).join(t('explain.separator'));
  const due = deadline.dueAt ? formatDateTime(deadline.dueAt) : formatDate(deadline.due);
  return steps ? t('explain.result', { steps, due }) : due;
}

// ---- the retention explanation ------------------------------------------------------------

function periodText(years: number, months: number): string {
  const y = t(years === 1 ? 'retention.yearsOne' : 'retention.years', { n: years });
  const m = t(months === 1 ? 'retention.monthsOne' : 'retention.months', { n: months });
  if (years > 0 && months > 0) return t('retention.yearsAndMonths', { years: y, months: m });
  return months > 0 ? m : y;
}

/** How a retention end was reached: the event not counted, the 起算日, the last day kept. */
export function explainRetention(retention: Retention): string {
  const text = t('retention.explain', {
    period: periodText(retention.years, retention.months),
    from: t(`retention.countedFrom.${retention.countedFrom}`),
    event: formatDate(retention.event),
    firstDay: formatDate(retention.firstDay),
    until: formatDate(retention.until),
    pastFrom: formatDate(retention.pastFrom),
  });
  return retention.monthEnd ? text + t('retention.monthEnd') : text;
}

const DEADLINE_NOTES: Partial<Record<DeadlineRule, MessageKey>> = {
  publicLargeVolumeNotice: 'deadline.note.publicLargeVolumeNotice',
  publicLargeVolumePart: 'deadline.note.publicLargeVolumePart',
  publicLargeVolumeRemainder: 'deadline.note.publicLargeVolumeRemainder',
};

/** What a deadline of the large-volume special track means, or null for other rules. */
export function deadlineNote(rule: DeadlineRule): string | null {
  const key = DEADLINE_NOTES[rule];
  return key ? t(key) : null;
}

/** あと3日 / 本日期限 / 2日超過. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return t('days.today');
  if (daysLeft > 0) return t(daysLeft === 1 ? 'days.leftOne' : 'days.left', { n: daysLeft });
  const n = -daysLeft;
  return t(n === 1 ? 'days.overOne' : 'days.over', { n });
}
