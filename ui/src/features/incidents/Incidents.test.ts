import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../bindings/Incident';
import { app } from '../../lib/app.svelte';
import { setLocale } from '../../i18n/i18n.svelte';
import { emptyIncidentDraft, incidentClientChecks, incidentDraftToInput, joinInstant, parseCount, splitInstant, timelineNote, presentIncidentValue } from './incidents';
import type { IncidentView } from '../../bindings/IncidentView';
import type { SubcontractorNode } from '../../bindings/SubcontractorNode';
import { RECORDED_TODAY, useBackend } from '../../mock/testing';
import IncidentDetail from './IncidentDetail.svelte';
import IncidentForm from './IncidentForm.svelte';
import IncidentsList from './IncidentsList.svelte';
import SubcontractorDetail from '../sharing/SubcontractorDetail.svelte';

describe('incident drafts', () => {
  it('keeps the awareness instant with its offset', () => {
    expect(splitInstant('2026-11-21T10:15:00+09:00')).toEqual({ date: '2026-11-21', time: '10:15', offset: '+09:00' });
    expect(splitInstant('2026-03-27T10:00:00Z').offset).toBe('+00:00');
    expect(joinInstant('2026-11-21', '10:15', '+01:00')).toBe('2026-11-21T10:15:00+01:00');
  });

  it('reads counts typed with 全角 digits and separators, and refuses the rest', () => {
    expect(parseCount('１，２００人')).toBe(1200);
    expect(parseCount('')).toBeNull();
    expect(parseCount('約100')).toBeNull();
    const draft = { ...emptyIncidentDraft('2026-11-21'), persons: 'たくさん', awareOffset: '+9' };
    const { errors } = incidentDraftToInput(draft);
    expect(errors.map((e) => e.field).sort()).toEqual(['awareAt', 'persons']);
  });

  it('drops the details a cleared checkbox made irrelevant', () => {
    const draft = {
      ...emptyIncidentDraft('2026-11-21'),
      persons: '3',
      encryptionDetail: 'AES',
      entrustedParty: '株式会社A',
      entrusteeNotifiedOn: '2026-11-20',
    };
    const { input, errors } = incidentDraftToInput(draft);
    expect(errors).toEqual([]);
    expect([input.encryptionDetail, input.entrustedParty, input.entrusteeNotifiedOn]).toEqual(['', '', null]);
  });

  it('sends the linked tier, not a typed name, and needs one or the other', () => {
    const base = { ...emptyIncidentDraft('2026-11-21'), title: 'x', awareDepartment: 'y', persons: '3', perpetrator: 'subcontractor' as const };
    expect(incidentClientChecks(base).map((e) => e.field)).toEqual(['entrustedParty']);
    const linked = { ...base, entrusteeId: 7, entrustedParty: '打ちかけの名前' };
    expect(incidentClientChecks(linked)).toEqual([]);
    const { input } = incidentDraftToInput(linked);
    expect([input.entrusteeId, input.entrustedParty]).toEqual([7, '']);
    const insider = incidentDraftToInput({ ...linked, perpetrator: 'insider' }).input;
    expect(insider.entrusteeId).toBeNull();
  });

  it('lets a later "sensitive" tick replace an earlier "not sensitive" answer', () => {
    const item = { dataItemId: null, name: '健診予約日', sensitive: true, ordinanceSensitive: false, myNumber: false, notSensitiveConfirmed: true, noFinancialRiskConfirmed: true };
    const draft = { ...emptyIncidentDraft('2026-11-21'), title: 'x', awareDepartment: 'y', persons: '1', items: [item, { ...item, name: '備考', sensitive: false }] };
    const { input } = incidentDraftToInput(draft);
    expect(input.items.map((i) => [i.notSensitiveConfirmed, i.noFinancialRiskConfirmed])).toEqual([
      [false, true],
      [true, true],
    ]);
  });
});

describe('timelineNote', () => {
  it('renders the coded notes of filings and notices in words', () => {
    expect(timelineNote('filed', 'final · appi · 個人情報保護委員会 · R-1')).toBe(
      '確報／個人情報保護法・番号法（個人情報保護委員会）／個人情報保護委員会／R-1',
    );
    expect(timelineNote('personsNotified', 'letter · 1200')).toBe('書面の郵送・1,200人');
    expect(timelineNote('updated', 'cause, persons')).toBe('原因、本人の数');
    expect(timelineNote('action', 'letter · 1200')).toBe('letter · 1200');
  });
});

describe('presentIncidentValue', () => {
  it("shows an incident's history values in words", () => {
    expect(presentIncidentValue('nature', ['leakage', 'loss'])).toBe('漏えい、滅失');
    expect(presentIncidentValue('filings', [{ id: 1 }, { id: 2 }])).toBe('2件');
    expect(presentIncidentValue('strongEncryption', true)).toBe('はい');
    expect(presentIncidentValue('awareAt', '2026-11-21T10:15:00+09:00')).toBe('2026年11月21日 10:15（UTC+09:00）');
  });
});

