import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { report } from '../../mock/backend';
import { useBackend, useBackendWith } from '../../mock/testing';
import { app } from '../../lib/app.svelte';
import HoldingDetail from './HoldingDetail.svelte';

describe('HoldingDetail', () => {
  it('names fields by their own label under each section heading', async () => {
    const backend = useBackend({ scenario: 'demo' });
    app.organisation = { ...backend.organisation!, regime: 'localGovernment' };
    render(HoldingDetail, { id: backend.holdings[0]!.id });
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
    useBackendWith(backend, {
      delete_holding: () => {
        throw {
          ...report('inUse', 'holding H-0002 cannot be deleted: request R-0002 concerns it'),
          references: ['R-0002', 'C-0001'],
        };
      },
    });
    const text = await tryToDelete(backend.holdings[1]!.id);
    expect(text).toContain('削除できません');
    expect(text).toContain('R-0002');
    expect(text).toContain('C-0001');
    expect(text).not.toContain('別の画面で変更');
    expect(backend.holdings).toHaveLength(8);
  });

  it('says the holding changed elsewhere when its version moved on', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const target = backend.holdings[1]!;
    useBackendWith(backend, {
      delete_holding: () => {
        target.version += 1; // someone saved it meanwhile
        throw report('conflict', 'holding H-0002 was changed elsewhere');
      },
    });
    expect(await tryToDelete(target.id)).toBe('この台帳は別の画面で変更されています');
  });
});
