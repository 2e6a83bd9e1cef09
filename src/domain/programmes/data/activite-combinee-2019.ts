// Activité combinée (2019 activity of the FINESS PMSI, in MCO-day equivalents) and its categories A–D.
// RULES §5, seed 003.
import type { BracketScale, ProgrammeVersion, Reference } from './types'
import { SEED_SEGUR_HOSPITAL } from './seeds'

export interface ActiviteComponent {
  readonly field: ActiviteField
  readonly label: string
  /** Decimal string, read exactly. */
  readonly weight: string
}

export type ActiviteField =
  | 'mcoDays'
  | 'mcoSessions'
  | 'ambulatoryStays'
  | 'ssrDays'
  | 'psyDays'
  | 'hadDays'
  | 'usldDays'

export interface ActiviteCombineeVersion {
  readonly programme: ProgrammeVersion
  readonly components: readonly ActiviteComponent[]
  readonly scale: BracketScale
  readonly reference: Reference
}

const reference: Reference = { rules: 'RULES.md §5', seed: SEED_SEGUR_HOSPITAL }

export const ACTIVITE_COMBINEE_2019: ActiviteCombineeVersion = {
  programme: { id: 'activite-combinee', version: '2019', label: 'Activité combinée 2019' },
  components: [
    { field: 'mcoDays', label: 'journées MCO', weight: '1' },
    { field: 'mcoSessions', label: 'séances MCO', weight: '0.5' },
    // The seed does not say whether these stays are also counted in MCO days: kept separate, as it does.
    { field: 'ambulatoryStays', label: 'séjours de chirurgie ambulatoire', weight: '1.5' },
    { field: 'ssrDays', label: 'journées SSR', weight: '0.5' },
    { field: 'psyDays', label: 'journées PSY', weight: '0.5' },
    { field: 'hadDays', label: 'journées HAD', weight: '0.5' },
    { field: 'usldDays', label: 'journées USLD', weight: '0.5' },
  ],
  scale: {
    // The seed prints each bound in both neighbours; RULES §5 settles it: lower bound inclusive.
    brackets: [
      { code: 'A', from: 0, to: 7_000 },
      { code: 'B', from: 7_000, to: 22_500 },
      { code: 'C', from: 22_500, to: 230_000 },
      { code: 'D', from: 230_000, to: 1_600_000 },
    ],
    above: 'cap',
    reference: { ...reference, note: 'au-delà de 1 600 000, le montant reste au maximum de D (paramétrable)' },
  },
  reference,
}
