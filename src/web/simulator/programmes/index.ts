// The programmes the simulator offers, in the order of the page.
import type { Programme } from '../fields'
import { ACTIVITE } from './activite'
import { HOPEN2 } from './hopen2'
import { IFAQ } from './ifaq'
import { SONS } from './sons'
import { SUN_ES } from './sun-es'

export const PROGRAMMES: readonly Programme[] = [ACTIVITE, SONS, SUN_ES, HOPEN2, IFAQ]

export const DEFAULT_PROGRAMME: Programme = ACTIVITE

export function programmeById(id: string | null | undefined): Programme | undefined {
  return PROGRAMMES.find((p) => p.id === id)
}
