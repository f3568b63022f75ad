// One typed wrapper per Tauri command. Components never call `invoke` directly.
// Every command rejects with an `ErrorReport`; anything else is normalised into one.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { Seed } from '../bindings/Seed';
import type { Agenda } from '../bindings/Agenda';
import type { AuditEntry } from '../bindings/AuditEntry';
import type { Complaint } from '../bindings/Complaint';
import type { ComplaintActionInput } from '../bindings/ComplaintActionInput';
import type { ComplaintInput } from '../bindings/ComplaintInput';
import type { ComplaintView } from '../bindings/ComplaintView';
import type { DeadlineSettings } from '../bindings/DeadlineSettings';
import type { DeadlineSettingsInput } from '../bindings/DeadlineSettingsInput';
import type { DeadlineSettingsState } from '../bindings/DeadlineSettingsState';
import type { RequestProcedure } from '../bindings/RequestProcedure';
import type { RequestProcedureInput } from '../bindings/RequestProcedureInput';
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
import type { SearchGroup } from '../bindings/SearchGroup';
import type { ChangeLog } from '../bindings/ChangeLog';
import type { ChangeLogFilter } from '../bindings/ChangeLogFilter';
import type { DraftKind } from '../bindings/DraftKind';
import type { FilingInput } from '../bindings/FilingInput';
import type { Incident } from '../bindings/Incident';
import type { IncidentActionInput } from '../bindings/IncidentActionInput';
import type { IncidentDraft } from '../bindings/IncidentDraft';
import type { IncidentInput } from '../bindings/IncidentInput';
import type { IncidentView } from '../bindings/IncidentView';
import type { NoticeInput } from '../bindings/NoticeInput';
import type { BackupEvent } from '../bindings/BackupEvent';
import type { BackupInfo } from '../bindings/BackupInfo';
import type { DamagedBackups } from '../bindings/DamagedBackups';
import type { ProtectionOverview } from '../bindings/ProtectionOverview';
import type { ProtectionSettings } from '../bindings/ProtectionSettings';
import type { RestoreOutcome } from '../bindings/RestoreOutcome';
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

let lockedHandler: (() => void) | null = null;

