// SUN-ES volet 1 (DMP feeding) with the volet 2 forfait. RULES §7, seeds 000 and 003.
import type { AffineBareme, BracketScale, DateRange, ProgrammeVersion, Reference } from './types'
import { ACTIVITE_COMBINEE_2019 } from './activite-combinee-2019'
import { SEED_SEGUR_HOSPITAL, SEED_SUN_ES_WINDOW_1 } from './seeds'

export type SunEsIndicator = 'ldl' | 'ordonnance' | 'cro' | 'bio' | 'imagerie' | 'insRecovery'
export type SunEsDomainId = 'D1' | 'D2' | 'D3' | 'V2'
export type SunEsPrerequisite =
  | 'identityVigilanceCell'
  | 'rniv'
  | 'securityPolicy'
  | 'cyberAudit'
  | 'dmpCapability'
  | 'mssanteMessaging'

export interface SunEsWindow {
  readonly number: number
  readonly candidature: DateRange
  readonly measurement: DateRange & { readonly label: string }
  /** Percentage of the forfait paid for a domain reached in this window. */
  readonly degressivity: number
  readonly targets: Readonly<Record<SunEsIndicator, number>>
}

export interface SunEsDomain {
  readonly id: SunEsDomainId
  readonly label: string
  /** Indicators that must all reach their target (joint), empty when the sources give none. */
  readonly indicators: readonly SunEsIndicator[]
  readonly bonus: SunEsIndicator | null
  /** Input that must be true for the domain to be open to the establishment (own lab, own imaging). */
  readonly eligibility: 'ownLaboratory' | 'ownImaging' | null
  /** Whether the windows' targets and degressivity apply (volet 1) or are unpublished (volet 2). */
  readonly volet: 1 | 2
  readonly forfaits: AffineBareme
  readonly envelope: number
}

export interface SunEsVersion {
  readonly programme: ProgrammeVersion
  readonly scale: BracketScale
  readonly indicators: Readonly<Record<SunEsIndicator, { code: string | null; label: string }>>
  readonly windows: readonly SunEsWindow[]
  readonly domains: readonly SunEsDomain[]
  /** The seed's "TOTAL USAGE" column: not used to compute, checked against the sum of the domains. */
  readonly totalForfaits: AffineBareme
  readonly prerequisites: readonly { id: SunEsPrerequisite; label: string }[]
  readonly reference: Reference
}

const reference: Reference = { rules: 'RULES.md §7', seed: `${SEED_SUN_ES_WINDOW_1}, ${SEED_SEGUR_HOSPITAL}` }

