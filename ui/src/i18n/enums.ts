// Every enum value of the generated bindings, listed explicitly. Each record is checked with
// `satisfies Record<Enum, true>`: a variant added in Rust (and so in the bindings) is a missing
// key here and fails the build; a removed one is an excess key and fails it too.
import type { AcquisitionMethod } from '../bindings/AcquisitionMethod';
import type { AnswerMethod } from '../bindings/AnswerMethod';
import type { AuditAction } from '../bindings/AuditAction';
import type { Consent } from '../bindings/Consent';
import type { DisposalMethod } from '../bindings/DisposalMethod';
import type { Entity } from '../bindings/Entity';
import type { ErrorKind } from '../bindings/ErrorKind';
import type { FieldErrorCode } from '../bindings/FieldErrorCode';
import type { HoldingInput } from '../bindings/HoldingInput';
import type { Language } from '../bindings/Language';
import type { Medium } from '../bindings/Medium';
import type { OrganisationInput } from '../bindings/OrganisationInput';
import type { PurposeNotice } from '../bindings/PurposeNotice';
import type { Regime } from '../bindings/Regime';
import type { RetentionTrigger } from '../bindings/RetentionTrigger';
import type { WithheldItem } from '../bindings/WithheldItem';
import type { NumberAffairKind } from '../bindings/NumberAffairKind';
import type { NumberMaskingMethod } from '../bindings/NumberMaskingMethod';
import type { AgentKind } from '../bindings/AgentKind';
import type { AgendaKind } from '../bindings/AgendaKind';
import type { ComplaintInput } from '../bindings/ComplaintInput';
import type { DeadlineKind } from '../bindings/DeadlineKind';
import type { DeadlineRule } from '../bindings/DeadlineRule';
import type { DeadlineState } from '../bindings/DeadlineState';
import type { DecisionOutcome } from '../bindings/DecisionOutcome';
import type { PauseReason } from '../bindings/PauseReason';
import type { ReceiptChannel } from '../bindings/ReceiptChannel';
import type { RefusalGround } from '../bindings/RefusalGround';
import type { RequestEventKind } from '../bindings/RequestEventKind';
import type { RequestInput } from '../bindings/RequestInput';
import type { RequestStatus } from '../bindings/RequestStatus';
import type { RequestTrack } from '../bindings/RequestTrack';
import type { RequestType } from '../bindings/RequestType';
import type { ResponseMethod } from '../bindings/ResponseMethod';
import type { DisposalMedium } from '../bindings/DisposalMedium';
import type { FindingRule } from '../bindings/FindingRule';
import type { FindingSection } from '../bindings/FindingSection';
import type { MeasureHeading } from '../bindings/MeasureHeading';
import type { ProvisionBasis } from '../bindings/ProvisionBasis';
import type { ProvisionDirection } from '../bindings/ProvisionDirection';
import type { RecordingMethod } from '../bindings/RecordingMethod';
import type { ProvisionInformation } from '../bindings/ProvisionInformation';
import type { ProvisionRetentionRule } from '../bindings/ProvisionRetentionRule';
import type { StatutoryException } from '../bindings/StatutoryException';
import type { PublicGround } from '../bindings/PublicGround';
import type { Seed } from '../bindings/Seed';
import type { BreachLaw } from '../bindings/BreachLaw';
import type { FilingChannel } from '../bindings/FilingChannel';
import type { FilingLaw } from '../bindings/FilingLaw';
import type { FilingPhase } from '../bindings/FilingPhase';
import type { IncidentCertainty } from '../bindings/IncidentCertainty';
import type { IncidentEventKind } from '../bindings/IncidentEventKind';
import type { IncidentInput } from '../bindings/IncidentInput';
import type { IncidentNature } from '../bindings/IncidentNature';
import type { NoticeMethod } from '../bindings/NoticeMethod';
import type { Perpetrator } from '../bindings/Perpetrator';
import type { SecondaryDamage } from '../bindings/SecondaryDamage';
import type { TriageRule } from '../bindings/TriageRule';
import type { DocumentKind } from '../bindings/DocumentKind';
import { t } from './i18n.svelte';

function keysOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

export const REGIMES = keysOf({
  privateOperator: true,
  nationalOrgan: true,
  localGovernment: true,
  incorporatedAgency: true,
  gdprController: true,
} as const satisfies Record<Regime, true>);

/** The regimes of public bodies (行政機関等, APPI art. 2(11)): a file register, the art. 69 bases. */
export const PUBLIC_BODY_REGIMES: readonly Regime[] = ['nationalOrgan', 'localGovernment', 'incorporatedAgency'];
export const isPublicBodyRegime = (regime: Regime | null | undefined): boolean =>
  regime != null && PUBLIC_BODY_REGIMES.includes(regime);

export const ACQUISITION_METHODS = keysOf({
  directWritten: true,
  directOther: true,
  thirdParty: true,
  publicSource: true,
  mixed: true,
} as const satisfies Record<AcquisitionMethod, true>);

export const PURPOSE_NOTICES = keysOf({
  published: true,
  notified: true,
  explicitlyShown: true,
  notRequired: true,
} as const satisfies Record<PurposeNotice, true>);

export const CONSENTS = keysOf({
  obtained: true,
  notRequired: true,
  notObtained: true,
} as const satisfies Record<Consent, true>);

export const MEDIUMS = keysOf({
  electronic: true,
  paper: true,
  both: true,
} as const satisfies Record<Medium, true>);

export const RETENTION_TRIGGERS = keysOf({
  acquisition: true,
  contractEnd: true,
  lastUse: true,
  fiscalYearEnd: true,
  leavingService: true,
  purposeAchieved: true,
  other: true,
} as const satisfies Record<RetentionTrigger, true>);

export const DISPOSAL_METHODS = keysOf({
  shredding: true,
  dissolving: true,
  erasureSoftware: true,
  physicalDestruction: true,
  outsourced: true,
  other: true,
} as const satisfies Record<DisposalMethod, true>);

export const WITHHELD_ITEMS = keysOf({
  collectionMethod: true,
  regularRecipients: true,
} as const satisfies Record<WithheldItem, true>);

export const NUMBER_AFFAIR_KINDS = keysOf({
  related: true,
  use: true,
} as const satisfies Record<NumberAffairKind, true>);

export const NUMBER_MASKING_METHODS = keysOf({
  maskedInCopies: true,
  deletedAfterAffair: true,
  notApplicable: true,
} as const satisfies Record<NumberMaskingMethod, true>);

export const AUDIT_ACTIONS = keysOf({
  create: true,
  update: true,
  delete: true,
} as const satisfies Record<AuditAction, true>);

export const ENTITIES = keysOf({
  organisation: true,
  holding: true,
  preference: true,
  request: true,
  complaint: true,
  deadlineSettings: true,
  recipient: true,
  provisionRecord: true,
  measure: true,
  disposal: true,
  objection: true,
  subcontractor: true,
  jointUse: true,
  transfer: true,
  incident: true,
  consentMatter: true,
  requestProcedure: true,
  pseudonymisedInformation: true,
  anonymisedInformation: true,
  riskAssessment: true,
  trainingCourse: true,
  trainingSession: true,
  internalAudit: true,
  correctiveAction: true,
  managementReview: true,
  sheetImport: true,
} as const satisfies Record<Entity, true>);

export const ERROR_KINDS = keysOf({
  validation: true,
  notFound: true,
  conflict: true,
  inUse: true,
  unopenable: true,
  tooNew: true,
  import: true,
  integrity: true,
  io: true,
  storage: true,
  wrongPassphrase: true,
  unencrypted: true,
  damaged: true,
  locked: true,
  noRegister: true,
  busy: true,
  diskFull: true,
  readOnly: true,
} as const satisfies Record<ErrorKind, true>);

