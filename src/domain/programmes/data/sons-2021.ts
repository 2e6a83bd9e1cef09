// SONS, State-paid Ségur software for hospitals, wave 1 (2021). RULES §6, seed 003.
import type { AffineBareme, BracketScale, ProgrammeVersion, Reference } from './types'
import { ACTIVITE_COMBINEE_2019 } from './activite-combinee-2019'
import { SEED_SEGUR_HOSPITAL } from './seeds'

export type SonsDsr = 'DPI' | 'RI' | 'PFI' | 'SGL' | 'LOINC' | 'RIS'
/** `ALL` is the seed's "somme des 3 fonctions logicielles" (DPI + RI + PFI), with its own barème. */
export type SonsBaremeKey = 'DPI' | 'RI' | 'PFI' | 'ALL'

/** Facts proved at the balance request (national statistics, VA, MOM): one per balance condition. */
export type BalanceEvidenceField =
  | 'vaSigned'
  | 'insDiffused'
  | 'insiCalled'
  | 'insReceivedFromRi'
  | 'documentsSentToPfi'
  | 'dmpReportsWithQualifiedIns'
  | 'mssReportsWithQualifiedIns'
  | 'documentsSentWithQualifiedIns'
  | 'catalogueTranscoded'
  | 'catalogueImported'

export interface BalanceCondition {
  readonly id: string
  readonly label: string
  readonly evidence: BalanceEvidenceField
  /** Counted evidence: at least this many; absent for yes/no evidence. */
  readonly minimum?: number
}

export interface SonsCalendar {
  /** Orders are eligible from this date (publication of the arrêté), null when the sources do not say. */
  readonly arrete: string | null
  readonly referencingEnd: string | null
  readonly financingRequestsClose: string | null
  readonly balanceRequestsClose: string | null
}

export interface SonsVersion {
  readonly programme: ProgrammeVersion
  readonly scale: BracketScale
  readonly baremes: Readonly<Record<SonsBaremeKey, { label: string; envelope: number; amounts: AffineBareme }>>
  readonly calendar: SonsCalendar
  readonly maxOrderDaysBeforeProofDeposit: number
  readonly advancePercent: number
  readonly balanceConditions: Readonly<Record<SonsDsr, readonly BalanceCondition[]>>
  readonly reference: Reference
}

const va: BalanceCondition = {
  id: 'va',
  label: 'Vérification d’aptitude (VA) signée par l’établissement',
  evidence: 'vaSigned',
}
const tenDocuments: BalanceCondition = {
  id: 'documents',
  label: 'Dix documents envoyés (directement ou via un tiers) avec INS qualifiée',
  evidence: 'documentsSentWithQualifiedIns',
  minimum: 10,
}

export const SONS_2021: SonsVersion = {
  programme: { id: 'sons', version: '2021-vague-1', label: 'SONS hôpital — vague 1 (2021)' },
  scale: ACTIVITE_COMBINEE_2019.scale,
  baremes: {
    DPI: {
      label: 'DPI (dossier patient informatisé)',
      envelope: 38_000_000,
      amounts: {
        A: { min: 5_500, max: 7_500 },
        B: { min: 7_500, max: 13_000 },
        C: { min: 13_000, max: 40_000 },
        D: { min: 40_000, max: 85_000 },
      },
    },
    RI: {
      label: 'RI (référentiel d’identités)',
      envelope: 30_000_000,
      amounts: {
        A: { min: 5_000, max: 6_500 },
        B: { min: 6_500, max: 11_500 },
        C: { min: 11_500, max: 25_000 },
        D: { min: 25_000, max: 43_000 },
      },
    },
    PFI: {
      label: 'PFI (plateforme d’intermédiation)',
      envelope: 25_000_000,
      amounts: {
        A: { min: 5_500, max: 6_500 },
        B: { min: 6_500, max: 8_000 },
        C: { min: 8_000, max: 20_000 },
        D: { min: 20_000, max: 38_000 },
      },
    },
    ALL: {
      label: 'les 3 fonctions (DPI + RI + PFI)',
      envelope: 93_000_000,
      amounts: {
        A: { min: 16_000, max: 20_500 },
        B: { min: 20_500, max: 32_500 },
        C: { min: 32_500, max: 85_000 },
        D: { min: 85_000, max: 166_000 },
      },
    },
  },
  // The seed's calendar is garbled; RULES §6 restates it. Balance requests: the hospital date.
  calendar: {
    arrete: '2021-08-11',
    referencingEnd: '2022-05-15',
    financingRequestsClose: '2022-07-15',
    balanceRequestsClose: '2022-12-31',
  },
  maxOrderDaysBeforeProofDeposit: 120,
  advancePercent: 30,
  balanceConditions: {
    RI: [
      va,
      { id: 'ins-diffused', label: 'INS diffusée dans le SIH', evidence: 'insDiffused' },
      { id: 'insi-called', label: 'Téléservice INSi interrogé (statistiques INSi)', evidence: 'insiCalled' },
    ],
    DPI: [
      va,
      { id: 'ins-from-ri', label: 'INS reçue depuis le référentiel d’identités', evidence: 'insReceivedFromRi' },
      { id: 'documents-to-pfi', label: 'Documents diffusés vers la PFI', evidence: 'documentsSentToPfi' },
    ],
    PFI: [
      va,
      {
        id: 'dmp-reports',
        label: 'Dix CR hospitaliers envoyés au DMP avec INS qualifiée',
        evidence: 'dmpReportsWithQualifiedIns',
        minimum: 10,
      },
      {
        id: 'mss-reports',
        label: 'Dix CR hospitaliers envoyés par MSSanté avec INS qualifiée',
        evidence: 'mssReportsWithQualifiedIns',
        minimum: 10,
      },
    ],
    SGL: [va, tenDocuments],
    RIS: [va, tenDocuments],
    LOINC: [
      va,
      { id: 'transcoded', label: 'Catalogue d’examens transcodé (LOINC)', evidence: 'catalogueTranscoded' },
      { id: 'imported', label: 'Catalogue transcodé importé et testé', evidence: 'catalogueImported' },
    ],
  },
  reference: { rules: 'RULES.md §6', seed: SEED_SEGUR_HOSPITAL },
}
