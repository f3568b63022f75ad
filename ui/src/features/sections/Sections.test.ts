import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { app } from '../../lib/app.svelte';
import { SECTIONS } from './sections';
import ja from '../../i18n/ja.json';
import en from '../../i18n/en.json';
import type { Holding } from '../../bindings/Holding';
import type { Recipient } from '../../bindings/Recipient';
import type { Objection } from '../../bindings/Objection';
import { useBackend, useBackendWith } from '../../mock/testing';
import HoldingControlLinks from '../holdings/HoldingControlLinks.svelte';
import QualityPanel from '../quality/QualityPanel.svelte';
import SectionDetail from './SectionDetail.svelte';
import SectionForm from './SectionForm.svelte';
import SectionList from './SectionList.svelte';

// happy-dom does not match `:checked` on options, which Svelte's select binding reads, so
// these tests start from presets; the real-window spec 070 changes the selects.
describe('SectionForm', () => {
  it('shows a provision form without the receipt-only fields', async () => {
    useBackend({ scenario: 'demo' });
    render(SectionForm, { kind: 'provision', record: null, oncancel: () => {} });
    expect(screen.queryByTestId('section-acquisitionCircumstances')).toBeNull();
    expect(screen.queryByTestId('section-exception')).toBeNull();
    expect(screen.getByTestId('section-recipientId')).toBeTruthy();
  });

  it('asks a receipt for its confirmation items before sending anything', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(SectionForm, { kind: 'provision', record: null, preset: { direction: 'received' }, oncancel: () => {} });
    await screen.findByTestId('section-acquisitionCircumstances');
    expect(screen.queryByTestId('section-recipientId')).toBeNull();
    await fireEvent.click(screen.getByTestId('section-save'));
    expect(screen.getByTestId('error-counterpartyName').textContent).toContain('入力してください');
    expect(screen.getByTestId('error-acquisitionCircumstances').textContent).toContain('入力してください');
    expect(screen.getByTestId('form-errors').textContent).toContain('提供元における取得の経緯：入力してください');
    expect(backend.calls.map((c) => c.cmd)).not.toContain('create_provision_record');
  });

  it('shows the core’s refusal on the field it names and keeps the form', async () => {
    // A disposal cannot cover data from after its own day: the core's answer to this input.
    const backend = useBackend({ scenario: 'demo' });
    render(SectionForm, { kind: 'disposals', record: null, preset: { holdingId: 1 }, oncancel: () => {} });
    await fireEvent.input(screen.getByTestId('section-performedBy'), { target: { value: '総務 田中' } });
    await fireEvent.input(screen.getByTestId('section-coversThrough'), { target: { value: '2026-04-30' } });
    await fireEvent.click(screen.getByTestId('section-save'));
    expect((await screen.findByTestId('error-coversThrough')).textContent).not.toBe('');
    expect(screen.getByTestId('section-form')).toBeTruthy();
    expect(backend.state).toBe('demo');
  });

  it('sends a hidden exception as empty and opens the saved record', async () => {
    const backend = useBackend({ scenario: 'demo' });
    // An exception left over from a basis changed back to consent.
    render(SectionForm, { kind: 'recipients', record: null, preset: { exception: 'publicHealth' }, oncancel: () => {} });
    expect(screen.queryByTestId('section-exception')).toBeNull();
    await fireEvent.input(screen.getByTestId('section-name'), { target: { value: '株式会社みらい製作所' } });
    await fireEvent.input(screen.getByTestId('section-purpose'), { target: { value: '高額療養費の支給' } });
    await fireEvent.click(screen.getByTestId('add-items'));
    await fireEvent.input(await screen.findByTestId('field-items-0'), { target: { value: '氏名' } });
    await fireEvent.click(screen.getByTestId('section-save'));
    await waitFor(() => expect(app.route.name).toBe('sectionRecord'));
    const sent = backend.calls.find((c) => c.cmd === 'create_recipient')?.args.input as Record<string, unknown>;
    expect(sent.exception).toBeNull();
    expect(sent.items).toEqual(['氏名']);
  });
});

describe('SectionList and SectionDetail', () => {
  it('extracts the records about one person', async () => {
    useBackend({ scenario: 'demo' });
    render(SectionList, { kind: 'provision' });
    expect(await screen.findAllByTestId('section-row')).toHaveLength(6);
    await fireEvent.input(screen.getByTestId('person-search'), { target: { value: '佐藤' } });
    await fireEvent.click(screen.getByTestId('person-search-submit'));
    expect((await screen.findByTestId('person-search-result')).textContent).toContain('「佐藤」に関する記録：0件');
    await fireEvent.input(screen.getByTestId('person-search'), { target: { value: '山本健一' } });
    await fireEvent.click(screen.getByTestId('person-search-submit'));
    await waitFor(() => expect(screen.getByTestId('person-search-result').textContent).toContain('4件'));
  });

  it('names the records that keep a record from being deleted', async () => {
    const backend = useBackend({ scenario: 'demo' });
    // The demo's regular recipient is named by a provision record.
    const recipient = backend.answer<Recipient[]>('list_recipients')[0];
    render(SectionDetail, { kind: 'recipients', id: recipient?.id ?? 0 });
    await fireEvent.click(await screen.findByTestId('section-delete'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getByTestId('confirm-dialog').textContent).toContain('P-0001'));
  });

  it('gives every field of every section an empty value and a label in both languages', () => {
    for (const spec of Object.values(SECTIONS)) {
      for (const field of spec.fields) {
        expect(spec.empty()).toHaveProperty(field.path);
        const key = `${spec.prefix}.field.${field.path}`;
        expect((ja as Record<string, string>)[key], key).toBeTruthy();
        expect((en as Record<string, string>)[key], key).toBeTruthy();
      }
    }
  });
});

