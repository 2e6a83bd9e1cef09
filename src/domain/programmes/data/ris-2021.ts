// SONS radiology (RIS) wave 1: ceiling by annual exams of the software instance. RULES §6, seed 003.
import type { ProgrammeVersion, Reference } from './types'
import type { SonsCalendar } from './sons-2021'
import { SEED_SEGUR_HOSPITAL } from './seeds'

/** Inclusive integer bounds, as printed (`15 001 – 30 000`); `to: null` is the open last step (`960 001+`). */
export interface RisStep {
  readonly code: string
  readonly from: number
  readonly to: number | null
  readonly ttc: number
  readonly ht: number
}

export interface RisVersion {
  readonly programme: ProgrammeVersion
  readonly steps: readonly RisStep[]
  readonly calendar: SonsCalendar
  readonly maxOrderDaysBeforeProofDeposit: number
  readonly reference: Reference
}

export const RIS_2021: RisVersion = {
  programme: { id: 'sons-ris', version: '2021-vague-1', label: 'SONS radiologie (RIS) — vague 1' },
  steps: [
    { code: 'A', from: 1, to: 15_000, ttc: 4_500, ht: 3_750 },
    { code: 'B', from: 15_001, to: 30_000, ttc: 8_000, ht: 6_667 },
    { code: 'C', from: 30_001, to: 60_000, ttc: 12_620, ht: 10_517 },
    { code: 'D', from: 60_001, to: 120_000, ttc: 18_718, ht: 15_598 },
    { code: 'E', from: 120_001, to: 240_000, ttc: 26_768, ht: 22_307 },
    { code: 'F', from: 240_001, to: 480_000, ttc: 37_394, ht: 31_162 },
    { code: 'G', from: 480_001, to: 960_000, ttc: 51_420, ht: 42_850 },
    { code: 'H', from: 960_001, to: null, ttc: 69_935, ht: 58_279 },
  ],
  // The seed dates only the hospital wave; the radiology arrêté and deadlines are not in the sources.
  calendar: { arrete: null, referencingEnd: null, financingRequestsClose: null, balanceRequestsClose: null },
  // The 120-day rule is stated for every Ségur order, whatever the couloir.
  maxOrderDaysBeforeProofDeposit: 120,
  reference: { rules: 'RULES.md §6', seed: SEED_SEGUR_HOSPITAL },
}