export const FIELD_ERROR_CODES = keysOf({
  required: true,
  tooLong: true,
  tooMany: true,
  outOfRange: true,
  duplicate: true,
  dateOrder: true,
  needsNote: true,
  inUse: true,
  malformed: true,
  notInRegime: true,
  numberAct: true,
  personalRelated: true,
  tooWeak: true,
  mismatch: true,
  controlCharacter: true,
  notIndependent: true,
} as const satisfies Record<FieldErrorCode, true>);

export const LANGUAGE_CODES = keysOf({ ja: true, en: true } as const satisfies Record<Language, true>);

/** Top-level holding fields; each has a label `holding.field.<name>`. */
export const HOLDING_FIELDS = keysOf({
  ledgerNo: true,
  name: true,
  department: true,
  businessProcess: true,
  manager: true,
  dutyBasis: true,
  dataItems: true,
  personsRecorded: true,
  approxCount: true,
  acquisitionMethod: true,
  acquisitionSources: true,
  purposes: true,
  purposeNotice: true,
  consent: true,
  consentNote: true,
  consentDetails: true,
  medium: true,
  storagePlace: true,
  storageMethod: true,
  accessHolders: true,
  useDeadline: true,
  retention: true,
  disposalMethod: true,
  disposalNote: true,
  retainedPersonalData: true,
  lastReview: true,
  nextReview: true,
  fileRegister: true,
  numberAffairs: true,
  numberMasking: true,
  notes: true,
} as const satisfies Record<keyof HoldingInput, true>);

/** Organisation fields; each has a label `org.field.<name>`. */
export const ORGANISATION_FIELDS = keysOf({
  name: true,
  address: true,
  representative: true,
  privacyManager: true,
  requestDesk: true,
  complaintDesk: true,
  regime: true,
  gdprApplies: true,
  officers: true,
} as const satisfies Record<keyof OrganisationInput, true>);


export const REQUEST_TYPES = keysOf({
  purposeNotification: true,
  disclosure: true,
  provisionRecordDisclosure: true,
  correction: true,
  suspensionOrErasure: true,
  stopThirdPartyProvision: true,
  gdprAccess: true,
  gdprRectification: true,
  gdprErasure: true,
  gdprRestriction: true,
  gdprPortability: true,
  gdprObjection: true,
} as const satisfies Record<RequestType, true>);

export const REQUEST_TRACKS = keysOf({
  privateOperator: true,
  nationalOrgan: true,
  localGovernment: true,
  incorporatedAgency: true,
  gdpr: true,
} as const satisfies Record<RequestTrack, true>);

export const REQUEST_STATUSES = keysOf({
  received: true,
  identityCheck: true,
  underReview: true,
  decided: true,
  notified: true,
  closed: true,
  withdrawn: true,
} as const satisfies Record<RequestStatus, true>);

export const REQUEST_EVENT_KINDS = keysOf({
  received: true,
  receiptDateCorrected: true,
  identityCheckStarted: true,
  identityConfirmed: true,
  paused: true,
  resumed: true,
  pauseRemoved: true,
  extended: true,
  extensionRemoved: true,
  largeVolumeNotified: true,
  largeVolumeRemoved: true,
  decided: true,
  notified: true,
  closed: true,
  withdrawn: true,
} as const satisfies Record<RequestEventKind, true>);

export const DECISION_OUTCOMES = keysOf({
  full: true,
  partial: true,
  refusal: true,
  notHeld: true,
  neitherConfirmNorDeny: true,
} as const satisfies Record<DecisionOutcome, true>);

export const REFUSAL_GROUNDS = keysOf({
  harmToPersonOrThirdParty: true,
  seriousBusinessImpediment: true,
  violationOfOtherLaws: true,
  requesterLifeOrHealth: true,
  otherIndividuals: true,
  corporateInformation: true,
  nationalSecurity: true,
  publicSafety: true,
  deliberation: true,
  administrativeAffairs: true,
  manifestlyUnfounded: true,
  manifestlyExcessive: true,
} as const satisfies Record<RefusalGround, true>);

