// Who fills a column, as the tracker's convention shows it (grey: national, yellow: région), said in words
// too so that colour is never the only cue; and the month a theme's data comes from.
import type { GridColumn } from '../../domain/grid/columns'
import { formatPeriod } from '../format'

export type ColumnMark = 'national' | 'regional' | 'establishment' | 'computed'

export const MARKS: Readonly<Record<ColumnMark, { word: string; title: string }>> = {
  national: { word: 'National', title: 'Colonne grise : fichiers nationaux (ANS, Cnam, CNSA…)' },
  regional: { word: 'Région', title: 'Colonne jaune : saisie par la région' },
  establishment: { word: 'Établissement', title: 'Déclaré par l’établissement' },
  computed: { word: 'Calculé', title: 'Calculé par Jalon à partir des fichiers nationaux' },
}

export function columnMark(column: Pick<GridColumn, 'owner' | 'entry'>): ColumnMark {
  return column.entry === 'computed' ? 'computed' : column.owner
}

/** "données de mars 2024", "données d’avril 2024", or "aucune donnée" before the theme's first file. */
export function themeMonthText(month: string | null | undefined): string {
  if (!month) return 'aucune donnée à ce point'
  const label = formatPeriod(month)
  return /^[aeiouéèêâîôûy]/i.test(label) ? `données d’${label}` : `données de ${label}`
}
