// How the commands address the provision, recipient, measure, disposal, consent matter,
// objection, pseudonymised and anonymised information sections. It lives beside the commands, and imports nothing, so that the commands need not
// reach up into the screens' section specs (which depend on app state, which reads the
// commands).

export type SectionKind =
  | 'provision'
  | 'recipients'
  | 'measures'
  | 'disposals'
  | 'consentMatters'
  | 'objections'
  | 'pseudonymised'
  | 'anonymised';
export const SECTION_KINDS: readonly SectionKind[] = [
  'provision',
  'recipients',
  'measures',
  'disposals',
  'consentMatters',
  'objections',
  'pseudonymised',
  'anonymised',
];

/** A record as the generic screens handle it: the input's fields plus id and version. */
export type Draft = Record<string, unknown>;
export type StoredRecord = Draft & { id: number; version: number };