export const PAUSE_REASONS = keysOf({
  identityDocuments: true,
  correction: true,
} as const satisfies Record<PauseReason, true>);

export const RECEIPT_CHANNELS = keysOf({
  counter: true,
  post: true,
  email: true,
  web: true,
  phone: true,
} as const satisfies Record<ReceiptChannel, true>);

export const AGENT_KINDS = keysOf({
  none: true,
  legalRepresentative: true,
  attorney: true,
  other: true,
} as const satisfies Record<AgentKind, true>);

export const RESPONSE_METHODS = keysOf({
  writing: true,
  electronic: true,
  inspection: true,
  copyDelivery: true,
  oral: true,
} as const satisfies Record<ResponseMethod, true>);

export const DEADLINE_STATES = keysOf({
  pending: true,
  met: true,
  overdue: true,
  informational: true,
} as const satisfies Record<DeadlineState, true>);

export const DEADLINE_RULES = keysOf({
  publicDecision: true,
  publicDecisionExtended: true,
  publicLargeVolumeNotice: true,
  publicLargeVolumePart: true,
  publicLargeVolumeRemainder: true,
  publicFilingLimit: true,
  privateTarget: true,
  privateLitigationLine: true,
  gdprResponse: true,
  gdprResponseExtended: true,
  appiPreliminaryReport: true,
  appiFinalReport: true,
  appiFinalReportWrongfulPurpose: true,
  gdprBreachNotification: true,
} as const satisfies Record<DeadlineRule, true>);

export const DEADLINE_KINDS = keysOf({
  statutory: true,
  target: true,
  warning: true,
} as const satisfies Record<DeadlineKind, true>);

export const AGENDA_KINDS = keysOf({
  request: true,
  complaint: true,
  incident: true,
  annualReview: true,
  riskAssessment: true,
  supervisionCheck: true,
  transferCheck: true,
  disposal: true,
  provisionRecordEnd: true,
  training: true,
  audit: true,
  correctiveAction: true,
} as const satisfies Record<AgendaKind, true>);

/** Request intake fields; each has a label `request.field.<name>`. */
export const REQUEST_FIELDS = keysOf({
  reference: true,
  requestType: true,
  receivedOn: true,
  channel: true,
  requesterName: true,
  requesterContact: true,
  agent: true,
  agentName: true,
  description: true,
  holdingIds: true,
  requestedMethod: true,
  feeYen: true,
  notes: true,
} as const satisfies Record<keyof RequestInput, true>);

/** Complaint intake fields; each has a label `complaint.field.<name>`. */
export const COMPLAINT_FIELDS = keysOf({
  reference: true,
  receivedOn: true,
  channel: true,
  complainant: true,
  complainantContact: true,
  subject: true,
  description: true,
  holdingIds: true,
} as const satisfies Record<keyof ComplaintInput, true>);

export const PROVISION_DIRECTIONS = keysOf({
  provided: true,
  received: true,
} as const satisfies Record<ProvisionDirection, true>);

/** The seed registers the first-run screen offers, the default (004) first. */
export const SEEDS = keysOf({
  healthInsurance: true,
  quarantine: true,
  ministryWebsite: true,
} as const satisfies Record<Seed, true>);

export const PROVISION_BASES = keysOf({
  consent: true,
  optOut: true,
  foreignProvision: true,
  statutoryException: true,
  publicBody: true,
  publicBodyForeign: true,
} as const satisfies Record<ProvisionBasis, true>);

/** The bases of a public body (APPI art. 69, art. 71 abroad); the others are a private operator's. */
export const PUBLIC_BODY_BASES: readonly ProvisionBasis[] = ['publicBody', 'publicBodyForeign'];

