import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Holding } from '../../bindings/Holding';
import type { StartupStatus } from '../../bindings/StartupStatus';
import { useBackend } from '../../mock/testing';
import { app } from '../../lib/app.svelte';
import HoldingDetail from './HoldingDetail.svelte';

describe('HoldingDetail', () => {
  it('names fields by their own label under each section heading', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const organisation = backend.answer<StartupStatus>('startup_status').organisation!;
    app.organisation = { ...organisation, regime: 'localGovernment' };
    render(HoldingDetail, { id: backend.answer<Holding[]>('list_holdings')[0]!.id });
    const detail = await screen.findByTestId('holding-detail');
    const terms = Array.from(detail.querySelectorAll('.sections dt')).map((dt) => dt.textContent?.trim());
    // Found by the end-to-end suite: the file-register terms repeated the section name and
    // wrapped onto three lines in the 170px term column.
    expect(terms).toContain('経常的提供先');
    expect(terms).toContain('公表しない記載事項');
    expect(terms).toContain('保管期限');
    expect(terms.some((term) => term?.includes('：'))).toBe(false);
  });

  async function tryToDelete(id: number): Promise<string> {
    render(HoldingDetail, { id });
    await fireEvent.click(await screen.findByTestId('holding-delete'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    const alert = await screen.findByRole('alert');
    return alert.textContent ?? '';
  }

  it('names the records that keep a holding from being deleted', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const text = await tryToDelete(backend.answer<Holding[]>('list_holdings')[1]!.id);
    expect(text).toContain('削除できません');
    expect(text).toContain('R-0002');
    expect(text).not.toContain('別の画面で変更');
    expect(backend.state).toBe('demo');
  });

  it('says the holding changed elsewhere when its version moved on', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const target = backend.answer<Holding[]>('list_holdings')[1]!;
    render(HoldingDetail, { id: target.id });
    await fireEvent.click(await screen.findByTestId('holding-delete'));
    // Someone saves it in another window meanwhile.
    const { id, version, createdAt: _c, updatedAt: _u, ...input } = target;
    backend.elsewhere('update_holding', { id, expectedVersion: version, input: { ...input, name: '別の画面での変更' } });
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    expect((await screen.findByRole('alert')).textContent).toBe('この台帳は別の画面で変更されています');
  });
});
