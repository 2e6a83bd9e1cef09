// Month-to-month evolution of the counts people follow: this month minus the previous one, exactly, in
// decimal text. A missing month is never read as zero: the evolution is then null and the text says why.
import { exact, sub, toPlain } from '../programmes/exact'
import { num } from '../programmes/format-fr'
import { countOf, hasAny, isDecimal, valueAt, type StructureHistory } from './derive-history'
import { type DeriveConfig, type DerivedResult, derived } from './derive-result'
import { EVOLUTION_SOURCES, evolutionCode } from './derived-indicators'
import { findIndicator } from './indicators'
import { type Period, periodLabel, previousPeriod } from './period'

const SOURCES = EVOLUTION_SOURCES.map((source) => ({
  source,
  code: evolutionCode(source),
  unit: findIndicator(source)?.unit ?? '',
}))

/** `derive.evolution.<count>` for each followed count the structure has months of. */
export function deriveEvolutions(
  history: StructureHistory,
  asOf: Period,
  config: DeriveConfig,
  out: DerivedResult[],
): void {
  let previous: Period | null = null
  for (const { source, code, unit } of SOURCES) {
    const series = history.series.get(source)
    if (!hasAny(series, asOf)) continue
    previous ??= previousPeriod(asOf)
    const now = valueAt(series, asOf)?.number ?? null
    const before = valueAt(series, previous)?.number ?? null
    if (!isDecimal(now) || !isDecimal(before)) {
      const text = config.explain ? unknown(asOf, previous, now, before, unit) : ''
      out.push(derived(code, null, null, text))
      continue
    }
    const difference = differenceOf(now, before)
    let text = ''
    if (config.explain) {
      const sign = difference.startsWith('-') || difference === '0' ? '' : '+'
      text = `${num(exact(now))} ${unit} en ${periodLabel(asOf)} contre ${num(exact(before))} en ${periodLabel(previous)} : évolution de ${sign}${num(exact(difference))} ${unit}.`
    }
    out.push(derived(code, difference, null, text))
  }
}

/** now − before in exact decimal text; whole counts (the usual case) without BigInt. */
function differenceOf(now: string, before: string): string {
  const a = countOf(now)
  const b = countOf(before)
  if (a !== null && b !== null) return String(a - b)
  return toPlain(sub(exact(now), exact(before)), Math.max(decimals(now), decimals(before)))
}

function decimals(text: string): number {
  const dot = text.indexOf('.')
  return dot < 0 ? 0 : text.length - dot - 1
}

function unknown(
  asOf: Period,
  previous: Period,
  now: string | null,
  before: string | null,
  unit: string,
): string {
  const gaps = [isDecimal(now) ? null : periodLabel(asOf), isDecimal(before) ? null : periodLabel(previous)]
    .filter((p) => p !== null)
    .join(' ni pour ')
  const shown = isDecimal(now) ? `${num(exact(now))} ${unit} en ${periodLabel(asOf)} ; ` : ''
  return `${shown}pas de donnée pour ${gaps} : évolution non calculée (un mois manquant n’est pas compté comme zéro).`
}
