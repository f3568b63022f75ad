import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { JointUseView } from '../../bindings/JointUseView';
import type { SubcontractorNode } from '../../bindings/SubcontractorNode';
import { commandsCalled, useBackend } from '../../mock/testing';
import { errorMessage } from '../../lib/fields';
import { presentSharingValue } from './sharing';
import { setLocale } from '../../i18n/i18n.svelte';
import JointUseDetail from './JointUseDetail.svelte';
import SubcontractorForm from './SubcontractorForm.svelte';
import SubcontractorsList from './SubcontractorsList.svelte';

function enter(target: HTMLElement, keyCode?: number): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
  if (keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: keyCode });
  target.dispatchEvent(event);
  return event;
}

describe('SubcontractorsList', () => {
  it('indents sub-tiers under their parent and hides them when the parent is collapsed', async () => {
    useBackend({ scenario: 'demo' });
    render(SubcontractorsList);
    const rows = await screen.findAllByTestId('subcontractor-row');
    const depths = rows.map((r) => [r.dataset.reference, r.dataset.depth]);
    expect(depths.slice(0, 2)).toEqual([
      ['SC-0001', '0'],
      ['SC-0002', '1'],
    ]);
    expect(rows[1]!.textContent).toContain('第2次委託先');
    await fireEvent.click(within(rows[0]!).getByTestId('tree-toggle'));
    const after = screen.getAllByTestId('subcontractor-row').map((r) => r.dataset.reference);
    expect(after).not.toContain('SC-0002');
    expect(after).toContain('SC-0003');
  });

  it('shows each flag as a badge and can list only flagged tiers', async () => {
    useBackend({ scenario: 'demo' });
    render(SubcontractorsList);
    await screen.findAllByTestId('subcontractor-row');
    const badges = screen.getAllByTestId('sharing-badge').map((b) => b.dataset.rule);
    expect(badges).toContain('subcontractorWithoutConsent');
    expect(badges).toContain('supervisionOverdue');
    await fireEvent.click(screen.getByTestId('flagged-only'));
    for (const row of screen.getAllByTestId('subcontractor-row')) {
      expect(within(row).queryAllByTestId('sharing-badge').length).toBeGreaterThan(0);
    }
  });
});

describe('SubcontractorForm', () => {
  it('never submits on Enter, IME confirmation or not, and reports a missing name inline', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(SubcontractorForm, { id: null, parentId: null, oncancel: () => {} });
    const name = await screen.findByTestId('sc-name');
    expect(enter(name, 229).defaultPrevented).toBe(false);
    expect(enter(name).defaultPrevented).toBe(true);
    expect(commandsCalled(backend)).not.toContain('create_subcontractor');
    await fireEvent.click(screen.getByTestId('sc-save'));
    expect((await screen.findByTestId('error-name')).textContent).toContain('入力してください');
    expect(commandsCalled(backend)).not.toContain('create_subcontractor');
  });

  it('offers a sub-tier only the items its parent was entrusted', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const vendor = backend
      .answer<SubcontractorNode[]>('list_subcontractors')
      .map((node) => node.subcontractor)
      .find((s) => s.reference === 'SC-0001')!;
    render(SubcontractorForm, { id: null, parentId: vendor.id, oncancel: () => {} });
    await screen.findByTestId('sc-entrusted');
    const offered = vendor.entrusted.map((e) => e.holdingId);
    const shown = screen.queryAllByTestId(/^sc-holding-/);
    expect(shown.length).toBe(offered.length);
  });
});

describe('JointUseDetail', () => {
  it('keeps the earlier edition readable with how the change was notified', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const ju = backend.answer<JointUseView[]>('list_joint_uses')[0]!.jointUse;
    render(JointUseDetail, { id: ju.id });
    expect((await screen.findByTestId('ju-current-change')).textContent).toContain('変更後遅滞なく');
    await fireEvent.click(screen.getByTestId('ju-edition-toggle'));
    const earlier = screen.getByTestId('ju-edition');
    await vi.waitFor(() => expect(within(earlier).getByTestId('ju-responsible').textContent).toContain('佐藤 一郎'));
  });
});

describe('sharing messages', () => {
  it('words the sharing rules specifically and never shows an empty limit', () => {
    setLocale('ja');
    const error = (field: string, code: 'outOfRange' | 'inUse') => ({ field, code, limit: null, other: null, message: '' });
    expect(errorMessage(error('entrusted[0].itemIds[2]', 'outOfRange'))).toContain('委託元に委託していない');
    expect(errorMessage(error('parentId', 'inUse'))).toContain('委託元を変更できません');
    expect(errorMessage(error('approval.approvedOn', 'outOfRange'))).toBe('指定できる範囲外の値です');
  });

  it('presents a recorded approval in words', () => {
    setLocale('en');
    expect(
      presentSharingValue('approval', { approvedBy: 'Director', approvedOn: '2025-04-01', form: 'writtenApproval', note: '' }),
    ).toContain('Written approval');
  });

  it('names an added edition of a joint use by its number and how its change was made known', () => {
    setLocale('ja');
    const terms = { purpose: '', items: [], users: '', purposes: [], responsibleParties: [] };
    const change = { kind: 'notifyInAdvance', notifiedOn: '2026-03-01', effectiveOn: '2026-04-01', summary: '利用目的の追加' };
    expect(presentSharingValue('editions', { number: 3, terms, change, recordedAt: '2026-03-01T00:00:00Z' })).toBe(
      '第3版（あらかじめ通知・公表／利用目的の追加）',
    );
    // The first edition has no change; a created record's whole list is counted.
    expect(presentSharingValue('editions', { number: 1, terms, change: null, recordedAt: '2026-03-01T00:00:00Z' })).toBe('第1版');
    expect(presentSharingValue('editions', [{ number: 1 }, { number: 2 }])).toBe('第2版');
  });
});
