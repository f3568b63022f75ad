import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../bindings/Deadline';
import type { DeadlineStep } from '../../bindings/DeadlineStep';
import type { Request } from '../../bindings/Request';
import { setLocale } from '../../i18n/i18n.svelte';
import { recordedRules as rulesFor } from '../../mock/testing';
import { availableActions } from './requests';
import { explainDeadline, explainRetention, explainStep } from '../../lib/deadlines';
import type { Retention } from '../../bindings/Retention';

const deadline = (explanation: DeadlineStep[], due: string): Deadline => ({
  rule: 'publicDecision',
  kind: 'statutory',
  due,
  dueAt: null,
  explanation,
  calendar: null,
});

const issueExample = deadline(
  [
    { step: 'countDays', days: 30, start: 'dayAfterEvent', event: '2026-04-01', dayOne: '2026-04-02', lastDay: '2026-05-04' },
    { step: 'paused', from: '2026-04-10', to: '2026-04-12', days: 3 },
    {
      step: 'rolledOver',
      from: '2026-05-04',
      to: '2026-05-07',
      closed: [
        { date: '2026-05-04', reasons: [{ kind: 'holiday', name: 'greeneryDay' }] },
        { date: '2026-05-05', reasons: [{ kind: 'holiday', name: 'childrensDay' }] },
        { date: '2026-05-06', reasons: [{ kind: 'holiday', name: 'substituteHoliday' }] },
      ],
    },
  ],
  '2026-05-07',
);

describe('the deadline explanation', () => {
  it('renders the issue’s example in Japanese', () => {
    setLocale('ja');
    expect(explainDeadline(issueExample)).toBe(
      '2026年4月1日の翌日から30日、3日間停止（2026年4月10日〜2026年4月12日）、期限日が休日のため翌開庁日（2026年5月4日、2026年5月5日、2026年5月6日を除く） → 2026年5月7日',
    );
  });

  it('renders the issue’s example in English', () => {
    setLocale('en');
    expect(explainDeadline(issueExample)).toBe(
      '30 days from the day after 1 April 2026, paused 3 days (10 April 2026 to 12 April 2026), ends on a holiday (skipping 4 May 2026, 5 May 2026, 6 May 2026) → 7 May 2026',
    );
  });

  const cases: [DeadlineStep, string, string][] = [
    [
      { step: 'countDays', days: 1, start: 'eventDay', event: '2026-04-01', dayOne: '2026-04-01', lastDay: '2026-04-01' },
      '2026年4月1日を1日目として1日',
      '1 day counting 1 April 2026 as day 1',
    ],
    [
      { step: 'countDays', days: 30, start: 'eventDay', event: '2026-04-01', dayOne: '2026-04-01', lastDay: '2026-04-30' },
      '2026年4月1日を1日目として30日',
      '30 days counting 1 April 2026 as day 1',
    ],
    [{ step: 'extendedByDays', days: 30 }, 'うち延長30日', 'including a 30-day extension'],
    [
      { step: 'paused', from: '2026-04-10', to: '2026-04-10', days: 1 },
      '1日間停止（2026年4月10日〜2026年4月10日）',
      'paused 1 day (10 April 2026 to 10 April 2026)',
    ],
    [
      { step: 'addMonths', months: 1, from: '2026-01-31', to: '2026-02-28', clamped: true },
      '2026年1月31日から1か月（応当日がないため月末日）',
      '1 month from 31 January 2026 (no such date: the month’s last day)',
    ],
    [
      { step: 'addMonths', months: 3, from: '2026-04-15', to: '2026-07-15', clamped: false },
      '2026年4月15日から3か月',
      '3 months from 15 April 2026',
    ],
    [{ step: 'extendedByMonths', months: 2 }, 'うち延長2か月（受付日から通算）', 'including a 2-month extension, counted from receipt'],
    [
      {
        step: 'rolledOver',
        from: '2026-04-18',
        to: '2026-04-20',
        closed: [
          { date: '2026-04-18', reasons: [{ kind: 'weekend' }] },
          { date: '2026-04-19', reasons: [{ kind: 'weekend' }] },
        ],
      },
      '期限日が土曜日・日曜日のため翌開庁日（2026年4月18日、2026年4月19日を除く）',
      'ends on a weekend (skipping 18 April 2026, 19 April 2026)',
    ],
    [
      {
        step: 'rolledOver',
        from: '2026-12-30',
        to: '2027-01-04',
        closed: [{ date: '2026-12-30', reasons: [{ kind: 'recurringClosure', range: { from: { month: 12, day: 29 }, to: { month: 1, day: 3 } } }] }],
      },
      '期限日が閉庁日のため翌開庁日（2026年12月30日を除く）',
      'ends on a closure day (skipping 30 December 2026)',
    ],
    [
      { step: 'rolledOver', from: '2026-06-01', to: '2026-06-02', closed: [{ date: '2026-06-01', reasons: [{ kind: 'closedDate' }] }] },
      '期限日が閉庁日のため翌開庁日（2026年6月1日を除く）',
      'ends on a closure day (skipping 1 June 2026)',
    ],
    [
      { step: 'targetWindow', event: '2026-04-01', opens: '2026-04-04', closes: '2026-04-06' },
      '2026年4月1日から3〜5日後を目安',
      'target 3 to 5 days after 1 April 2026',
    ],
    [{ step: 'actionPossibleFrom', date: '2026-04-16' }, '2026年4月16日から訴えの提起が可能', 'a suit is possible from 16 April 2026'],
    [{ step: 'fixedByOrgan', date: '2026-09-30' }, '2026年9月30日（行政機関等が指定）', 'fixed by the organ as 30 September 2026'],
  ];

  it.each(cases)('renders %o in both languages', (step, ja, en) => {
    setLocale('ja');
    expect(explainStep(step)).toBe(ja);
    setLocale('en');
    expect(explainStep(step)).toBe(en);
  });

  it('renders hours from an instant', () => {
    setLocale('en');
    const text = explainStep({
      step: 'addHours',
      hours: 72,
      from: '2026-04-01T09:00:00+09:00',
      to: '2026-04-04T09:00:00+09:00',
    });
    expect(text).toMatch(/^72 hours from 1 April 2026/);
    setLocale('ja');
    expect(
      explainStep({ step: 'addHours', hours: 72, from: '2026-04-01T09:00:00+09:00', to: '2026-04-04T09:00:00+09:00' }),
    ).toMatch(/^2026\/04\/01 \d{2}:\d{2}から72時間$/);
  });
});

