// Every programme version the engine knows. A new version is a new data file plus one line here.
import type { HopenPhase } from './hopen2-phase1'
import type { IfaqYear } from './ifaq-num'
import { HOPEN2_PHASE1 } from './hopen2-phase1'
import { IFAQ_NUM_2022 } from './ifaq-num-2022'
import { IFAQ_NUM_2023 } from './ifaq-num-2023'
import { IFAQ_NUM_2024 } from './ifaq-num-2024'

export const HOPEN2_PHASES: readonly HopenPhase[] = [HOPEN2_PHASE1]

export const IFAQ_YEARS: readonly IfaqYear[] = [IFAQ_NUM_2022, IFAQ_NUM_2023, IFAQ_NUM_2024]

export { ACTIVITE_COMBINEE_2019 } from './activite-combinee-2019'
export { SONS_2021 } from './sons-2021'
export { RIS_2021 } from './ris-2021'
export { SUN_ES_VOLET1 } from './sun-es-volet1'
export { DEPLOYMENT_THRESHOLDS } from './deployment-thresholds'
