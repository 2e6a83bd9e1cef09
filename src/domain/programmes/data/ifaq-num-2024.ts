// IFAQ 2024 digital indicator targets. RULES §9, seed 004.
import { IFAQ_NUM_REFERENCE, ifaqProgramme, type IfaqYear } from './ifaq-num'

export const IFAQ_NUM_2024: IfaqYear = {
  programme: ifaqProgramme(2024),
  year: 2024,
  targets: {
    NUM1: { value: 50, stated: true, note: 'cible « augmentée de 20 % à 50 % »' },
    NUM2: { value: 50, stated: true },
  },
  reference: IFAQ_NUM_REFERENCE,
}