describe('IncidentsList', () => {
  it('lists the demo incidents, the one to report with its triage and next deadline', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(IncidentsList);
    const rows = await screen.findAllByTestId('incident-row');
    expect(rows).toHaveLength(backend.answer<IncidentView[]>('list_incidents').length);
    const reportable = rows.find((row) => row.dataset.reference === 'I-0001') as HTMLElement;
    expect(within(reportable).getByTestId('incident-report-required')).toBeTruthy();
    expect(reportable.textContent).toContain('確報');
  });
});

describe('IncidentForm', () => {
  it('shows every missing fact at once and saves nothing', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(IncidentForm, { incident: null, oncancel: () => {} });
    await fireEvent.click(await screen.findByTestId('incident-strongEncryption'));
    await fireEvent.click(screen.getByTestId('incident-save'));
    const summary = await screen.findByTestId('form-errors');
    for (const label of ['件名', '最初に知った部署', '本人の数', '講じていた措置の内容']) {
      expect(summary.textContent).toContain(label);
    }
    expect(backend.calls.some((c) => c.cmd === 'create_incident')).toBe(false);
  });

  it('records an incident and opens it', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(IncidentForm, { incident: null, oncancel: () => {} });
    await fireEvent.input(await screen.findByTestId('incident-title'), { target: { value: '名簿の紛失' } });
    await fireEvent.input(screen.getByTestId('incident-awareDepartment'), { target: { value: '総務課' } });
    await fireEvent.input(screen.getByTestId('incident-persons'), { target: { value: '１２００' } });
    await fireEvent.click(screen.getByTestId('incident-save'));
    await screen.findByTestId('incident-form');
    await new Promise((r) => setTimeout(r, 0));
    const call = backend.calls.find((c) => c.cmd === 'create_incident');
    expect((call?.args.input as { persons: number }).persons).toBe(1200);
    expect(app.route).toEqual({ name: 'incident', id: expect.any(Number) });
  });
});

describe('IncidentDetail', () => {
  it('explains the triage and the deadlines, and records a final report', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const id = backend.answer<IncidentView[]>('list_incidents')[0]?.incident.id ?? 0;
    render(IncidentDetail, { id });
    const law = await screen.findByTestId('triage-law');
    expect(law.dataset.required).toBe('true');
    const sensitive = within(law).getAllByTestId('triage-rule').find((r) => r.dataset.rule === 'sensitive');
    expect(sensitive?.dataset.met).toBe('true');
    expect(sensitive?.textContent).toContain('健診結果（検査値）');
    const deadlines = screen.getAllByTestId('deadline');
    expect(deadlines.map((d) => d.dataset.state)).toEqual(['met', 'pending']);
    expect(screen.getByTestId('deadline-explanation-appiFinalReport').textContent).toContain('1日目');

    await fireEvent.click(screen.getByTestId('incident-add-filing'));
    expect((screen.getByTestId('istep-filing-phase') as HTMLSelectElement).value).toBe('final');
    await fireEvent.click(screen.getByTestId('istep-submit'));
    await new Promise((r) => setTimeout(r, 0));
    expect(backend.calls.some((c) => c.cmd === 'add_incident_filing')).toBe(true);
    expect((await screen.findAllByTestId('incident-filing')).length).toBe(2);
    expect(screen.getAllByTestId('draft-section').length).toBe(9);
  });
});

describe('an incident at a subcontractor tier', () => {
  // happy-dom does not match `:checked` on options, which Svelte's select binding reads, so
  // the form starts from an incident that links the tier; spec 070-incident picks the tier
  // in the real window.
  it('keeps the link through the form, and the tier lists the incident and keeps it from being deleted', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const tier = backend.answer<SubcontractorNode[]>('list_subcontractors')[0]?.subcontractor;
    if (!tier) throw new Error('the demo has subcontractors');
    const created = backend.handle('create_incident', {
      input: {
        ...incidentDraftToInput({ ...emptyIncidentDraft(RECORDED_TODAY), title: '誤封入', awareDepartment: '業務課', persons: '12' }).input,
        perpetrator: 'subcontractor',
        entrusteeId: tier.id,
      },
    }) as Incident;
    expect(created.entrustedParty).toBe(tier.name);

    const form = render(IncidentForm, { incident: created, oncancel: () => {} });
    const select = (await screen.findByTestId('incident-entrusteeId')) as HTMLSelectElement;
    await waitFor(() => expect(select.selectedOptions[0]?.textContent ?? '').toContain(tier.name));
    expect(screen.queryByTestId('incident-entrustedParty')).toBeNull();
    await fireEvent.click(screen.getByTestId('incident-save'));
    await new Promise((r) => setTimeout(r, 0));
    const call = backend.calls.find((c) => c.cmd === 'update_incident');
    expect(call?.args.input).toMatchObject({ entrusteeId: tier.id, entrustedParty: '' });
    form.unmount();

    const detail = render(IncidentDetail, { id: created.id });
    const link = await screen.findByTestId('incident-entrustee-link');
    expect(link.textContent).toBe(tier.name);
    // The history names the tier, not its id.
    await waitFor(() => expect(screen.getByTestId('history').textContent).toContain(`${tier.reference} ${tier.name}`));
    await fireEvent.click(link);
    expect(app.route).toEqual({ name: 'subcontractor', id: tier.id });
    detail.unmount();

    render(SubcontractorDetail, { id: tier.id });
    expect((await screen.findByTestId('sc-incidents')).textContent).toContain('誤封入');
    expect(() => backend.handle('delete_subcontractor', { id: tier.id, expectedVersion: tier.version })).toThrow();
  });
});

