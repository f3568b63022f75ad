import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../../mock/testing';
import RequestProcedureForm from './RequestProcedureForm.svelte';

describe('RequestProcedureForm', () => {
  it('asks for the form and an identity document, then saves version 1 with the fee', async () => {
    const backend = useBackend({ scenario: 'setup' });
    render(RequestProcedureForm, { requestDesk: '総務グループ 個人情報開示等請求窓口' });
    await screen.findByTestId('request-procedure-state');
    expect(screen.getByTestId('request-procedure-desk').textContent).toContain('総務グループ');
    await fireEvent.click(screen.getByTestId('request-procedure-save'));
    const errors = await screen.findByTestId('request-procedure-errors');
    expect(errors.textContent).toContain('請求の方式（様式）');
    expect(errors.textContent).toContain('本人確認書類');
    expect(backend.calls.map((c) => c.cmd)).not.toContain('save_request_procedure');

    await fireEvent.input(screen.getByTestId('rp-forms'), { target: { value: '所定の開示等請求書' } });
    await fireEvent.click(screen.getByTestId('add-identityDocuments'));
    await fireEvent.input(await screen.findByTestId('field-identityDocuments-0'), { target: { value: '運転免許証' } });
    await fireEvent.input(screen.getByTestId('rp-disclosureFeeYen'), { target: { value: '３００円' } });
    await fireEvent.input(screen.getByTestId('rp-paymentMethod'), { target: { value: '定額小為替' } });
    await fireEvent.click(screen.getByTestId('request-procedure-save'));
    await waitFor(() => expect(screen.getByTestId('request-procedure-state').textContent).toContain('第1版'));
    const saved = backend.calls.find((c) => c.cmd === 'save_request_procedure');
    expect(saved?.args).toMatchObject({
      expectedVersion: null,
      input: { forms: '所定の開示等請求書', identityDocuments: ['運転免許証'], disclosureFeeYen: 300, answerMethods: ['paper'] },
    });
  });
});
