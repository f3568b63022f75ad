import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import '../mock/testing';
import { createHolding, isErrorReport, startupStatus, toErrorReport, updateHolding } from './commands';
import { emptyDraft, draftToInput } from '../features/holdings/holding';

describe('command wrappers', () => {
  it('pass camelCase arguments', async () => {
    const seen: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      seen.push({ cmd, args });
      return { id: 1 };
    });
    const { input } = draftToInput(emptyDraft());
    await updateHolding(3, 7, input);
    expect(seen).toEqual([{ cmd: 'update_holding', args: { id: 3, expectedVersion: 7, input } }]);
  });

  it('pass an ErrorReport rejection through unchanged', async () => {
    const report = { kind: 'conflict', message: 'stale', fields: [], records: [] };
    mockIPC(() => {
      throw report;
    });
    const { input } = draftToInput(emptyDraft());
    await expect(createHolding(input)).rejects.toEqual(report);
  });

  it('normalise anything else into a storage ErrorReport', async () => {
    mockIPC(() => {
      throw 'command startup_status not found';
    });
    await expect(startupStatus()).rejects.toEqual({
      kind: 'storage',
      message: 'command startup_status not found',
      fields: [],
      records: [],
    });
    expect(toErrorReport(new Error('boom'))).toEqual({
      kind: 'storage',
      message: 'boom',
      fields: [],
      records: [],
    });
    expect(isErrorReport({ kind: 'nonsense', message: '', fields: [], records: [] })).toBe(false);
  });
});
