// FINESS numbers: shape, check key, département and PMSI rule (RULES.md §1).

/** Pattern of the etalab XSD (`typeNumeroFiness`): Corsican numbers carry `2A`/`2B` in second place. */
export const FINESS_PATTERN = /^[0-9][0-9AB][0-9]{7}$/

/** Strips the spaces people type (`NN NNN NNN N`, non-breaking ones too) and upper-cases. */
export function normalizeFiness(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, '').toUpperCase()
}

export function isFinessShape(finess: string): boolean {
  return FINESS_PATTERN.test(finess)
}

/**
 * Luhn (mod 10) over the 9 characters, `2A` read as `21` and `2B` as `22`. No official text states this key,
 * but every real number in the shared data passes it (RULES §1): a failure is reported, never fatal.
 */
export function hasValidFinessKey(finess: string): boolean {
  if (!isFinessShape(finess)) return false
  const digits = finess.replace(/^2A/, '21').replace(/^2B/, '22')
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let d = digits.charCodeAt(8 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/**
 * A copy that went through Excel loses the leading zero. The 9-character number is restored only when it
 * then passes the check key, so that a repair is never a guess.
 */
export function repairEightDigitFiness(finess: string): string | null {
  if (!/^[0-9]{8}$/.test(finess)) return null
  const padded = `0${finess}`
  return hasValidFinessKey(padded) ? padded : null
}

/**
 * INSEE code of the département, from the number itself (RULES §1): overseas numbers are `97` + `0` + digit
 * (971…975) and `9805` Mayotte (976), `9806` Wallis-et-Futuna (986). Null when the prefix is not a known one.
 */
export function departementFromFiness(finess: string): string | null {
  if (!isFinessShape(finess)) return null
  const head = finess.slice(0, 2)
  if (head === '97') {
    return finess[2] === '0' && /[1-5]/.test(finess[3] ?? '') ? `97${finess[3]}` : null
  }
  if (head === '98') {
    const overseas: Record<string, string> = { '05': '976', '06': '986' }
    return overseas[finess.slice(2, 4)] ?? null
  }
  if (head === '20' || head === '00') return null
  return head
}

export type PmsiBasis = 'ej-public' | 'eg-private' | 'override' | 'not-applicable'

export interface FinessPmsi {
  finessPmsi: string | null
  basis: PmsiBasis
}

/**
 * Funding programmes for hospitals are applied per FINESS PMSI: the EJ for public establishments, the EG for
 * private ones (RULES §1, seed 003). It is defined for the sanitaire sector only; an override (a private
 * psychiatric group reporting under one number, say) wins over the rule.
 */
export function computeFinessPmsi(site: {
  finessEg: string
  finessEj: string
  sector: string
  isPublic: boolean
  override?: string | null
}): FinessPmsi {
  if (site.override) return { finessPmsi: site.override, basis: 'override' }
  if (site.sector !== 'sanitaire') return { finessPmsi: null, basis: 'not-applicable' }
  return site.isPublic
    ? { finessPmsi: site.finessEj, basis: 'ej-public' }
    : { finessPmsi: site.finessEg, basis: 'eg-private' }
}

/** SPH code 1, "Etablissement public de santé", is what marks a public hospital in the FINESS extract. */
export function isPublicHospital(sphCode: string | null): boolean {
  return sphCode === '1'
}