export const PUBLIC_GROUNDS = keysOf({
  withinPurpose: true,
  lawsAndRegulations: true,
  consentOrPerson: true,
  internalUse: true,
  otherPublicBody: true,
  statisticsOrResearch: true,
  specialGrounds: true,
} as const satisfies Record<PublicGround, true>);

export const STATUTORY_EXCEPTIONS = keysOf({
  lawsAndRegulations: true,
  lifeBodyProperty: true,
  publicHealth: true,
  publicBodyCooperation: true,
  academicPublication: true,
  academicProvider: true,
  academicRecipient: true,
} as const satisfies Record<StatutoryException, true>);

export const PROVISION_INFORMATION = keysOf({
  personalData: true,
  personalRelated: true,
} as const satisfies Record<ProvisionInformation, true>);

export const RECORDING_METHODS = keysOf({
  individual: true,
  bulk: true,
  contractSubstitute: true,
} as const satisfies Record<RecordingMethod, true>);

export const MEASURE_HEADINGS = keysOf({
  basicPolicy: true,
  handlingRules: true,
  organisational: true,
  personnel: true,
  physical: true,
  technical: true,
  externalEnvironment: true,
} as const satisfies Record<MeasureHeading, true>);

export const DISPOSAL_MEDIA = keysOf({
  paper: true,
  electronicData: true,
  storageDevice: true,
  removableMedia: true,
  other: true,
} as const satisfies Record<DisposalMedium, true>);

export const FINDING_SECTIONS = keysOf({
  holding: true,
  provisionRecord: true,
  objection: true,
  subcontractor: true,
  jointUse: true,
  transfer: true,
  pseudonymisedInformation: true,
  anonymisedInformation: true,
} as const satisfies Record<FindingSection, true>);

export const FINDING_RULES = keysOf({
  noRetentionRule: true,
  noDisposalMethod: true,
  noAccessHolders: true,
  noManager: true,
  reviewOverdue: true,
  dueForDisposal: true,
  provisionPastRetention: true,
  objectionNotApplied: true,
  subcontractorWithoutConsent: true,
  supervisionOverdue: true,
  foreignSubcontractorWithoutTransfer: true,
  jointUseMissingItem: true,
  transferCheckOverdue: true,
  pseudonymisedPurposesUnpublished: true,
  anonymisedItemsUnpublished: true,
} as const satisfies Record<FindingRule, true>);

export const ANSWER_METHODS = keysOf({
  electronicRecord: true,
  paper: true,
  inPerson: true,
} as const satisfies Record<AnswerMethod, true>);