function request(status: Request['status'], extra: Partial<Request> = {}): Request {
  return {
    id: 1,
    track: 'localGovernment',
    status,
    identity: null,
    pauses: [],
    extension: null,
    largeVolume: null,
    decision: null,
    notification: null,
    closedOn: null,
    timeline: [],
    version: 1,
    createdAt: '',
    updatedAt: '',
    reference: 'R-0001',
    requestType: 'disclosure',
    receivedOn: '2026-04-01',
    channel: 'counter',
    requesterName: '山田 太郎',
    requesterContact: '',
    agent: 'none',
    agentName: '',
    description: '',
    holdingIds: [],
    requestedMethod: null,
    feeYen: null,
    notes: '',
    ...extra,
  };
}

describe('the steps offered for a status', () => {
  const publicRules = rulesFor('localGovernment', 'disclosure');
  const privateRules = rulesFor('privateOperator', 'disclosure');
  const openPause = { id: 9, from: '2026-04-02', to: null, reason: 'identityDocuments' as const, note: '' };

  it.each([
    ['received', ['startIdentityCheck', 'confirmIdentity', 'addPause', 'extend', 'largeVolume', 'withdraw']],
    ['identityCheck', ['confirmIdentity', 'addPause', 'extend', 'largeVolume', 'withdraw']],
    ['underReview', ['decide', 'addPause', 'extend', 'largeVolume', 'withdraw']],
    ['decided', ['notify', 'withdraw']],
    ['notified', ['close']],
    ['closed', []],
    ['withdrawn', []],
  ] as const)('%s (public body)', (status, expected) => {
    expect(availableActions(request(status), publicRules)).toEqual(expected);
  });

  it('offers no extension to a private operator', () => {
    expect(availableActions(request('underReview', { track: 'privateOperator' }), privateRules)).toEqual([
      'decide',
      'addPause',
      'withdraw',
    ]);
  });

  it('offers to end an open pause instead of adding one, and to remove an extension', () => {
    const r = request('identityCheck', {
      pauses: [openPause],
      extension: { reason: '大量の文書の精査', notifiedOn: '2026-04-20' },
    });
    expect(availableActions(r, publicRules)).toEqual(['confirmIdentity', 'endPause', 'removeExtension', 'withdraw']);
  });

  it('offers the large-volume track only to a public body’s disclosure request, never beside an extension', () => {
    const correction = request('underReview', { requestType: 'correction' });
    expect(availableActions(correction, rulesFor('localGovernment', 'correction'))).toEqual(['decide', 'addPause', 'extend', 'withdraw']);
    const tracked = request('underReview', {
      largeVolume: { reason: '大量', notifiedOn: '2026-04-20', remainderBy: '2026-09-30' },
    });
    expect(availableActions(tracked, publicRules)).toEqual(['decide', 'addPause', 'removeLargeVolume', 'withdraw']);
  });
});

describe('the retention explanation', () => {
  // The PPC FAQ's example: a record made on 1 February 2023 is kept until 1 February 2026.
  const faq: Retention = {
    countedFrom: 'recordMade',
    event: '2023-02-01',
    firstDay: '2023-02-02',
    years: 3,
    months: 0,
    until: '2026-02-01',
    monthEnd: false,
    pastFrom: '2026-02-02',
  };
  const proviso: Retention = {
    countedFrom: 'acquisition',
    event: '2025-08-30',
    firstDay: '2025-08-31',
    years: 1,
    months: 6,
    until: '2027-02-28',
    monthEnd: true,
    pastFrom: '2027-03-01',
  };

  it('says what the period is counted from and when it ends, in Japanese', () => {
    setLocale('ja');
    expect(explainRetention(faq)).toBe(
      '記録の作成日（2023年2月1日）の翌日2023年2月2日から起算して3年、2026年2月1日の終了まで保存（民法140条・143条）。2026年2月2日から保存期間経過',
    );
    expect(explainRetention(proviso)).toContain('1年6か月');
    expect(explainRetention(proviso)).toContain('民法143条2項ただし書');
  });

  it('says the same in English', () => {
    setLocale('en');
    expect(explainRetention(faq)).toBe(
      '3 years counted from the day after the day the record was made (1 February 2023), that is from 2 February 2023; kept to the end of 1 February 2026 (Civil Code arts. 140, 143); past retention from 2 February 2026',
    );
    expect(explainRetention(proviso)).toContain('1 year and 6 months');
    expect(explainRetention(proviso)).toContain('art. 143(2) proviso');
  });
});
