// IFAQ 2022 digital indicator targets. RULES §9, seed 004.
import { IFAQ_NUM_REFERENCE, ifaqProgramme, type IfaqYear } from './ifaq-num'

export const IFAQ_NUM_2022: IfaqYear = {
  programme: ifaqProgramme(2022),
  year: 2022,
  targets: {
    NUM1: { value: 20, stated: true, note: '« augmentée de 20 % à 50 % » en 2024' },
    NUM2: { value: 50, stated: false, note: 'cible non publiée pour 2022 : 50 % par défaut (paramétrable)' },
  },
  reference: IFAQ_NUM_REFERENCE,
}