describe('triage hints', () => {
  /** The recorded incident with a card number and an unmarked medical history among its items. */
  function withSuggestiveItems() {
    const backend = useBackend({ scenario: 'demo/incidentHinted' });
    const views = backend.answer<{ incident: { id: number; fields?: unknown; title?: string } }[]>('list_incidents');
    const hinted = views.find((v) => JSON.stringify(v.incident).includes('クレジットカード番号'));
    if (!hinted) throw new Error('no recorded incident with suggestive items');
    return { backend, id: hinted.incident.id };
  }

  it('asks, in Japanese, whether the items suggest a trigger, and ticks it through the ordinary update', async () => {
    setLocale('ja');
    const { backend, id } = withSuggestiveItems();
    render(IncidentDetail, { id });
    const hints = await screen.findAllByTestId('triage-hint');
    expect(hints.map((h) => h.dataset.rule)).toEqual(['sensitive', 'financialDamage']);
    const financial = hints[1] as HTMLElement;
    expect(within(financial).getByTestId('triage-hint-text').textContent).toContain('「クレジットカード番号」');
    expect(within(financial).getByTestId('triage-hint-text').textContent).toContain('規則7条2号');
    expect(within(financial).getByTestId('triage-hint-question').textContent).toBe(
      '不正に利用されることにより財産的被害が生じるおそれがありますか？',
    );
    expect(within(hints[0] as HTMLElement).getByTestId('triage-hint-text').textContent).toContain('「病歴」');
    // The hint only asks: the financial-damage rule is still not met.
    const rule = screen.getAllByTestId('triage-rule').find((r) => r.dataset.rule === 'financialDamage');
    expect(rule?.dataset.met).toBe('false');

    // Ticking goes through the ordinary update with the trigger set; what the page shows after
    // the core accepts it is driven in the real window (tests/e2e/specs/073-triage-hints.mjs).
    await fireEvent.click(within(financial).getByTestId('triage-hint-tick'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'update_incident')).toBe(true));
    const call = backend.calls.find((c) => c.cmd === 'update_incident');
    expect((call?.args.input as { financialDamageRisk: boolean }).financialDamageRisk).toBe(true);
  });

  it('records a "no" on the suggested items only, ticking nothing', async () => {
    setLocale('ja');
    const { backend, id } = withSuggestiveItems();
    render(IncidentDetail, { id });
    const hints = await screen.findAllByTestId('triage-hint');
    const sensitive = hints[0] as HTMLElement;
    expect(within(sensitive).getByTestId('triage-hint-decline').textContent).toBe('いいえ、要配慮個人情報ではない');
    await fireEvent.click(within(sensitive).getByTestId('triage-hint-decline'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'update_incident')).toBe(true));
    const input = backend.calls.find((c) => c.cmd === 'update_incident')?.args.input as {
      financialDamageRisk: boolean;
      items: { name: string; sensitive: boolean; notSensitiveConfirmed: boolean; noFinancialRiskConfirmed: boolean }[];
    };
    const byName = Object.fromEntries(input.items.map((item) => [item.name, item]));
    expect(byName['病歴']).toMatchObject({ sensitive: false, notSensitiveConfirmed: true });
    expect(byName['クレジットカード番号']).toMatchObject({ notSensitiveConfirmed: false, noFinancialRiskConfirmed: false });
    expect(input.financialDamageRisk).toBe(false);
  });

  it('asks the same in English', async () => {
    setLocale('en');
    try {
      const { id } = withSuggestiveItems();
      render(IncidentDetail, { id });
      const hints = await screen.findAllByTestId('triage-hint');
      const [sensitive, financial] = hints as HTMLElement[];
      expect(within(financial!).getByTestId('triage-hint-text').textContent).toContain('“クレジットカード番号”');
      expect(within(financial!).getByTestId('triage-hint-question').textContent).toBe('May their misuse cause financial damage?');
      expect(within(sensitive!).getByTestId('triage-hint-question').textContent).toContain('sensitive personal information');
      expect(within(sensitive!).getByTestId('triage-hint-tick').textContent).toBe('Yes, mark them sensitive');
    } finally {
      setLocale('ja');
    }
  });
});
