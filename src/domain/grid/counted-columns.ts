// The grid columns whose sites per value the dashboards count and the imports keep counted (migration
// 0010): the status columns, INS started (seed 000's table per structure type), Ségur orders and VA signed
// (the evolution charts), the programme objectives reached and the ESMS numérique funding (the programme
// views). Typed columns are left out: their counts stay live (see the migration).
import { DERIVED, PROGRAMME_ATTAINMENTS } from '../observations/derived-indicators'
import { SEGUR_KINDS } from '../observations/indicators'
import { findGridColumn, GRID_COLUMNS, type GridColumn } from './columns'

const byKey = (key: string): GridColumn => {
  const column = findGridColumn(key)
  if (!column) throw new Error(`colonne absente de la grille : ${key}`)
  return column
}

export const COUNTED_COLUMNS: readonly GridColumn[] = [
  ...new Set([
    ...GRID_COLUMNS.filter((c) => c.statuses !== null),
    byKey(DERIVED.insStarted),
    ...SEGUR_KINDS.flatMap((kind) => [byKey(`segur.commande.${kind}`), byKey(`segur.va.${kind}`)]),
    ...PROGRAMME_ATTAINMENTS.map((a) => byKey(a.code)),
    byKey('esms.finance'),
  ]),
].filter((c) => c.entry !== 'manual')