/** What to do when a command finds the register locked (the idle lock, another window). */
export function onRegisterLocked(handler: (() => void) | null): void {
  lockedHandler = handler;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    const report = toErrorReport(error);
    if (report.kind === 'locked') lockedHandler?.();
    throw report;
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

/** The default demo (seed 004) when `seed` is null, else the seed register named. */
export function loadDemo(seed: Seed | null = null): Promise<number> {
  return seed ? call('load_demo', { seed }) : call('load_demo');
}

export function setLanguage(language: Language): Promise<null> {
  return call('set_language', { language });
}

/** Japanese dates with the era, on screens and in print (the organisation's choice). */
export function setEraDates(on: boolean): Promise<null> {
  return call('set_era_dates', { on });
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

/** A page of the register-wide change log. */
export function changeLog(filter: ChangeLogFilter): Promise<ChangeLog> {
  return call('change_log', { filter });
}

/** The records `query` finds across the register, grouped by section. */
export function searchRegister(query: string): Promise<SearchGroup[]> {
  return call('search_register', { query });
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

// The published request procedure (APPI arts. 32(1)(iii), 37, 38): null until saved.

export function getRequestProcedure(): Promise<RequestProcedure | null> {
  return call('get_request_procedure');
}

export function saveRequestProcedure(
  input: RequestProcedureInput,
  expectedVersion: number | null,
): Promise<RequestProcedure> {
  return call('save_request_procedure', { input, expectedVersion });
}

// Provision records, regular recipients, security measures, disposals, objections and the
// data-quality panel. The generic screens address a section by its kind; a provision record
// arrives as a view and is flattened with its computed retention.

import type { DisposalDue } from '../bindings/DisposalDue';
import type { Finding } from '../bindings/Finding';
import type { ProvisionRecordView } from '../bindings/ProvisionRecordView';
import type { Entity } from '../bindings/Entity';
import type { Draft, SectionKind, StoredRecord } from './sectionRecords';

const SECTION_COMMANDS: Record<SectionKind, { plural: string; single: string }> = {
  provision: { plural: 'provision_records', single: 'provision_record' },
  recipients: { plural: 'recipients', single: 'recipient' },
  measures: { plural: 'measures', single: 'measure' },
  disposals: { plural: 'disposals', single: 'disposal' },
  consentMatters: { plural: 'consent_matters', single: 'consent_matter' },
  objections: { plural: 'objections', single: 'objection' },
  pseudonymised: { plural: 'pseudonymised_information', single: 'pseudonymised_information' },
  anonymised: { plural: 'anonymised_information', single: 'anonymised_information' },
};

function flattenView(value: unknown): StoredRecord {
  const view = value as ProvisionRecordView;
  return {
    ...view.record,
    retainUntil: view.retainUntil,
    pastRetention: view.pastRetention,
    retention: view.retention,
    retentionRule: view.retentionRule,
  } as StoredRecord;
}

export async function listSection(kind: SectionKind): Promise<StoredRecord[]> {
  const rows = await call<unknown[]>(`list_${SECTION_COMMANDS[kind].plural}`);
  return kind === 'provision' ? rows.map(flattenView) : (rows as StoredRecord[]);
}

export async function getSectionRecord(kind: SectionKind, id: number): Promise<StoredRecord> {
  const row = await call<unknown>(`get_${SECTION_COMMANDS[kind].single}`, { id });
  return kind === 'provision' ? flattenView(row) : (row as StoredRecord);
}

export function createSectionRecord(kind: SectionKind, input: Draft): Promise<StoredRecord> {
  return call(`create_${SECTION_COMMANDS[kind].single}`, { input });
}

export function updateSectionRecord(
  kind: SectionKind,
  id: number,
  expectedVersion: number,
  input: Draft,
): Promise<StoredRecord> {
  return call(`update_${SECTION_COMMANDS[kind].single}`, { id, expectedVersion, input });
}

export function deleteSectionRecord(kind: SectionKind, id: number, expectedVersion: number): Promise<void> {
  return call(`delete_${SECTION_COMMANDS[kind].single}`, { id, expectedVersion });
}

export function sectionHistory(entity: Entity, id: number): Promise<AuditEntry[]> {
  return call('section_history', { entity, id });
}

/** Every provision and receipt record about one person, for an art. 33(5) request. */
export async function provisionRecordsAbout(person: string): Promise<StoredRecord[]> {
  return (await call<unknown[]>('provision_records_about', { person })).map(flattenView);
}

export function listDisposalsDue(): Promise<DisposalDue[]> {
  return call('list_disposals_due');
}

export function listFindings(): Promise<Finding[]> {
  return call('list_findings');
}

// Subcontractors (委託先), joint uses (共同利用) and cross-border transfers (外国への提供)
import type { HoldingSharing } from '../bindings/HoldingSharing';
import type { JointUse } from '../bindings/JointUse';
import type { JointUseChange } from '../bindings/JointUseChange';
import type { JointUseInput } from '../bindings/JointUseInput';
import type { JointUseView } from '../bindings/JointUseView';
import type { SharingFinding } from '../bindings/SharingFinding';
import type { Subcontractor } from '../bindings/Subcontractor';
import type { SubcontractorInput } from '../bindings/SubcontractorInput';
import type { SubcontractorNode } from '../bindings/SubcontractorNode';
import type { Transfer } from '../bindings/Transfer';
import type { TransferInput } from '../bindings/TransferInput';
import type { TransferView } from '../bindings/TransferView';

export function listSubcontractors(): Promise<SubcontractorNode[]> {
  return call('list_subcontractors');
}

export function getSubcontractor(id: number): Promise<Subcontractor> {
  return call('get_subcontractor', { id });
}

export function createSubcontractor(input: SubcontractorInput): Promise<Subcontractor> {
  return call('create_subcontractor', { input });
}

export function updateSubcontractor(id: number, expectedVersion: number, input: SubcontractorInput): Promise<Subcontractor> {
  return call('update_subcontractor', { id, expectedVersion, input });
}

export function deleteSubcontractor(id: number, expectedVersion: number): Promise<null> {
  return call('delete_subcontractor', { id, expectedVersion });
}

export function listJointUses(): Promise<JointUseView[]> {
  return call('list_joint_uses');
}

export function getJointUse(id: number): Promise<JointUseView> {
  return call('get_joint_use', { id });
}

export function createJointUse(input: JointUseInput): Promise<JointUse> {
  return call('create_joint_use', { input });
}

export function updateJointUse(
  id: number,
  expectedVersion: number,
  input: JointUseInput,
  change: JointUseChange | null,
): Promise<JointUse> {
  return call('update_joint_use', { id, expectedVersion, input, change });
}

export function deleteJointUse(id: number, expectedVersion: number): Promise<null> {
  return call('delete_joint_use', { id, expectedVersion });
}

export function listTransfers(): Promise<TransferView[]> {
  return call('list_transfers');
}

export function getTransfer(id: number): Promise<TransferView> {
  return call('get_transfer', { id });
}

export function createTransfer(input: TransferInput): Promise<Transfer> {
  return call('create_transfer', { input });
}

export function updateTransfer(id: number, expectedVersion: number, input: TransferInput): Promise<Transfer> {
  return call('update_transfer', { id, expectedVersion, input });
}

export function deleteTransfer(id: number, expectedVersion: number): Promise<null> {
  return call('delete_transfer', { id, expectedVersion });
}

export function holdingSharing(holdingId: number): Promise<HoldingSharing> {
  return call('holding_sharing', { holdingId });
}

export function sharingFindings(): Promise<SharingFinding[]> {
  return call('sharing_findings');
}

export function sharingHistory(entity: Entity, id: number): Promise<AuditEntry[]> {
  return call('sharing_history', { entity, id });
}

// ---- breach incidents ------------------------------------------------------------------------

export function listIncidents(): Promise<IncidentView[]> {
  return call('list_incidents');
}

export function getIncident(id: number): Promise<IncidentView> {
  return call('get_incident', { id });
}

export function createIncident(input: IncidentInput): Promise<Incident> {
  return call('create_incident', { input });
}

export function updateIncident(id: number, expectedVersion: number, input: IncidentInput): Promise<Incident> {
  return call('update_incident', { id, expectedVersion, input });
}

export function addIncidentAction(id: number, expectedVersion: number, action: IncidentActionInput): Promise<Incident> {
  return call('add_incident_action', { id, expectedVersion, action });
}

export function addIncidentFiling(id: number, expectedVersion: number, filing: FilingInput): Promise<Incident> {
  return call('add_incident_filing', { id, expectedVersion, filing });
}

export function addIncidentNotice(id: number, expectedVersion: number, notice: NoticeInput): Promise<Incident> {
  return call('add_incident_notice', { id, expectedVersion, notice });
}

export function closeIncident(id: number, expectedVersion: number, closedOn: string, note: string): Promise<Incident> {
  return call('close_incident', { id, expectedVersion, closedOn, note });
}

export function incidentDraft(id: number, kind: DraftKind, language: Language): Promise<IncidentDraft> {
  return call('incident_draft', { id, kind, language });
}

export function incidentHistory(id: number): Promise<AuditEntry[]> {
  return call('incident_history', { id });
}

// Protection: passphrase, lock, encryption in place, backups and restore

export function unlockRegister(passphrase: string): Promise<StartupStatus> {
  return call('unlock_register', { passphrase });
}

export function createRegister(passphrase: string, confirmation: string): Promise<StartupStatus> {
  return call('create_register', { passphrase, confirmation });
}

export function encryptRegister(passphrase: string, confirmation: string): Promise<StartupStatus> {
  return call('encrypt_register', { passphrase, confirmation });
}

export function lockRegister(): Promise<void> {
  return call('lock_register');
}

export function changePassphrase(current: string, passphrase: string, confirmation: string): Promise<void> {
  return call('change_passphrase', { current, passphrase, confirmation });
}

export function protectionOverview(): Promise<ProtectionOverview> {
  return call('protection_overview');
}

export function saveProtectionSettings(settings: ProtectionSettings): Promise<ProtectionSettings> {
  return call('save_protection_settings', { settings });
}

/** Shows the native folder dialog and saves the choice; `null` if cancelled. */
export function chooseBackupDir(): Promise<ProtectionSettings | null> {
  return call('choose_backup_dir');
}

export function backupNow(): Promise<BackupInfo> {
  return call('backup_now');
}

export function restoreBackup(fileName: string, passphrase: string): Promise<RestoreOutcome> {
  return call('restore_backup', { fileName, passphrase });
}

export function damagedRegisterBackups(): Promise<DamagedBackups> {
  return call('damaged_register_backups');
}

/** Shows the native folder dialog to look for backups elsewhere; `null` if cancelled. */
export function chooseDamagedBackupDir(): Promise<DamagedBackups | null> {
  return call('choose_damaged_backup_dir');
}

export function restoreDamagedRegister(fileName: string): Promise<StartupStatus> {
  return call('restore_damaged_register', { fileName });
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

/** Calls `handler` with each automatic backup (at start, daily, on close), which runs in Rust;
 * resolves to the unsubscribe function. */
export async function onBackupEvent(handler: (event: BackupEvent) => void): Promise<() => void> {
  try {
    return await listen<BackupEvent>('daicho://backup', (event) => handler(event.payload));
  } catch {
    // Without the event bridge (mock mode) there are no automatic backups to report.
    return () => {};
  }
}

// The management system (issue 17): risk assessments, training, internal audits, corrective
// actions, management reviews, and the agenda of everything due.
import type { AgendaQuery } from '../bindings/AgendaQuery';
import type { CorrectiveAction } from '../bindings/CorrectiveAction';
import type { CorrectiveActionInput } from '../bindings/CorrectiveActionInput';
import type { CorrectiveActionView } from '../bindings/CorrectiveActionView';
import type { InternalAudit } from '../bindings/InternalAudit';
import type { InternalAuditInput } from '../bindings/InternalAuditInput';
import type { InternalAuditView } from '../bindings/InternalAuditView';
import type { ManagementReview } from '../bindings/ManagementReview';
import type { ManagementReviewInput } from '../bindings/ManagementReviewInput';
import type { ReviewDraft } from '../bindings/ReviewDraft';
import type { RiskAssessment } from '../bindings/RiskAssessment';
import type { RiskAssessmentGap } from '../bindings/RiskAssessmentGap';
import type { RiskAssessmentInput } from '../bindings/RiskAssessmentInput';
import type { TrainingCourse } from '../bindings/TrainingCourse';
import type { TrainingCourseInput } from '../bindings/TrainingCourseInput';
import type { TrainingSession } from '../bindings/TrainingSession';
import type { TrainingSessionInput } from '../bindings/TrainingSessionInput';
import type { Untrained } from '../bindings/Untrained';

export function listRiskAssessments(): Promise<RiskAssessment[]> {
  return call('list_risk_assessments');
}

export function createRiskAssessment(input: RiskAssessmentInput): Promise<RiskAssessment> {
  return call('create_risk_assessment', { input });
}

export function updateRiskAssessment(
  id: number,
  expectedVersion: number,
  input: RiskAssessmentInput,
): Promise<RiskAssessment> {
  return call('update_risk_assessment', { id, expectedVersion, input });
}

export function deleteRiskAssessment(id: number, expectedVersion: number): Promise<null> {
  return call('delete_risk_assessment', { id, expectedVersion });
}

export function listRiskAssessmentGaps(): Promise<RiskAssessmentGap[]> {
  return call('list_risk_assessment_gaps');
}

export function listTrainingCourses(): Promise<TrainingCourse[]> {
  return call('list_training_courses');
}

export function createTrainingCourse(input: TrainingCourseInput): Promise<TrainingCourse> {
  return call('create_training_course', { input });
}

export function updateTrainingCourse(
  id: number,
  expectedVersion: number,
  input: TrainingCourseInput,
): Promise<TrainingCourse> {
  return call('update_training_course', { id, expectedVersion, input });
}

export function listTrainingSessions(): Promise<TrainingSession[]> {
  return call('list_training_sessions');
}

export function createTrainingSession(input: TrainingSessionInput): Promise<TrainingSession> {
  return call('create_training_session', { input });
}

export function listUntrained(): Promise<Untrained[]> {
  return call('list_untrained');
}

export function listInternalAudits(): Promise<InternalAuditView[]> {
  return call('list_internal_audits');
}

export function createInternalAudit(input: InternalAuditInput): Promise<InternalAudit> {
  return call('create_internal_audit', { input });
}

export function updateInternalAudit(
  id: number,
  expectedVersion: number,
  input: InternalAuditInput,
): Promise<InternalAudit> {
  return call('update_internal_audit', { id, expectedVersion, input });
}

export function listCorrectiveActions(): Promise<CorrectiveActionView[]> {
  return call('list_corrective_actions');
}

export function createCorrectiveAction(input: CorrectiveActionInput): Promise<CorrectiveAction> {
  return call('create_corrective_action', { input });
}

export function updateCorrectiveAction(
  id: number,
  expectedVersion: number,
  input: CorrectiveActionInput,
): Promise<CorrectiveAction> {
  return call('update_corrective_action', { id, expectedVersion, input });
}

export function listManagementReviews(): Promise<ManagementReview[]> {
  return call('list_management_reviews');
}

export function managementReviewDraft(language: Language): Promise<ReviewDraft> {
  return call('management_review_draft', { language });
}

export function createManagementReview(input: ManagementReviewInput): Promise<ManagementReview> {
  return call('create_management_review', { input });
}

export function fullAgenda(query: AgendaQuery): Promise<Agenda> {
  return call('full_agenda', { query });
}

/** Notes that the agenda was opened today; answers the day it was opened before, if any. */
export function openAgenda(): Promise<string | null> {
  return call('open_agenda');
}

export function getAgendaNotifications(): Promise<boolean> {
  return call('get_agenda_notifications');
}

export function setAgendaNotifications(on: boolean): Promise<null> {
  return call('set_agenda_notifications', { on });
}

/** One desktop notification (tauri-plugin-notification), asking the OS for permission the
 * first time. A refusal or an OS without notifications costs nothing: the agenda shows the
 * same items. */
export async function notifyDue(title: string, body: string): Promise<void> {
  try {
    const notification = await import('@tauri-apps/plugin-notification');
    let granted = await notification.isPermissionGranted();
    if (!granted) granted = (await notification.requestPermission()) === 'granted';
    if (granted) notification.sendNotification({ title, body });
  } catch {
    // Mock mode and Vitest have no notification backend.
  }
}