// Labels. The template-literal keys are checked against the catalogue's key type, so a value
// without a label is a type error as well as a test failure.
export const label = {
  regime: (v: Regime) => t(`enum.regime.${v}`),
  answerMethod: (v: AnswerMethod) => t(`enum.answerMethod.${v}`),
  regimeHint: (v: Regime) => t(`enum.regimeHint.${v}`),
  acquisitionMethod: (v: AcquisitionMethod) => t(`enum.acquisitionMethod.${v}`),
  purposeNotice: (v: PurposeNotice) => t(`enum.purposeNotice.${v}`),
  consent: (v: Consent) => t(`enum.consent.${v}`),
  medium: (v: Medium) => t(`enum.medium.${v}`),
  retentionTrigger: (v: RetentionTrigger) => t(`enum.retentionTrigger.${v}`),
  disposalMethod: (v: DisposalMethod) => t(`enum.disposalMethod.${v}`),
  withheldItem: (v: WithheldItem) => t(`enum.withheldItem.${v}`),
  numberAffairKind: (v: NumberAffairKind) => t(`enum.numberAffairKind.${v}`),
  numberMaskingMethod: (v: NumberMaskingMethod) => t(`enum.numberMaskingMethod.${v}`),
  auditAction: (v: AuditAction) => t(`enum.auditAction.${v}`),
  entity: (v: Entity) => t(`enum.entity.${v}`),
  errorKind: (v: ErrorKind) => t(`enum.errorKind.${v}`),
  errorCode: (v: FieldErrorCode, limit: number | null) =>
    t(`error.code.${v}`, { limit: limit ?? '' }),
  language: (v: Language) => t(`lang.${v}`),
  requestType: (v: RequestType) => t(`enum.requestType.${v}`),
  requestTrack: (v: RequestTrack) => t(`enum.requestTrack.${v}`),
  requestStatus: (v: RequestStatus) => t(`enum.requestStatus.${v}`),
  requestEventKind: (v: RequestEventKind) => t(`enum.requestEventKind.${v}`),
  decisionOutcome: (v: DecisionOutcome) => t(`enum.decisionOutcome.${v}`),
  refusalGround: (v: RefusalGround) => t(`enum.refusalGround.${v}`),
  pauseReason: (v: PauseReason) => t(`enum.pauseReason.${v}`),
  receiptChannel: (v: ReceiptChannel) => t(`enum.receiptChannel.${v}`),
  agentKind: (v: AgentKind) => t(`enum.agentKind.${v}`),
  responseMethod: (v: ResponseMethod) => t(`enum.responseMethod.${v}`),
  deadlineState: (v: DeadlineState) => t(`enum.deadlineState.${v}`),
  deadlineRule: (v: DeadlineRule) => t(`enum.deadlineRule.${v}`),
  deadlineKind: (v: DeadlineKind) => t(`enum.deadlineKind.${v}`),
  agendaKind: (v: AgendaKind) => t(`enum.agendaKind.${v}`),
  provisionDirection: (v: ProvisionDirection) => t(`enum.provisionDirection.${v}`),
  provisionBasis: (v: ProvisionBasis) => t(`enum.provisionBasis.${v}`),
  statutoryException: (v: StatutoryException) => t(`enum.statutoryException.${v}`),
  publicGround: (v: PublicGround) => t(`enum.publicGround.${v}`),
  seed: (v: Seed) => t(`enum.seed.${v}`),
  recordingMethod: (v: RecordingMethod) => t(`enum.recordingMethod.${v}`),
  provisionInformation: (v: ProvisionInformation) => t(`enum.provisionInformation.${v}`),
  retentionRule: (v: ProvisionRetentionRule) => t(`enum.retentionRule.${v}`),
  measureHeading: (v: MeasureHeading) => t(`enum.measureHeading.${v}`),
  disposalMedium: (v: DisposalMedium) => t(`enum.disposalMedium.${v}`),
  findingSection: (v: FindingSection) => t(`enum.findingSection.${v}`),
  documentKind: (v: DocumentKind) => t(`enum.documentKind.${v}`),
};

export const DOCUMENT_KINDS = keysOf({
  ledger: true,
  fileRegister: true,
  announcement: true,
  requestLog: true,
  complaintLog: true,
  decisionNotice: true,
  ropa: true,
  provisionRecords: true,
  receiptRecords: true,
  provisionExtract: true,
  jointUseNotice: true,
  subcontractorRegister: true,
  disposalLog: true,
  objectionLog: true,
  recipientList: true,
  breachReport: true,
  breachNotice: true,
  riskAssessments: true,
  trainingRecord: true,
  auditReport: true,
  correctiveActions: true,
  reviewMinutes: true,
} as const satisfies Record<DocumentKind, true>);

