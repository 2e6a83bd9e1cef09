// HOPEN 2, phase 1 (2024–2025): 8 objectives, targets depending on the SUN-ES result. RULES §8, seed 004.
import type { ConditionalTarget, DateRange, ProgrammeVersion, Reference } from './types'
import { SEED_IFAQ_HOPEN2 } from './seeds'

export interface HopenIndicator {
  readonly id: string
  readonly label: string
  readonly target: ConditionalTarget
}

export interface HopenObjective {
  readonly id: string
  readonly label: string
  /** Indicators that must all reach their target (joint when several: LDL + ordonnance). */
  readonly indicators: readonly HopenIndicator[]
  /** SUN-ES indicator codes of the equivalent domain, or how the seed qualifies it. */
  readonly sunEsEquivalent: string
  /** Why the target may be lowered for an establishment (tolerances), null when it may not. */
  readonly adjustment: string | null
}

export interface HopenPhase {
  readonly programme: ProgrammeVersion
  readonly candidature: DateRange
  readonly instructionEnd: string
  readonly targetsMeasuredBefore: string
  /** Share paid when the candidature is validated (prerequisites met); the rest on targets. */
  readonly advancePercent: number
  readonly prerequisites: readonly { id: string; label: string }[]
  readonly objectives: readonly HopenObjective[]
  readonly reference: Reference
}

const same = (value: number): ConditionalTarget => ({ ifSunEsReached: value, otherwise: value })

export const HOPEN2_PHASE1: HopenPhase = {
  programme: { id: 'hopen2', version: 'phase-1', label: 'HOPEN 2 — phase 1' },
  candidature: { from: '2024-07-25', to: '2024-10-04' },
  instructionEnd: '2024-11-08',
  targetsMeasuredBefore: '2025-07-31',
  advancePercent: 30,
  prerequisites: [
    { id: 'P1.P1', label: 'Référent en identitovigilance' },
    { id: 'P1.P2', label: 'Charte d’identitovigilance actualisée depuis juin 2021' },
    { id: 'P1.P3', label: 'Procédure de création/modification des identités et de qualification de l’INS' },
    { id: 'P1.P4', label: 'Questionnaire de mise en œuvre de l’identitovigilance (niveau GHT)' },
  ],
  objectives: [
    {
      id: 'P1.O1',
      label: 'Qualification de l’INS',
      indicators: [{ id: 'ins', label: 'Patients de la file active avec INS qualifiée', target: same(80) }],
      sunEsEquivalent: 'nouvel objectif',
      adjustment: 'tolérances INS (asymétrie de la base, soins non programmés, bassin de population, multisite)',
    },
    {
      id: 'P1.O2',
      label: 'Documents de sortie dans Mon espace santé',
      indicators: [
        { id: 'ldl', label: 'Séjours clôturés avec LDL alimentée', target: { ifSunEsReached: 70, otherwise: 55 } },
        {
          id: 'ordonnance',
          label: 'Séjours clôturés avec ordonnance de sortie alimentée',
          target: { ifSunEsReached: 65, otherwise: 50 },
        },
      ],
      sunEsEquivalent: 'DS1.1 / DS1.2',
      adjustment: null,
    },
    {
      id: 'P1.O3',
      label: 'Comptes rendus opératoires',
      indicators: [{ id: 'cro', label: 'Séjours clôturés avec CRO alimenté', target: { ifSunEsReached: 70, otherwise: 55 } }],
      sunEsEquivalent: 'DS1.3',
      adjustment: null,
    },
    {
      id: 'P1.O4',
      label: 'Comptes rendus de consultation',
      indicators: [{ id: 'consultation', label: 'CR de consultation (actes ACE) alimentés', target: same(50) }],
      sunEsEquivalent: 'nouvel objectif',
      adjustment: null,
    },
    {
      id: 'P1.O5',
      label: 'Comptes rendus de biologie',
      indicators: [{ id: 'bio', label: 'CR de biologie (CDA R2 N3 ou N1) alimentés', target: { ifSunEsReached: 65, otherwise: 50 } }],
      sunEsEquivalent: 'DS2.1',
      adjustment: null,
    },
    {
      id: 'P1.O6',
      label: 'Comptes rendus d’imagerie',
      indicators: [{ id: 'imagerie', label: 'CR d’imagerie alimentés', target: { ifSunEsReached: 60, otherwise: 45 } }],
      sunEsEquivalent: 'DS3.1',
      adjustment: null,
    },
    {
      id: 'P1.O7',
      label: 'MSSanté professionnelle',
      indicators: [
        {
          id: 'mss-pro',
          label: 'Patients dont au moins un document a été envoyé à un correspondant',
          target: { ifSunEsReached: 70, otherwise: 50 },
        },
      ],
      sunEsEquivalent: 'changement d’indicateur',
      adjustment: 'taux d’équipement MSSanté de la région',
    },
    {
      id: 'P1.O8',
      label: 'Messagerie citoyenne de Mon espace santé',
      indicators: [
        {
          id: 'mss-citizen',
          label: 'Patients d’un parcours éligible ayant reçu un message',
          target: { ifSunEsReached: 70, otherwise: 50 },
        },
      ],
      sunEsEquivalent: 'changement d’indicateur',
      adjustment: null,
    },
  ],
  reference: { rules: 'RULES.md §8', seed: SEED_IFAQ_HOPEN2 },
}
