// One typed wrapper per Tauri command. Components never call `invoke` directly.
// Every command rejects with an `ErrorReport`; anything else is normalised into one.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { Agenda } from '../bindings/Agenda';
import type { AuditEntry } from '../bindings/AuditEntry';
import type { Complaint } from '../bindings/Complaint';
import type { ComplaintActionInput } from '../bindings/ComplaintActionInput';
import type { ComplaintInput } from '../bindings/ComplaintInput';
import type { ComplaintView } from '../bindings/ComplaintView';
import type { DeadlineSettings } from '../bindings/DeadlineSettings';
import type { DeadlineSettingsInput } from '../bindings/DeadlineSettingsInput';
import type { DeadlineSettingsState } from '../bindings/DeadlineSettingsState';
import type { Extension } from '../bindings/Extension';
import type { LargeVolumeNotice } from '../bindings/LargeVolumeNotice';
import type { PauseInput } from '../bindings/PauseInput';
import type { Request } from '../bindings/Request';
import type { RequestInput } from '../bindings/RequestInput';
import type { RequestStep } from '../bindings/RequestStep';
import type { RequestType } from '../bindings/RequestType';
import type { RequestView } from '../bindings/RequestView';
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
import type { PrintableDocument } from '../bindings/PrintableDocument';
import type { PrintedFile } from '../bindings/PrintedFile';
import type { PrintRequest } from '../bindings/PrintRequest';
import type { PrintStage } from '../bindings/PrintStage';
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

// Requests (開示等の請求)

export function requestTypes(): Promise<RequestType[]> {
  return call('request_types');
}

export function listRequests(): Promise<RequestView[]> {
  return call('list_requests');
}

export function getRequest(id: number): Promise<RequestView> {
  return call('get_request', { id });
}

export function createRequest(input: RequestInput): Promise<Request> {
  return call('create_request', { input });
}

export function updateRequest(
  id: number,
  expectedVersion: number,
  input: RequestInput,
): Promise<Request> {
  return call('update_request', { id, expectedVersion, input });
}

export function advanceRequest(
  id: number,
  expectedVersion: number,
  step: RequestStep,
): Promise<Request> {
  return call('advance_request', { id, expectedVersion, step });
}

export function addRequestPause(
  id: number,
  expectedVersion: number,
  pause: PauseInput,
): Promise<Request> {
  return call('add_request_pause', { id, expectedVersion, pause });
}

export function endRequestPause(
  id: number,
  expectedVersion: number,
  pauseId: number,
  to: string,
): Promise<Request> {
  return call('end_request_pause', { id, expectedVersion, pauseId, to });
}

export function removeRequestPause(
  id: number,
  expectedVersion: number,
  pauseId: number,
): Promise<Request> {
  return call('remove_request_pause', { id, expectedVersion, pauseId });
}

/** Records an extension, or removes one entered in error (`null`). */
export function setRequestExtension(
  id: number,
  expectedVersion: number,
  extension: Extension | null,
): Promise<Request> {
  return call('set_request_extension', { id, expectedVersion, extension });
}

/**
 * Applies the large-volume special track (開示決定等の期限の特例, art. 84), or removes one
 * entered in error (`null`).
 */
export function setRequestLargeVolume(
  id: number,
  expectedVersion: number,
  largeVolume: LargeVolumeNotice | null,
): Promise<Request> {
  return call('set_request_large_volume', { id, expectedVersion, largeVolume });
}

export function agenda(): Promise<Agenda> {
  return call('agenda');
}

// Complaints (苦情)

export function listComplaints(): Promise<ComplaintView[]> {
  return call('list_complaints');
}

export function getComplaint(id: number): Promise<ComplaintView> {
  return call('get_complaint', { id });
}

export function createComplaint(input: ComplaintInput): Promise<Complaint> {
  return call('create_complaint', { input });
}

export function updateComplaint(
  id: number,
  expectedVersion: number,
  input: ComplaintInput,
): Promise<Complaint> {
  return call('update_complaint', { id, expectedVersion, input });
}

export function addComplaintAction(
  id: number,
  expectedVersion: number,
  action: ComplaintActionInput,
): Promise<Complaint> {
  return call('add_complaint_action', { id, expectedVersion, action });
}

export function closeComplaint(
  id: number,
  expectedVersion: number,
  closedOn: string,
  resolution: string,
): Promise<Complaint> {
  return call('close_complaint', { id, expectedVersion, closedOn, resolution });
}

// Deadline settings

export function getDeadlineSettings(): Promise<DeadlineSettingsState> {
  return call('get_deadline_settings');
}

export function saveDeadlineSettings(
  input: DeadlineSettingsInput,
  expectedVersion: number | null,
): Promise<DeadlineSettings> {
  return call('save_deadline_settings', { input, expectedVersion });
}

// Printed registers

export function printableDocuments(): Promise<PrintableDocument[]> {
  return call('printable_documents');
}

/** Shows the save dialog (in Rust) and prints there; `null` when the dialog was cancelled. */
export function printDocument(
  request: PrintRequest,
  suggestedName: string,
): Promise<PrintedFile | null> {
  return call('print_document', { request, suggestedName });
}

/** Opens a file this session printed in the system viewer (Rust does it). */
export function openPrinted(path: string): Promise<null> {
  return call('open_printed', { path });
}

/** Calls `handler` with each stage of a running print; resolves to the unsubscribe function. */
export async function onPrintProgress(handler: (stage: PrintStage) => void): Promise<() => void> {
  try {
    return await listen<PrintStage>('print-progress', (event) => handler(event.payload));
  } catch {
    // Without the event bridge (mock mode) a print still completes, only without stages.
    return () => {};
  }
}
