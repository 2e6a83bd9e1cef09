// The postal part of a flow's address, shared by legal entities and sites.
import { clean, type Reporter } from './reporter'
import type { Address } from './schema'

/** Postal code and city: `ligneAcheminement` holds the city, sometimes after the postal code. */
export function postalLine(a: Address | undefined): { postalCode: string | null; city: string | null } {
  const routing = clean(a?.ligneAcheminement)
  const withCode = routing ? /^([0-9]{5}) +(.*)$/.exec(routing) : null
  return {
    postalCode: clean(a?.codePostal) ?? withCode?.[1] ?? null,
    city: withCode ? clean(withCode[2]) : routing,
  }
}

export function communeCode(report: Reporter, a: Address | undefined, field: string): string | null {
  const value = clean(a?.cogCommune)
  if (value === null) return null
  if (/^[0-9][0-9AB][0-9]{3}$/.test(value)) return value
  report.warn('code-invalid', field, value, `« ${value} » n'est pas un code commune INSEE : valeur ignorée`)
  return null
}
