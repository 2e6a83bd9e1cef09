// Reading fields that spreadsheets damage: FINESS numbers that lost their leading zero, SIRET numbers in
// scientific notation, French dates. A value is repaired only when the repair is unambiguous, and the
// caller reports every repair.
import { hasValidFinessKey, isFinessShape, normalizeFiness, repairEightDigitFiness } from '../domain/finess'

export type FieldReading<T> = { ok: true; value: T; repaired: string | null } | { ok: false; reason: string }

const ok = <T>(value: T, repaired: string | null = null): FieldReading<T> => ({ ok: true, value, repaired })
const fail = <T>(reason: string): FieldReading<T> => ({ ok: false, reason })

export function readFiness(raw: string): FieldReading<string> {
  const finess = normalizeFiness(raw)
  if (isFinessShape(finess)) return ok(finess)
  const repaired = repairEightDigitFiness(finess)
  if (repaired)
    return ok(repaired, `zéro initial perdu (${finess} → ${repaired}), restauré car la clé est valide`)
  if (/^[0-9]{8}$/.test(finess)) {
    return fail(
      `${finess} n'a que 8 chiffres et ${'0' + finess} n'a pas une clé valide : impossible de le réparer`,
    )
  }
  return fail(`« ${raw} » n'est pas un numéro FINESS (9 caractères : 2 pour le département puis 7 chiffres)`)
}

export function finessKeyWarning(finess: string): string | null {
  return hasValidFinessKey(finess) ? null : `la clé de contrôle du numéro ${finess} est invalide`
}

function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/**
 * SIRET: 14 digits. Excel writes long numbers as `2,601E+13`: only a mantissa that still holds all 14
 * digits can be read back; otherwise the number is lost and must not be invented.
 */
export function readSiret(raw: string): FieldReading<string | null> {
  const value = raw.replace(/[\s\u00a0]/g, '')
  if (/^[0-9]{14}$/.test(value)) return ok(value)
  const scientific = /^([0-9])[,.]([0-9]+)E\+?([0-9]+)$/i.exec(value)
  if (scientific) {
    const [, head = '', fraction = '', exponent = ''] = scientific
    const digits = head + fraction.replace(/0+$/, '')
    if (Number(exponent) === 13 && digits.length <= 14) {
      const siret = digits.padEnd(14, '0')
      // Trailing zeros dropped by Excel are indistinguishable from real ones unless the key confirms them.
      if (digits.length === 14 || luhnValid(siret))
        return ok(siret, `notation scientifique ${raw} relue ${siret}`)
    }
    return fail(`SIRET en notation scientifique (${raw}) : les chiffres perdus ne peuvent pas être retrouvés`)
  }
  if (/^[0-9]{13}$/.test(value) && luhnValid(`0${value}`)) {
    return ok(`0${value}`, `zéro initial perdu (${value} → 0${value})`)
  }
  return fail(`« ${raw} » n'est pas un SIRET (14 chiffres)`)
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0))
}

/** ISO `YYYY-MM-DD`, or the French `dd/mm/yyyy` that Excel writes back, converted and reported. */
export function readDate(raw: string): FieldReading<string> {
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(raw)
  if (iso && isRealDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return ok(raw)
  const french = /^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})$/.exec(raw)
  if (french) {
    const [, d = '', m = '', y = ''] = french
    if (isRealDate(Number(y), Number(m), Number(d))) {
      const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
      return ok(value, `date au format jj/mm/aaaa (${raw}) relue ${value}`)
    }
  }
  return fail(`« ${raw} » n'est pas une date valide (attendu AAAA-MM-JJ)`)
}

/** A numeric code whose leading zeros a spreadsheet dropped (`1` for commune `001`). */
const ALL_DIGITS = /^[0-9]+$/

export function readPaddedCode(raw: string, length: number): FieldReading<string> {
  if (raw.length === length && ALL_DIGITS.test(raw)) return ok(raw)
  if (ALL_DIGITS.test(raw) && raw.length < length) {
    const value = raw.padStart(length, '0')
    return ok(value, `zéros initiaux perdus (${raw} → ${value})`)
  }
  return fail(`« ${raw} » n'est pas un code de ${length} chiffres`)
}

/** French decimal comma or point. */
export function readDecimal(raw: string): number | null {
  const value = Number(raw.replace(',', '.'))
  return raw !== '' && Number.isFinite(value) ? value : null
}
