// One typed wrapper per Tauri command. Components never call `invoke` directly.
// Every command rejects with an `ErrorReport`; anything else is normalised into one.
import { invoke } from '@tauri-apps/api/core';
import type { AuditEntry } from '../bindings/AuditEntry';
import type { ErrorKind } from '../bindings/ErrorKind';
import type { ErrorReport } from '../bindings/ErrorReport';
import type { Holding } from '../bindings/Holding';
import type { HoldingInput } from '../bindings/HoldingInput';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { Language } from '../bindings/Language';
import type { Organisation } from '../bindings/Organisation';
import type { OrganisationInput } from '../bindings/OrganisationInput';
import type { StartupStatus } from '../bindings/StartupStatus';
import type { VerifyReport } from '../bindings/VerifyReport';
import { ERROR_KINDS, isOneOf } from '../i18n/enums';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isErrorReport(value: unknown): value is ErrorReport {
  return (
    isRecord(value) &&
    isOneOf<ErrorKind>(ERROR_KINDS, value.kind) &&
    typeof value.message === 'string' &&
    Array.isArray(value.fields) &&
    Array.isArray(value.records)
  );
}

/** Any rejection as an ErrorReport; what is not one becomes a `storage` error. */
export function toErrorReport(error: unknown): ErrorReport {
  if (isErrorReport(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'storage', message, fields: [], records: [] };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toErrorReport(error);
  }
}

export function startupStatus(): Promise<StartupStatus> {
  return call('startup_status');
}

export function saveOrganisation(
  input: OrganisationInput,
  expectedVersion: number | null,
): Promise<Organisation> {
  return call('save_organisation', { input, expectedVersion });
}

export function loadDemo(): Promise<number> {
  return call('load_demo');
}

export function setLanguage(language: Language): Promise<null> {
  return call('set_language', { language });
}

export function listHoldings(): Promise<Holding[]> {
  return call('list_holdings');
}

export function getHolding(id: number): Promise<Holding> {
  return call('get_holding', { id });
}

export function createHolding(input: HoldingInput): Promise<Holding> {
  return call('create_holding', { input });
}

export function updateHolding(
  id: number,
  expectedVersion: number,
  input: HoldingInput,
): Promise<Holding> {
  return call('update_holding', { id, expectedVersion, input });
}

export function deleteHolding(id: number, expectedVersion: number): Promise<null> {
  return call('delete_holding', { id, expectedVersion });
}

export function holdingHistory(id: number): Promise<AuditEntry[]> {
  return call('holding_history', { id });
}

export function verifyRegister(): Promise<VerifyReport> {
  return call('verify_register');
}

/** Rust shows the save dialog and writes the file; the path, or null if cancelled. */
export function exportRegisterJson(): Promise<string | null> {
  return call('export_register_json');
}

/** Rust shows the open dialog; what was imported, or null if cancelled. */
export function importRegisterJson(): Promise<ImportSummary | null> {
  return call('import_register_json');
}
