import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { PrintRequest } from '../../bindings/PrintRequest';
import { useBackend as replay, useBackendWith, type MockOptions } from '../../mock/testing';
import { setLocale } from '../../i18n/i18n.svelte';
import PrintScreen from './PrintScreen.svelte';

/**
 * The recorded register, plus the shell's part of printing: the save dialog and the file it
 * writes (tests/print.rs checks what the core prints). The path is where the officer saved.
 */
function useBackend(options: MockOptions) {
  return useBackendWith(replay(options), {
    print_document: (args) => {
      const { request, suggestedName } = args as { request: PrintRequest; suggestedName: string };
      return { path: `/home/yamada/ドキュメント/${suggestedName}-20260401.${request.format}`, bytes: 48_213, millis: 312 };
    },
    open_printed: () => null,
  });
}

const printCalls = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => c.cmd === 'print_document').map((c) => c.args);

describe('PrintScreen', () => {
  it('prints the chosen document, language and format, then offers to open it', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(PrintScreen);
    await screen.findByTestId('print-doc-ledger');
    await fireEvent.click(screen.getByTestId('print-lang-en').querySelector('input')!);
    await fireEvent.click(screen.getByTestId('print-format-xlsx').querySelector('input')!);
    await fireEvent.click(screen.getByTestId('print-submit'));
    const result = await screen.findByTestId('print-result');
    expect(printCalls(backend.calls)).toEqual([
      {
        request: {
          document: 'ledger',
          language: 'en',
          format: 'xlsx',
          requestId: null,
          person: null,
          incidentId: null,
          jointUseId: null,
          edition: null,
        },
        suggestedName: 'personal-information-ledger',
      },
    ]);
    expect(result.dataset.path).toContain('personal-information-ledger-20260401.xlsx');
    await fireEvent.click(screen.getByTestId('print-open'));
    await waitFor(() => expect(backend.calls.map((c) => c.cmd)).toContain('open_printed'));
    expect(screen.queryByTestId('print-error')).toBeNull();
  });

  it('says why a document does not apply and does not print it', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(PrintScreen);
    const fileRegister = await screen.findByTestId('print-doc-fileRegister');
    expect(fileRegister.textContent).toContain('行政機関・地方公共団体の機関のみが作成します');
    await fireEvent.click(fileRegister.querySelector('input')!);
    expect((screen.getByTestId('print-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(printCalls(backend.calls)).toEqual([]);
  });

  it('prints a decision notice for the chosen decided request, PDF only', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(PrintScreen);
    const notice = await screen.findByTestId('print-doc-decisionNotice');
    await fireEvent.click(notice.querySelector('input')!);
    const select = (await screen.findByTestId('print-request')) as HTMLSelectElement;
    expect(select.options.length).toBeGreaterThan(1);
    const csv = screen.getByTestId('print-format-csv').querySelector('input')!;
    expect(csv.disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('print-submit'));
    await screen.findByTestId('print-result');
    const [args] = printCalls(backend.calls);
    const request = args?.request as { document: string; format: string; requestId: number };
    expect(request.document).toBe('decisionNotice');
    expect(request.format).toBe('pdf');
    expect(request.requestId).toBe(Number(select.value));
    expect(args?.suggestedName).toBe('開示決定等通知書');
  });

  it('asks for the person of an extract and the incident of a breach report', async () => {
    const backend = useBackend({ scenario: 'demo' });
    render(PrintScreen);
    const extract = await screen.findByTestId('print-doc-provisionExtract');
    await fireEvent.click(extract.querySelector('input')!);
    const person = (await screen.findByTestId('print-person')) as HTMLInputElement;
    const submit = screen.getByTestId('print-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await fireEvent.input(person, { target: { value: '  山本 健一 ' } });
    expect(submit.disabled).toBe(false);
    await fireEvent.click(submit);
    await screen.findByTestId('print-result');
    const [first] = printCalls(backend.calls);
    expect(first?.request).toMatchObject({ document: 'provisionExtract', person: '山本 健一', incidentId: null });

    const report = await screen.findByTestId('print-doc-breachReport');
    await fireEvent.click(report.querySelector('input')!);
    const incident = (await screen.findByTestId('print-incident')) as HTMLSelectElement;
    expect(screen.queryByTestId('print-person')).toBeNull();
    await fireEvent.click(screen.getByTestId('print-submit'));
    await waitFor(() => expect(printCalls(backend.calls)).toHaveLength(2));
    expect(printCalls(backend.calls)[1]?.request).toMatchObject({
      document: 'breachReport',
      format: 'pdf',
      incidentId: Number(incident.value),
      person: null,
    });
  });

  it('shows the core’s error and a cancelled dialog without a result', async () => {
    const backend = useBackend({ scenario: 'demo' });
    useBackendWith(backend, {
      print_document: () => {
        throw { kind: 'io', message: 'the Japanese font Noto Sans CJK JP was not found', fields: [], records: [] };
      },
    });
    render(PrintScreen);
    await screen.findByTestId('print-doc-ledger');
    await fireEvent.click(screen.getByTestId('print-submit'));
    expect((await screen.findByTestId('print-error')).textContent).toContain('Noto Sans CJK JP');
    expect(screen.queryByTestId('print-result')).toBeNull();

    useBackendWith(backend, { print_document: () => null });
    await fireEvent.click(screen.getByTestId('print-submit'));
    expect(await screen.findByTestId('print-cancelled')).toBeTruthy();
  });

  it('follows the interface language', async () => {
    useBackend({ scenario: 'demo' });
    setLocale('en');
    render(PrintScreen);
    expect((await screen.findByTestId('print-doc-ledger')).textContent).toContain(
      'Personal information management ledger',
    );
    expect(screen.getByTestId('print-submit').textContent).toContain('Choose where to save and print');
  });
});
