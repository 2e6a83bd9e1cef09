// Why a structure has the FINESS PMSI it has (RULES §1): the EJ for a public health establishment, the ET for
// a private one, sanitaire sector only; a manual override wins.
import type { StructureDetail } from '../../domain/contract/structures'
import { isPublicHospital } from '../../domain/finess'

export const PMSI_RULE =
  'Le FINESS PMSI est le FINESS EJ pour un établissement public de santé et le FINESS ET pour un établissement privé ; il ne concerne que le secteur sanitaire.'

export function pmsiBasis(structure: StructureDetail): string {
  if (structure.pmsi.override) {
    return `Saisi manuellement, à la place de la règle (qui donnerait ${structure.pmsi.computed ?? 'aucun numéro'}).`
  }
  if (!structure.finessPmsi) return 'Sans objet : établissement hors secteur sanitaire.'
  return isPublicHospital(structure.sph.code)
    ? 'FINESS EJ, car établissement public de santé.'
    : 'FINESS ET, car établissement privé.'
}
