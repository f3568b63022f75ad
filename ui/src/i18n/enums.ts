// Every enum value of the generated bindings, listed explicitly. Each record is checked with
// `satisfies Record<Enum, true>`: a variant added in Rust (and so in the bindings) is a missing
// key here and fails the build; a removed one is an excess key and fails it too.
import type { AcquisitionMethod } from '../bindings/AcquisitionMethod';
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
import { t } from './i18n.svelte';

function keysOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

export const REGIMES = keysOf({
  privateOperator: true,
  nationalOrgan: true,
  localGovernment: true,
  gdprController: true,
} as const satisfies Record<Regime, true>);

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
} as const satisfies Record<FieldErrorCode, true>);

export const LANGUAGE_CODES = keysOf({ ja: true, en: true } as const satisfies Record<Language, true>);

/** Top-level holding fields; each has a label `holding.field.<name>`. */
export const HOLDING_FIELDS = keysOf({
  ledgerNo: true,
  name: true,
  department: true,
  businessProcess: true,
  manager: true,
  dataItems: true,
  personsRecorded: true,
  approxCount: true,
  acquisitionMethod: true,
  acquisitionSources: true,
  purposes: true,
  purposeNotice: true,
  consent: true,
  consentNote: true,
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
} as const satisfies Record<keyof OrganisationInput, true>);

// Labels. The template-literal keys are checked against the catalogue's key type, so a value
// without a label is a type error as well as a test failure.
export const label = {
  regime: (v: Regime) => t(`enum.regime.${v}`),
  regimeHint: (v: Regime) => t(`enum.regimeHint.${v}`),
  acquisitionMethod: (v: AcquisitionMethod) => t(`enum.acquisitionMethod.${v}`),
  purposeNotice: (v: PurposeNotice) => t(`enum.purposeNotice.${v}`),
  consent: (v: Consent) => t(`enum.consent.${v}`),
  medium: (v: Medium) => t(`enum.medium.${v}`),
  retentionTrigger: (v: RetentionTrigger) => t(`enum.retentionTrigger.${v}`),
  disposalMethod: (v: DisposalMethod) => t(`enum.disposalMethod.${v}`),
  withheldItem: (v: WithheldItem) => t(`enum.withheldItem.${v}`),
  auditAction: (v: AuditAction) => t(`enum.auditAction.${v}`),
  entity: (v: Entity) => t(`enum.entity.${v}`),
  errorKind: (v: ErrorKind) => t(`enum.errorKind.${v}`),
  errorCode: (v: FieldErrorCode, limit: number | null) =>
    t(`error.code.${v}`, { limit: limit ?? '' }),
  language: (v: Language) => t(`lang.${v}`),
};

/** Narrows an unknown string to a member of one of the lists above. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
