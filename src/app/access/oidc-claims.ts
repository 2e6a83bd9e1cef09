// What Jalon reads of a provider's userinfo (docs/authentication.md lists it). Pure and tolerant: providers'
// directories are unevenly filled, so a missing or odd claim gives null, never an exception.
//
// Pro Santé Connect's userinfo (scope `scope_all`) carries the professional's activities as
// `SubjectRefPro.exercices[].activities[]`, each with `numeroFinessSite` (FINESS EG),
// `numeroFinessetablissementJuridique` (FINESS EJ), `raisonSocialeSite`, and
// `ancienIdentifiantDeLaStructure` (the Annuaire Santé structure id: type digit then value, `1` = FINESS).
import { isFinessShape, normalizeFiness } from '../../domain/finess'
import type { OidcProviderId } from './oidc-settings'

export interface OidcActivity {
  /** FINESS EG of the place of work. */
  site: string | null
  /** FINESS EJ of the legal entity. */
  legalEntity: string | null
  name: string | null
}

export interface OidcIdentity {
  subject: string
  /** Lower-cased; null when absent or not an address. */
  email: string | null
  displayName: string
  /** RPPS / ADELI (Pro Santé Connect), to name an account that has no e-mail address. */
  nationalId: string | null
  /** Pro Santé Connect: the structures the professional works in; empty for ProConnect. */
  activities: OidcActivity[]
}

type Claims = Readonly<Record<string, unknown>>

const EMAIL = /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/

function isObject(value: unknown): value is Claims {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A claim by name, ignoring case (the directory writes `numeroFinessetablissementJuridique`). */
function claim(claims: Claims, ...names: string[]): unknown {
  for (const name of names) {
    if (name in claims) return claims[name]
    const lower = name.toLowerCase()
    const key = Object.keys(claims).find((k) => k.toLowerCase() === lower)
    if (key !== undefined) return claims[key]
  }
  return undefined
}

function text(claims: Claims, ...names: string[]): string | null {
  const value = claim(claims, ...names)
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function finess(claims: Claims, ...names: string[]): string | null {
  const value = text(claims, ...names)
  if (!value) return null
  const n = normalizeFiness(value)
  return isFinessShape(n) ? n : null
}

/** Some deployments send nested claims as JSON text. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    return undefined
  }
}

const list = (value: unknown): Claims[] => (Array.isArray(value) ? value.filter(isObject) : [])

function readActivity(a: Claims): OidcActivity | null {
  const structureId = text(a, 'ancienIdentifiantDeLaStructure', 'identifiantStructure')
  const fromStructureId =
    structureId && /^1[0-9][0-9AB][0-9]{7}$/.test(structureId) ? structureId.slice(1) : null
  const activity = {
    site: finess(a, 'numeroFinessSite', 'finessSite', 'finess') ?? fromStructureId,
    legalEntity: finess(a, 'numeroFinessEtablissementJuridique', 'finessEtablissementJuridique', 'finessEj'),
    name: text(a, 'raisonSocialeSite', 'enseigneCommercialeSite'),
  }
  return activity.site || activity.legalEntity ? activity : null
}

/** The structures named by a Pro Santé Connect userinfo: nested activities, then flat claims. */
export function readActivities(claims: Claims): OidcActivity[] {
  const refPro = parsed(claim(claims, 'SubjectRefPro'))
  const nested = isObject(refPro)
    ? list(claim(refPro, 'exercices')).flatMap((e) => list(claim(e, 'activities', 'activites')))
    : []
  const found = [...nested, claims].map(readActivity).filter((a): a is OidcActivity => a !== null)
  const seen = new Set<string>()
  return found.filter((a) => {
    const key = `${a.site}/${a.legalEntity}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function readDisplayName(claims: Claims, email: string | null, subject: string): string {
  const refPro = parsed(claim(claims, 'SubjectRefPro'))
  const exercice = isObject(refPro) ? list(claim(refPro, 'exercices'))[0] : undefined
  const given = text(claims, 'given_name') ?? (exercice ? text(exercice, 'prenomDexercice') : null)
  const family =
    text(claims, 'usual_name', 'family_name') ?? (exercice ? text(exercice, 'nomDexercice') : null)
  const name = [given, family].filter(Boolean).join(' ')
  return (name || email || subject).slice(0, 120)
}

export function readIdentity(provider: OidcProviderId, claims: Claims): OidcIdentity {
  const subject = text(claims, 'sub')
  if (!subject) throw new Error('userinfo without sub')
  const rawEmail = text(claims, 'email')?.toLowerCase() ?? null
  const email = rawEmail && rawEmail.length <= 254 && EMAIL.test(rawEmail) ? rawEmail : null
  return {
    subject,
    email,
    displayName: readDisplayName(claims, email, subject),
    nationalId: text(claims, 'SubjectNameID', 'preferred_username'),
    activities: provider === 'psc' ? readActivities(claims) : [],
  }
}