// APPI art. 31: personal-related information (Cookie IDs, browsing history) provided to a
// recipient who will make it personal data. The answers are the core's, recorded in
// tests/mock_fixtures.rs for exactly these inputs.
describe('personal-related information', () => {
  const METHOD = '提供先からの申告（同意取得画面の写しを受領）';

  async function fillConfirmation(): Promise<void> {
    await fireEvent.input(screen.getByTestId('section-counterpartyName'), { target: { value: 'Global Tracking Network Inc.' } });
    await fireEvent.click(screen.getByTestId('add-items'));
    await fireEvent.input(await screen.findByTestId('field-items-0'), { target: { value: 'Cookie ID' } });
    await fireEvent.click(screen.getByTestId('section-consentObtained'));
    await fireEvent.input(screen.getByTestId('section-consentConfirmationMethod'), { target: { value: METHOD } });
  }

  it('hides the persons and asks what the provider confirmed, worded for the kind', async () => {
    useBackend({ scenario: 'demo' });
    const { unmount } = render(SectionForm, { kind: 'provision', record: null, oncancel: () => {} });
    // Personal data: the persons are a record item, the person's own consent is recorded.
    expect(screen.getByTestId('section-information')).toBeTruthy();
    expect(screen.getByTestId('add-persons')).toBeTruthy();
    expect(screen.queryByTestId('section-consentConfirmationMethod')).toBeNull();
    expect(screen.getByTestId('section-form').textContent).toContain('本人の同意を得ている');
    unmount();

    render(SectionForm, {
      kind: 'provision',
      record: null,
      preset: { information: 'personalRelated', basis: 'foreignProvision' },
      oncancel: () => {},
    });
    const form = screen.getByTestId('section-form');
    // Rules art. 28(1): the persons are not a record item; art. 31 binds the provider only.
    expect(screen.queryByTestId('add-persons')).toBeNull();
    expect(screen.queryByTestId('section-personsDescription')).toBeNull();
    expect(screen.queryByTestId('section-direction')).toBeNull();
    // Art. 31(1)(i) and (ii), and how the consent was confirmed (Rules art. 26).
    expect(form.textContent).toContain('提供先が、本人から個人データとして取得することの同意を得ていることを確認した');
    expect(form.textContent).toContain('同意の確認方法');
    expect(form.textContent).toContain('外国の制度等の情報が本人に提供されていることを確認した');
    expect(form.textContent).toContain('個人関連情報の項目');
    expect(form.textContent).toContain('提供先の名称');
    expect(form.textContent).not.toContain('本人の同意を得ている');
    expect(form.textContent).not.toContain('提供（受領）年月日');
  });

  it('shows the core’s opt-out refusal on the basis, named in Japanese', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(SectionForm, {
      kind: 'provision',
      record: null,
      preset: { information: 'personalRelated', basis: 'optOut' },
      oncancel: () => {},
    });
    // No foreign confirmation unless the recipient is abroad.
    expect(screen.queryByTestId('section-foreignInformationConfirmed')).toBeNull();
    await fillConfirmation();
    await fireEvent.click(screen.getByTestId('section-save'));
    expect((await screen.findByTestId('error-basis')).textContent).toContain('オプトアウトによる提供がありません');
    expect(screen.getByTestId('form-errors').textContent).toContain('提供の根拠：');
    expect(backend.state).toBe('demo');
  });

  it('saves a provision abroad with both confirmations and nothing about the persons', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(SectionForm, {
      kind: 'provision',
      record: null,
      preset: { information: 'personalRelated', basis: 'foreignProvision', persons: ['山本 健一'] },
      oncancel: () => {},
    });
    await fillConfirmation();
    await fireEvent.click(screen.getByTestId('section-foreignInformationConfirmed'));
    await fireEvent.click(screen.getByTestId('section-save'));
    await waitFor(() => expect(app.route.name).toBe('sectionRecord'));
    const sent = backend.calls.find((c) => c.cmd === 'create_provision_record')?.args.input as Record<string, unknown>;
    // A person left over from personal data is not sent: hidden fields go empty.
    expect(sent.persons).toEqual([]);
    expect(sent.information).toBe('personalRelated');
    expect(sent.foreignInformationConfirmed).toBe(true);
    expect(backend.state).toBe('demo/personalRelatedCreated');
  });

  it('marks the record in the list and on its page, with the Rules item its retention follows', async () => {
    const backend = useBackend({ scenario: 'demo/personalRelatedCreated' });
    const { unmount } = render(SectionList, { kind: 'provision' });
    const badges = await screen.findAllByTestId('row-personal-related');
    expect(badges).toHaveLength(1);
    expect(badges[0]?.textContent).toBe('個人関連情報');
    unmount();
    const saved = backend
      .answer<{ record: { id: number; information: string } }[]>('list_provision_records')
      .find((v) => v.record.information === 'personalRelated');
    if (!saved) throw new Error('no personal-related record in the recorded state');
    render(SectionDetail, { kind: 'provision', id: saved.record.id });
    expect((await screen.findByTestId('badge-personal-related')).textContent).toBe('個人関連情報');
    // Rules art. 29(ii): made 1 April 2026, kept three years to 1 April 2029.
    expect(screen.getByTestId('retain-until').textContent).toContain('2029年4月1日');
    expect(screen.getByTestId('retention-rule').textContent).toContain('規則第29条第2号');
    expect(screen.getByTestId('value-consentConfirmationMethod').textContent).toBe(METHOD);
  });
});

