// Pseudonymised (APPI art. 41) and anonymised (art. 43) information in the generic section
// screens, replaying the core's recorded answers: the not-yet-published badge, the provision
// rows, and the core's refusal of a provision published after it was made, named in Japanese.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { app } from '../../lib/app.svelte';
import type { AnonymisedInformation } from '../../bindings/AnonymisedInformation';
import type { PseudonymisedInformation } from '../../bindings/PseudonymisedInformation';
import { useBackend } from '../../mock/testing';
import SectionDetail from './SectionDetail.svelte';
import SectionForm from './SectionForm.svelte';
import SectionList from './SectionList.svelte';
import QualityPanel from '../quality/QualityPanel.svelte';

/** What tests/mock_fixtures.rs recorded the form sending, with the provision's publication day. */
function anonymisedInput(publishedOn: string): Record<string, unknown> {
  return {
    name: '健診結果分析用 匿名加工データ',
    holdingIds: [],
    items: ['性別', '年齢階級'],
    producedOn: '2026-04-01',
    itemsPublishedOn: null,
    publishedWhere: '',
    processingSecurity: '加工方法等情報は作成担当者のみ閲覧可',
    provisions: [
      { recipient: 'みらい大学 公衆衛生学教室', providedOn: '2026-04-01', method: '暗号化した電子ファイルの送付', publishedOn, statedToRecipient: true },
    ],
    notes: '',
  };
}

describe('anonymised information', () => {
  it('flags produced information whose items are not yet published, and not the published one', async () => {
    useBackend({ scenario: 'demo/anonymisedCreated' });
    render(SectionList, { kind: 'anonymised' });
    const rows = await screen.findAllByTestId('section-row');
    expect(rows).toHaveLength(2);
    const flagged = rows.filter((r) => r.querySelector('[data-testid="row-unpublished"]'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.textContent).toContain('健診結果分析用 匿名加工データ');
    expect(flagged[0]?.textContent).toContain('項目 未公表');
    expect(screen.getByTestId('tab-anonymised').getAttribute('aria-selected')).toBe('true');
  });

  it('is listed in the data-quality panel until its items are published, linking to the record', async () => {
    const backend = useBackend({ scenario: 'demo/anonymisedCreated' });
    const created = backend
      .answer<AnonymisedInformation[]>('list_anonymised_information')
      .find((a) => a.itemsPublishedOn === null);
    if (!created) throw new Error('no unpublished anonymised information recorded');
    render(QualityPanel);
    const link = await screen.findByTestId(`finding-open-anonymisedInformation-${String(created.id)}`);
    const finding = link.closest('[data-testid="finding"]');
    expect(finding?.textContent).toContain('2026年4月1日に作成しましたが、含まれる項目が公表されていません（法第43条第3項）');
    await fireEvent.click(link);
    expect(app.route).toEqual({ name: 'sectionRecord', kind: 'anonymised', id: created.id });
  });

  it('shows the core’s refusal of a provision published after it was made on the row’s field, then saves the fix', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(SectionForm, { kind: 'anonymised', record: null, preset: anonymisedInput('2026-04-02'), oncancel: () => {} });
    await fireEvent.click(screen.getByTestId('section-save'));
    const error = await screen.findByTestId('error-provisions-0-publishedOn');
    expect(error.textContent).toContain('あらかじめ');
    expect(screen.getByTestId('form-errors').textContent).toContain('項目・提供方法の公表日（1件目）');
    expect(backend.state).toBe('demo');

    await fireEvent.input(screen.getByTestId('section-provisions-0-publishedOn'), { target: { value: '2026-03-25' } });
    await fireEvent.click(screen.getByTestId('section-save'));
    await waitFor(() => expect(app.route.name).toBe('sectionRecord'));
    expect(backend.state).toBe('demo/anonymisedCreated');
    const sent = backend.calls.filter((c) => c.cmd === 'create_anonymised_information').map((c) => c.args.input);
    expect(sent).toEqual([anonymisedInput('2026-04-02'), anonymisedInput('2026-03-25')]);
  });

  it('adds and removes provision rows, a new one not yet stated to the recipient', async () => {
    useBackend({ scenario: 'demo' });
    render(SectionForm, { kind: 'anonymised', record: null, oncancel: () => {} });
    await fireEvent.click(screen.getByTestId('add-provision'));
    await fireEvent.click(screen.getByTestId('add-provision'));
    expect(screen.getByTestId('provision-row-1')).toBeTruthy();
    expect((screen.getByTestId('section-provisions-0-statedToRecipient') as HTMLInputElement).checked).toBe(false);
    // Today, shown as the organisation writes dates (a private operator: no era).
    expect((screen.getByTestId('section-provisions-0-providedOn') as HTMLInputElement).value).toBe('2026/04/01');
    await fireEvent.click(screen.getByTestId('remove-provision-0'));
    expect(screen.queryByTestId('provision-row-1')).toBeNull();
    expect(screen.getByTestId('provision-row-0')).toBeTruthy();
  });

  it('shows the demo record’s provision and its published items', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const record = backend.answer<AnonymisedInformation[]>('list_anonymised_information')[0];
    if (!record) throw new Error('no anonymised information in the mock demo');
    render(SectionDetail, { kind: 'anonymised', id: record.id });
    const provisions = await screen.findByTestId('value-provisions');
    expect(provisions.textContent).toContain('みらい大学 医療経済学研究室');
    expect(provisions.textContent).toContain('匿名加工情報である旨を明示');
    expect(screen.getByText('項目 公表済み')).toBeTruthy();
    expect(screen.queryByTestId('badge-unpublished')).toBeNull();
  });
});

describe('pseudonymised information', () => {
  it('lists the demo record with its published purposes and shows the Rules art. 31 steps', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(SectionList, { kind: 'pseudonymised' });
    const rows = await screen.findAllByTestId('section-row');
    expect(rows).toHaveLength(1);
    expect(screen.queryByTestId('row-unpublished')).toBeNull();
    const record = backend.answer<PseudonymisedInformation[]>('list_pseudonymised_information')[0];
    if (!record) throw new Error('no pseudonymised information in the mock demo');
    render(SectionDetail, { kind: 'pseudonymised', id: record.id });
    await waitFor(() => expect(screen.getByTestId('value-identificationCodesRemoved').textContent).toBe('はい'));
    expect(screen.getByTestId('value-purposes').textContent).toContain('データヘルス計画');
    expect(screen.getByText('利用目的 公表済み')).toBeTruthy();
  });

  it('asks for the purposes and the security of the deleted information before sending anything', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(SectionForm, { kind: 'pseudonymised', record: null, oncancel: () => {} });
    await fireEvent.input(screen.getByTestId('section-name'), { target: { value: '分析用データ' } });
    await fireEvent.click(screen.getByTestId('section-save'));
    expect(screen.getByTestId('form-errors').textContent).toContain('利用目的');
    expect(screen.getByTestId('error-deletedInformationSecurity').textContent).toContain('入力してください');
    expect(backend.calls.map((c) => c.cmd)).not.toContain('create_pseudonymised_information');
  });
});
