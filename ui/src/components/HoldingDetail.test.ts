import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../mock/testing';
import { app } from '../lib/app.svelte';
import HoldingDetail from './HoldingDetail.svelte';

describe('HoldingDetail', () => {
  it('names fields by their own label under each section heading', async () => {
    const backend = useBackend({ scenario: 'demo' });
    app.organisation = { ...backend.organisation!, regime: 'localGovernment' };
    const first = backend.holdings[0]!;
    render(HoldingDetail, { id: first.id });
    const detail = await screen.findByTestId('holding-detail');
    const terms = Array.from(detail.querySelectorAll('.sections dt')).map((dt) => dt.textContent?.trim());
    // Found by the end-to-end suite: the file-register terms repeated the section name and
    // wrapped onto three lines in the 170px term column.
    expect(terms).toContain('経常的提供先');
    expect(terms).toContain('公表しない記載事項');
    expect(terms).toContain('保管期限');
    expect(terms.some((term) => term?.includes('：'))).toBe(false);
  });
});