/** Narrows an unknown string to a member of one of the lists above. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

// Subcontractors, joint uses and cross-border transfers.
import type { ApprovalForm } from '../bindings/ApprovalForm';
import type { ChangeNotice } from '../bindings/ChangeNotice';
import type { MeasuresBasis } from '../bindings/MeasuresBasis';
import type { PublicationMethod } from '../bindings/PublicationMethod';
import type { SharingRule } from '../bindings/SharingRule';
import type { StatutoryItem } from '../bindings/StatutoryItem';
import type { SubcontractorClass } from '../bindings/SubcontractorClass';
import type { SupervisionMethod } from '../bindings/SupervisionMethod';
import type { TransferBasis } from '../bindings/TransferBasis';

export const SUBCONTRACTOR_CLASSES = keysOf({
  systemVendor: true,
  cloudProvider: true,
  consultancy: true,
  securityCompany: true,
  checkupProvider: true,
  translator: true,
  printMail: true,
  disposalCompany: true,
  callCentre: true,
  nonprofit: true,
  other: true,
} as const satisfies Record<SubcontractorClass, true>);

export const APPROVAL_FORMS = keysOf({
  writtenApproval: true,
  electronicApproval: true,
  contractClause: true,
  internalDecision: true,
  oral: true,
} as const satisfies Record<ApprovalForm, true>);

export const SUPERVISION_METHODS = keysOf({
  onSiteAudit: true,
  writtenReport: true,
  questionnaire: true,
  certificationCheck: true,
  indirectThroughParent: true,
  other: true,
} as const satisfies Record<SupervisionMethod, true>);

export const PUBLICATION_METHODS = keysOf({
  website: true,
  noticeToPersons: true,
  postedAtOffice: true,
  bulletin: true,
  other: true,
} as const satisfies Record<PublicationMethod, true>);

export const CHANGE_NOTICES = keysOf({
  notifyWithoutDelay: true,
  notifyInAdvance: true,
} as const satisfies Record<ChangeNotice, true>);

export const STATUTORY_ITEMS = keysOf({
  fact: true,
  items: true,
  usersRange: true,
  purposes: true,
  responsible: true,
} as const satisfies Record<StatutoryItem, true>);

export const TRANSFER_BASES = keysOf({
  consent: true,
  equivalentMeasures: true,
  adequacy: true,
  legalObligation: true,
  otherLaw: true,
} as const satisfies Record<TransferBasis, true>);

export const MEASURES_BASES = keysOf({
  contract: true,
  groupRules: true,
  cbpr: true,
} as const satisfies Record<MeasuresBasis, true>);

export const SHARING_RULES = keysOf({
  subcontractorWithoutConsent: true,
  supervisionOverdue: true,
  jointUseMissingItem: true,
  foreignSubcontractorWithoutTransfer: true,
  transferCheckOverdue: true,
} as const satisfies Record<SharingRule, true>);

export const sharingLabel = {
  subcontractorClass: (v: SubcontractorClass) => t(`enum.subcontractorClass.${v}`),
  approvalForm: (v: ApprovalForm) => t(`enum.approvalForm.${v}`),
  supervisionMethod: (v: SupervisionMethod) => t(`enum.supervisionMethod.${v}`),
  publicationMethod: (v: PublicationMethod) => t(`enum.publicationMethod.${v}`),
  changeNotice: (v: ChangeNotice) => t(`enum.changeNotice.${v}`),
  statutoryItem: (v: StatutoryItem) => t(`enum.statutoryItem.${v}`),
  transferBasis: (v: TransferBasis) => t(`enum.transferBasis.${v}`),
  measuresBasis: (v: MeasuresBasis) => t(`enum.measuresBasis.${v}`),
  sharingRule: (v: SharingRule) => t(`enum.sharingRule.${v}`),
  sharingRuleHint: (v: SharingRule) => t(`enum.sharingRuleHint.${v}`),
};

// ---- breach incidents ----------------------------------------------------------------------

export const INCIDENT_NATURES = keysOf({
  leakage: true,
  loss: true,
  damage: true,
} as const satisfies Record<IncidentNature, true>);

export const INCIDENT_CERTAINTIES = keysOf({
  actual: true,
  possible: true,
} as const satisfies Record<IncidentCertainty, true>);

export const SECONDARY_DAMAGES = keysOf({
  none: true,
  mayOccur: true,
  occurred: true,
} as const satisfies Record<SecondaryDamage, true>);

export const PERPETRATORS = keysOf({
  unknown: true,
  outsider: true,
  insider: true,
  subcontractor: true,
} as const satisfies Record<Perpetrator, true>);

export const FILING_PHASES = keysOf({
  preliminary: true,
  final: true,
  supplementary: true,
} as const satisfies Record<FilingPhase, true>);

export const FILING_LAWS = keysOf({
  appi: true,
  gdpr: true,
} as const satisfies Record<FilingLaw, true>);

export const FILING_CHANNELS = keysOf({
  webForm: true,
  email: true,
  post: true,
  inPerson: true,
  other: true,
} as const satisfies Record<FilingChannel, true>);

export const NOTICE_METHODS = keysOf({
  letter: true,
  email: true,
  phone: true,
  inPerson: true,
  publicAnnouncement: true,
  other: true,
} as const satisfies Record<NoticeMethod, true>);

export const INCIDENT_EVENT_KINDS = keysOf({
  recorded: true,
  updated: true,
  action: true,
  filed: true,
  personsNotified: true,
  closed: true,
} as const satisfies Record<IncidentEventKind, true>);

export const BREACH_LAWS = keysOf({
  appiPrivate: true,
  appiNationalOrgan: true,
  appiLocalGovernment: true,
  myNumber: true,
  gdpr: true,
} as const satisfies Record<BreachLaw, true>);

export const TRIAGE_RULES = keysOf({
  sensitive: true,
  financialDamage: true,
  wrongfulPurpose: true,
  personsOverThreshold: true,
  ordinanceSensitive: true,
  myNumberSystem: true,
  publiclyExposed: true,
  gdprRisk: true,
} as const satisfies Record<TriageRule, true>);

/** Incident form fields; each has a label `incident.field.<name>`. */
export const INCIDENT_FIELDS = keysOf({
  reference: true,
  title: true,
  awareAt: true,
  awareDepartment: true,
  occurredOn: true,
  nature: true,
  certainty: true,
  summary: true,
  holdingIds: true,
  items: true,
  persons: true,
  myNumberPersons: true,
  cause: true,
  secondaryDamage: true,
  secondaryDamageDetail: true,
  strongEncryption: true,
  encryptionDetail: true,
  financialDamageRisk: true,
  wrongfulPurpose: true,
  dataBeingAcquired: true,
  myNumberSystem: true,
  publiclyExposed: true,
  gdprRiskUnlikely: true,
  gdprRiskReason: true,
  perpetrator: true,
  entrustedParty: true,
  entrusteeId: true,
  entrusteeNotifiedOn: true,
  responsesToPersons: true,
  publicAnnouncement: true,
  prevention: true,
  other: true,
} as const satisfies Record<keyof IncidentInput, true>);

export const incidentLabel = {
  nature: (v: IncidentNature) => t(`incident.enum.nature.${v}`),
  certainty: (v: IncidentCertainty) => t(`incident.enum.certainty.${v}`),
  secondaryDamage: (v: SecondaryDamage) => t(`incident.enum.secondaryDamage.${v}`),
  perpetrator: (v: Perpetrator) => t(`incident.enum.perpetrator.${v}`),
  filingPhase: (v: FilingPhase) => t(`incident.enum.filingPhase.${v}`),
  filingLaw: (v: FilingLaw) => t(`incident.enum.filingLaw.${v}`),
  filingChannel: (v: FilingChannel) => t(`incident.enum.filingChannel.${v}`),
  noticeMethod: (v: NoticeMethod) => t(`incident.enum.noticeMethod.${v}`),
  eventKind: (v: IncidentEventKind) => t(`incident.enum.eventKind.${v}`),
  breachLaw: (v: BreachLaw) => t(`incident.enum.breachLaw.${v}`),
  triageRule: (v: TriageRule) => t(`incident.enum.triageRule.${v}`),
};
