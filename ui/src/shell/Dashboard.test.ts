import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { app } from '../lib/app.svelte';
import { useBackend } from '../mock/testing';
import Dashboard from './Dashboard.svelte';

describe('Dashboard', () => {
  it('lists open requests by next deadline, then complaints, with counts and badges', async () => {
    useBackend({ scenario: 'demo' });
    render(Dashboard);
    const rows = await screen.findAllByTestId('agenda-row');
    // The core's agenda of the demo on the recorded day: overdue, due this week, paused, the
    // incident whose final report is due in four weeks, the open complaint, then the incident
    // with nothing due; the closed request and complaint are not on it.
    expect(rows.map((r) => r.dataset.reference)).toEqual(['R-0003', 'R-0004', 'R-0002', 'I-0001', 'C-0002', 'I-0002']);
    expect(within(rows[0] as HTMLElement).getByTestId('badge-overdue')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByTestId('badge-dueThisWeek')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByTestId('badge-paused')).toBeTruthy();
    expect(rows[3]?.textContent).toContain('確報');
    expect(within(rows[4] as HTMLElement).queryByTestId('badge-overdue')).toBeNull();
    expect(rows[4]?.textContent).toContain('法定の期限なし');
    expect(screen.getByTestId('count-open').textContent).toContain('6');
    expect(screen.getByTestId('count-overdue').textContent).toContain('1');
    expect(screen.getByTestId('count-dueThisWeek').textContent).toContain('1');
    expect(screen.getByTestId('count-paused').textContent).toContain('1');
  });

  it('opens the record of a row', async () => {
    useBackend({ scenario: 'demo' });
    render(Dashboard);
    await fireEvent.click(await screen.findByTestId('agenda-open-C-0002'));
    expect(app.route).toEqual({ name: 'complaint', id: expect.any(Number) });
  });

  it('says so when nothing is open', async () => {
    useBackend({ scenario: 'setup' });
    render(Dashboard);
    expect((await screen.findByTestId('dashboard-empty')).textContent).toContain('対応中の請求・苦情・漏えい等事案はありません');
  });
});
