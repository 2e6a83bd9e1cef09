// Pieces shared by the presenters that turn an evaluation into its JSON-ready, self-explaining result.
import type { AffineRange } from '../data/types'
import { type Cents, type Exact, formatCents, toCents, toNumber } from '../exact'
import { eurosExact, num, percent } from '../format-fr'
import type { Position } from '../mechanisms/brackets'
import { type MeasuredRate, rateValue } from '../rules/common'
import type { CategoryResult, ExplanationStep, MoneyString, TargetResult } from '../types'

export const money = (cents: Cents | null): MoneyString | null => (cents === null ? null : formatCents(cents))

/** An intermediate amount for JSON: rounded to the cent for reading only; the computation kept it exact. */
export const moneyOf = (value: Exact | null): MoneyString | null =>
  value === null ? null : formatCents(toCents(value))

export const numberOf = (value: Exact | null): number | null => (value === null ? null : toNumber(value))

export function categoryOf(position: Position | null): CategoryResult | null {
  if (!position) return null
  const { code, from, to } = position.bracket
  return { code, from, to, capped: position.capped }
}

/** "Catégorie B (7 000 ≤ activité < 22 500)", with the convention of RULES §5. */
export function categoryStep(position: Position, activity: Exact, last: boolean): ExplanationStep {
  const { code, from, to } = position.bracket
  const detail = position.capped
    ? `au-delà de ${num(to)} : catégorie ${code}, montant maintenu au maximum de la tranche`
    : `${num(from)} ≤ activité ${last ? '≤' : '<'} ${num(to)} (borne basse incluse, borne haute exclue${last ? ' sauf pour la dernière' : ''})`
  return { label: 'Catégorie', value: code, detail: `activité ${num(activity)} : ${detail}` }
}

/** "7 500 + (13 000 − 7 500) × (15 000 − 7 000) / (22 500 − 7 000) = 10 338,709677… €" */
export function interpolationStep(
  label: string,
  range: AffineRange,
  position: Position,
  activity: Exact,
  value: Exact,
): ExplanationStep {
  const { from, to } = position.bracket
  const detail = position.capped
    ? `activité plafonnée à ${num(to)} : maximum de la tranche, ${num(range.max)} €`
    : `${num(range.min)} + (${num(range.max)} − ${num(range.min)}) × (${num(activity)} − ${num(from)}) / (${num(to)} − ${num(from)})`
  return { label, value: eurosExact(value), detail }
}

export function targetOf(
  indicator: string,
  code: string | null,
  label: string,
  target: number | null,
  measured: MeasuredRate | null,
  reached: boolean | null,
): TargetResult {
  return {
    indicator,
    code,
    label,
    target,
    rate: measured === null ? null : toNumber(rateValue(measured), 2),
    reached,
  }
}

export function rateText(measured: MeasuredRate | null): string {
  if (measured === null) return 'non mesuré'
  const shown = percent(toNumber(rateValue(measured), 2))
  return typeof measured === 'number'
    ? shown
    : `${shown} (${num(measured.numerator)} / ${num(measured.denominator)})`
}

/** Lists only what is not met or not given, so a complete candidature reads in one line. */
export function prerequisitesDetail(items: readonly { label: string; met: boolean | null }[]): string {
  const met = items.filter((p) => p.met === true).length
  const parts = [`${met} sur ${items.length} atteints`]
  const failed = items.filter((p) => p.met === false).map((p) => p.label)
  const unknown = items.filter((p) => p.met === null).map((p) => p.label)
  if (failed.length > 0) parts.push(`non atteints : ${failed.join(', ')}`)
  if (unknown.length > 0) parts.push(`non renseignés : ${unknown.join(', ')}`)
  return parts.join(' ; ')
}