export const SUN_ES_VOLET1: SunEsVersion = {
  programme: { id: 'sun-es', version: 'volet-1', label: 'SUN-ES volet 1 (alimentation du DMP)' },
  scale: ACTIVITE_COMBINEE_2019.scale,
  indicators: {
    ldl: { code: 'DS1.1', label: 'Lettre de liaison (LDL)' },
    ordonnance: { code: 'DS1.2', label: 'Ordonnance de sortie' },
    cro: { code: 'DS1.3', label: 'Compte rendu opératoire (CRO, bonus)' },
    bio: { code: 'DS2.1', label: 'CR de biologie (CDA R2 niveau 3)' },
    imagerie: { code: 'DS3.1', label: 'CR d’imagerie' },
    // No published numerator: a gate the caller may switch off (RULES §7).
    insRecovery: { code: null, label: 'Récupération INS' },
  },
  windows: [
    {
      number: 1,
      candidature: { from: '2021-09-01', to: '2021-10-31' },
      // Seed 000: "du 1er au 30 juin 2022", within S1 2022.
      measurement: { from: '2022-06-01', to: '2022-06-30', label: 'S1 2022' },
      degressivity: 100,
      targets: { ldl: 49, ordonnance: 40, cro: 49, bio: 45, imagerie: 45, insRecovery: 50 },
    },
    {
      number: 2,
      candidature: { from: '2022-03-01', to: '2022-04-30' },
      measurement: { from: '2022-07-01', to: '2022-12-31', label: 'S2 2022' },
      degressivity: 90,
      targets: { ldl: 59, ordonnance: 48, cro: 59, bio: 54, imagerie: 54, insRecovery: 60 },
    },
    {
      number: 3,
      candidature: { from: '2022-09-01', to: '2022-10-31' },
      measurement: { from: '2023-01-01', to: '2023-06-30', label: 'S1 2023' },
      degressivity: 85,
      targets: { ldl: 64, ordonnance: 59, cro: 64, bio: 59, imagerie: 59, insRecovery: 65 },
    },
    {
      number: 4,
      candidature: { from: '2023-03-01', to: '2023-04-30' },
      measurement: { from: '2023-07-01', to: '2023-12-31', label: 'S2 2023' },
      degressivity: 80,
      targets: { ldl: 69, ordonnance: 63, cro: 69, bio: 63, imagerie: 63, insRecovery: 70 },
    },
  ],
  domains: [
    {
      id: 'D1',
      label: 'Domaine 1 — documents de sortie',
      indicators: ['ldl', 'ordonnance'],
      bonus: 'cro',
      eligibility: null,
      volet: 1,
      forfaits: {
        A: { min: 18_000, max: 24_000 },
        B: { min: 24_000, max: 48_000 },
        C: { min: 48_000, max: 150_000 },
        D: { min: 150_000, max: 320_000 },
      },
      envelope: 123_000_000,
    },
    {
      id: 'D2',
      label: 'Domaine 2 — biologie',
      indicators: ['bio'],
      bonus: null,
      eligibility: 'ownLaboratory',
      volet: 1,
      forfaits: {
        A: { min: 6_500, max: 13_000 },
        B: { min: 13_000, max: 26_000 },
        C: { min: 26_000, max: 52_000 },
        D: { min: 52_000, max: 80_000 },
      },
      envelope: 11_000_000,
    },
    {
      id: 'D3',
      label: 'Domaine 3 — imagerie',
      indicators: ['imagerie'],
      bonus: null,
      eligibility: 'ownImaging',
      volet: 1,
      forfaits: {
        A: { min: 6_500, max: 13_000 },
        B: { min: 13_000, max: 26_000 },
        C: { min: 26_000, max: 52_000 },
        D: { min: 52_000, max: 80_000 },
      },
      envelope: 24_000_000,
    },
    {
      id: 'V2',
      label: 'Volet 2 — MSSanté professionnelle et citoyenne',
      indicators: [],
      bonus: null,
      eligibility: null,
      volet: 2,
      forfaits: {
        A: { min: 7_390, max: 9_854 },
        B: { min: 9_854, max: 19_707 },
        C: { min: 19_707, max: 61_585 },
        D: { min: 61_585, max: 131_382 },
      },
      envelope: 52_000_000,
    },
  ],
  totalForfaits: {
    A: { min: 38_390, max: 59_854 },
    B: { min: 59_854, max: 119_707 },
    C: { min: 119_707, max: 315_585 },
    D: { min: 315_585, max: 611_382 },
  },
  prerequisites: [
    { id: 'identityVigilanceCell', label: 'Cellule d’identitovigilance opérationnelle' },
    { id: 'rniv', label: 'Appropriation du RNIV 1 et 2' },
    { id: 'securityPolicy', label: 'Politique de sécurité, plan d’action SSI et responsable sécurité' },
    { id: 'cyberAudit', label: 'Audit externe de cybersurveillance (fenêtre 1 : bon de commande admis)' },
    { id: 'dmpCapability', label: 'SIH capable d’alimenter le DMP' },
    { id: 'mssanteMessaging', label: 'Messagerie opérationnelle dans l’espace de confiance MSSanté' },
  ],
  reference,
}
