// Reading one cell of a monthly source file: counts, amounts, rates, yes/no, statuses and free text, as
// people and spreadsheets write them in France ("1 830", "47,5 %", "Oui", "Commande signée"). A value is
// read or refused with a reason; nothing is guessed.
import type { StatusValue } from '../../domain/observations/indicators'

export type CellReading<T> = { ok: true; value: T } | { ok: false; reason: string }

const ok = <T>(value: T): CellReading<T> => ({ ok: true, value })
const fail = <T>(reason: string): CellReading<T> => ({ ok: false, reason })

/** Words meaning "no value" in the national files: blank, "pas disponible", "NC", "-", "ND". */
const MISSING = new Set([
  '',
  '-',
  '--',
  'nc',
  'nd',
  'na',
  'n/a',
  'pas disponible',
  'non disponible',
  'non communique',
])

/** Lower case, no accents, single spaces, typographic apostrophes folded: to compare words and headers. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase()
}

export function isMissing(raw: string): boolean {
  return MISSING.has(fold(raw))
}

/**
 * A cell a spreadsheet would run as a formula (`=cmd|' /C calc'!A0`, `+…`, `@…`): refused as text, so that
 * it never reaches an export where Excel would execute it. A signed number is not a formula.
 */
export function looksLikeFormula(raw: string): boolean {
  const value = raw.trimStart()
  if (!/^[=+\-@\t\r]/.test(value)) return false
  return !/^[+-]\s*\d[\d\s.,]*%?$/.test(value)
}

/** Words compared folded and without spaces or punctuation: "Commande signée." = "commande-signee". */
const wordKey = (text: string): string => fold(text).replace(/[^a-z0-9]+/g, '')

/** Thousands grouped with points, unambiguous: "1.234.567" or "1.830,25" (a decimal comma follows). */
const POINT_GROUPED = /^-?\d{1,3}(\.\d{3}){2,}(,\d+)?$|^-?\d{1,3}\.\d{3},\d+$/
/** One group of three after a point and nothing else: "1.830" is 1 830 to a person, 1.83 to a spreadsheet. */
const ONE_POINT_GROUP = /^\d{1,3}\.\d{3}$/

const compact = (raw: string): string =>
  raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/€$/, '')
    .replace(/^\u2212/, '-')
    .replace(/^\+(?=\d)/, '')

/**
 * French or plain decimal: "1 830", "1830", "47,5", "1.830,25", "12 345,67 €", "+12", "0.475". Returns exact
 * text. A lone point is the decimal point that spreadsheets write ("1.125" is 1.125); counts and amounts,
 * where "1.830" is ambiguous, look at it again.
 */
export function readDecimal(raw: string): CellReading<string> {
  let value = compact(raw)
  if (POINT_GROUPED.test(value)) value = value.replace(/\./g, '')
  value = value.replace(',', '.')
  if (!/^-?\d+(\.\d+)?$/.test(value)) return fail(`« ${raw} » n'est pas un nombre`)
  const [whole = '0', fraction] = value.replace(/^(-?)0+(?=\d)/, '$1').split('.')
  const trimmed = fraction?.replace(/0+$/, '')
  const result = trimmed ? `${whole}.${trimmed}` : whole
  return ok(result === '-0' ? '0' : result)
}

/**
 * A count: a whole number, zero or more. Excel's "1830,0" is read as 1830, and "1.830" as 1 830: a count
 * has no decimals, so a point before three digits can only group thousands.
 */
export function readCount(raw: string): CellReading<string> {
  const grouped = compact(raw)
  const decimal = readDecimal(ONE_POINT_GROUP.test(grouped) ? grouped.replace('.', '') : raw)
  if (!decimal.ok) return decimal
  if (decimal.value.startsWith('-')) return fail(`${raw} : un nombre négatif n'est pas un décompte`)
  if (decimal.value.includes('.')) return fail(`${raw} : un décompte est un nombre entier`)
  return decimal
}