describe('implicit consent', () => {
  it('offers the published matters on an objection and shows which one it names', async () => {
    useBackend({ scenario: 'demo' });
    render(SectionForm, { kind: 'objections', record: null, oncancel: () => {} });
    const select = await screen.findByTestId('section-matterId');
    await waitFor(() => expect(select.textContent).toContain('高額療養費を本人の申請によらず事業主経由で支給すること'));
    expect(select.textContent).toContain('（一覧にない利用・提供）');
    expect(screen.getByTestId('section-withdrawnOn')).toBeTruthy();
    // The recorded state after the member withdrew an objection to a published matter.
    const backend = useBackend({ scenario: 'demo/objectionWithdrawn' });
    const withdrawn = backend.answer<Objection[]>('list_objections').find((o) => o.withdrawnOn);
    if (!withdrawn) throw new Error('no withdrawn objection in the recorded state');
    render(SectionDetail, { kind: 'objections', id: withdrawn.id });
    await screen.findByTestId('badge-withdrawn');
    expect(screen.queryByTestId('badge-pending')).toBeNull();
    const matter = backend
      .answer<{ id: number; title: string }[]>('list_consent_matters')
      .find((m) => m.id === withdrawn.matterId);
    if (!matter) throw new Error('the withdrawn objection names no recorded matter');
    await waitFor(() => expect(screen.getByTestId('value-matterId').textContent).toContain(matter.title));
  });

  it('does not list a withdrawn objection as not applied', async () => {
    const backend = useBackend({ scenario: 'demo/objectionWithdrawn' });
    render(QualityPanel);
    const findings = await screen.findAllByTestId('finding');
    const withdrawn = backend.answer<Objection[]>('list_objections').find((o) => o.withdrawnOn);
    expect(findings.some((f) => f.dataset.rule === 'objectionNotApplied')).toBe(true);
    expect(findings.some((f) => f.querySelector(`[data-testid="finding-open-objection-${String(withdrawn?.id)}"]`))).toBe(false);
  });
});

describe('QualityPanel', () => {
  it('words each finding and links to its record', async () => {
    useBackend({ scenario: 'demo' });
    render(QualityPanel);
    const findings = await screen.findAllByTestId('finding');
    const pending = findings.find((f) => f.dataset.rule === 'objectionNotApplied');
    expect(pending?.textContent).toContain('受付の異議申出が未反映です');
    const button = pending?.querySelector('button');
    if (!button) throw new Error('no link');
    await fireEvent.click(button);
    expect(app.route).toEqual({ name: 'sectionRecord', kind: 'objections', id: expect.any(Number) });
  });
});

describe('HoldingControlLinks', () => {
  it('lists the records that name the holding and opens one', async () => {
    const backend = useBackend({ scenario: 'demo' });
    // H-0002: the demo's disposal and objections name it.
    const holding = backend.answer<Holding[]>('list_holdings')[1];
    if (!holding) throw new Error('no demo holding');
    render(HoldingControlLinks, { holdingId: holding.id });
    const disposals = await screen.findByTestId('links-disposals');
    expect(disposals.textContent).toContain('2019年度診療分の紙レセプト');
    expect(screen.getByTestId('links-objections').textContent).toContain('山本 美香');
    const button = screen.getByTestId('links-measures').querySelector('button');
    if (!button) throw new Error('no measure link');
    await fireEvent.click(button);
    expect(app.route).toEqual({ name: 'sectionRecord', kind: 'measures', id: expect.any(Number) });
  });

  it('says so when nothing names the holding', async () => {
    useBackend({ scenario: 'demo' });
    render(HoldingControlLinks, { holdingId: 9999 });
    await waitFor(() => expect(screen.getByTestId('holding-control-links').textContent).toContain('関連する記録はありません'));
  });
});
