// How the establishment's history reads: a point by its column (status label, oui / non, number with its
// unit and, for a rate, its fraction), money from exact decimal text without going through a float, and
// where a value comes from in words.
import type { HistoryColumn, HistoryPoint } from '../../domain/contract/structure-history'
import type { ValueKind } from '../../domain/observations/indicators'
import { FINESS_LEVEL_LABELS, type FinessLevel } from '../../domain/observations/observation'
import { NOT_GIVEN } from '../format'
import { formatValue } from '../tracking/cell-format'

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })

type Column = Pick<HistoryColumn, 'kind' | 'unit' | 'statuses'>

export function pointText(column: Column, point: HistoryPoint | null | undefined): string {
  if (!point) return NOT_GIVEN
  const text = formatValue({ ...column, kind: column.kind as ValueKind }, point.value)
  const fraction =
    point.numerator !== null && point.denominator !== null
      ? ` (${NUMBER.format(Number(point.numerator))} / ${NUMBER.format(Number(point.denominator))})`
      : ''
  return `${text}${fraction}`
}

/** The number a chart draws; null for a month without a readable number. */
export function chartValue(point: HistoryPoint | undefined): number | null {
  if (!point?.value) return null
  const value = Number(point.value)
  return Number.isFinite(value) ? value : null
}

/** Exact decimal text ("24281.45") as French euros ("24 281,45 €"), digit by digit. */
export function formatEuros(amount: string | null): string {
  if (amount === null) return NOT_GIVEN
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount)
  if (!match) return amount
  const [, sign = '', integer = '0', fraction] = match
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')
  return `${sign ? '−' : ''}${grouped}${fraction ? `,${fraction}` : ''}\u00a0€`
}

/** "59,22 %" from "59.22"; "—" when absent. */
export function formatRate(rate: string | null): string {
  if (rate === null) return NOT_GIVEN
  const value = Number(rate)
  return Number.isFinite(value) ? `${NUMBER.format(value)}\u00a0%` : rate
}

const SOURCES: Readonly<Record<string, string>> = {
  jalon: 'calculé par Jalon',
  saisie: 'saisi dans Jalon',
  'suivi-segur': 'fichier de suivi régional',
}

/** "EJ 240000059 · insi": where a value was reported and which file or rule gave it. */
export function originText(point: HistoryPoint): string {
  const level = FINESS_LEVEL_LABELS[point.level as FinessLevel] ?? point.level
  return `${level} ${point.finess} · ${SOURCES[point.source] ?? `fichier ${point.source}`}`
}