/** Euros, zero or more, at most two decimals. "7.500" could be 7 500 € or 7,50 €: refused, never guessed. */
export function readAmount(raw: string): CellReading<string> {
  if (ONE_POINT_GROUP.test(compact(raw)))
    return fail(
      `« ${raw} » est ambigu (milliers ou centimes ?) : écrire le montant sans point, ex. 7500 ou 7,50`,
    )
  const decimal = readDecimal(raw)
  if (!decimal.ok) return decimal
  if (decimal.value.startsWith('-')) return fail(`${raw} : un montant ne peut pas être négatif`)
  if (/\.\d{3,}$/.test(decimal.value)) return fail(`${raw} : un montant a au plus deux décimales (centimes)`)
  return decimal
}

/**
 * A rate in percent, 0–100: "47", "47,5", "47,5 %". A value written as a fraction ("0,475") is not
 * turned into 47.5: a file that means 0.475 % would be silently wrong, so the source declares which it uses.
 */
export function readRate(raw: string, scale: 'percent' | 'fraction' = 'percent'): CellReading<string> {
  const decimal = readDecimal(raw.replace(/%\s*$/, ''))
  if (!decimal.ok) return fail(`« ${raw} » n'est pas un taux`)
  const value = Number(decimal.value)
  const max = scale === 'percent' ? 100 : 1
  if (value < 0 || value > max)
    return fail(`${raw} : un taux est compris entre 0 et ${max === 100 ? '100 %' : '1'}`)
  if (scale === 'percent') return decimal
  // Exact: move the decimal point two places to the right.
  const [whole = '0', fraction = ''] = decimal.value.split('.')
  const padded = fraction.padEnd(2, '0')
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '')
  const rest = padded.slice(2)
  return ok(rest ? `${integer}.${rest}` : integer)
}

const YES = new Set(['oui', 'o', 'yes', 'y', '1', 'vrai', 'true', 'x', 'ok'])
const NO = new Set(['non', 'n', 'no', '0', 'faux', 'false'])

/** Stored as "oui" / "non". */
export function readBoolean(raw: string): CellReading<'oui' | 'non'> {
  const value = wordKey(raw)
  if (YES.has(value)) return ok('oui')
  if (NO.has(value)) return ok('non')
  return fail(`« ${raw} » n'est ni Oui ni Non`)
}

/** Synonym tables are constants: their keys are computed once, not for every cell of a national file. */
const synonymKeys = new WeakMap<Readonly<Record<string, string>>, ReadonlyMap<string, string>>()

function keyedSynonyms(synonyms: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  let keyed = synonymKeys.get(synonyms)
  if (!keyed) {
    keyed = new Map(Object.entries(synonyms).map(([spelling, code]) => [wordKey(spelling), code]))
    synonymKeys.set(synonyms, keyed)
  }
  return keyed
}

/**
 * A status, by its label, its code, or one of the source's own spellings (`synonyms`), all compared without
 * case, accents, spaces or punctuation ("En cours – Alerte." is "En cours - Alerte"). The message lists the
 * accepted labels, so that the person fixing the file knows what to write.
 */
export function readStatus(
  raw: string,
  statuses: readonly StatusValue[],
  synonyms: Readonly<Record<string, string>> = {},
): CellReading<string> {
  const value = wordKey(raw)
  const found =
    statuses.find((s) => wordKey(s.label) === value || wordKey(s.code) === value)?.code ??
    keyedSynonyms(synonyms).get(value) ??
    null
  if (found) return ok(found)
  return fail(
    `« ${raw} » n'est pas une valeur attendue (${statuses.map((s) => `« ${s.label} »`).join(', ')})`,
  )
}

export const MAX_TEXT_LENGTH = 4000

/** Free text (vendor, comment): trimmed, bounded, never a spreadsheet formula. */
export function readText(raw: string): CellReading<string> {
  const value = raw.trim()
  if (looksLikeFormula(value))
    return fail(`« ${value.slice(0, 40)} » ressemble à une formule de tableur : valeur refusée par sécurité`)
  if (value.length > MAX_TEXT_LENGTH)
    return fail(`texte de ${value.length} caractères, au-delà de la limite de ${MAX_TEXT_LENGTH}`)
  // Control characters other than line breaks and tabs have no place in a comment.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
    return fail('le texte contient des caractères de contrôle')
  return ok(value)
}
