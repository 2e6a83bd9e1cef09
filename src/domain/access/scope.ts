// The structures a user covers. A scope is one area or one group of structures; a user's scopes add up.
// A list of FINESS is a list of `eg` scopes.
import { isFinessShape } from '../finess'

export const SCOPE_KINDS = ['france', 'region', 'departement', 'ght', 'ej', 'eg'] as const
export type ScopeKind = (typeof SCOPE_KINDS)[number]

export const SCOPE_KIND_LABELS: Readonly<Record<ScopeKind, string>> = {
  france: 'France entière',
  region: 'Région',
  departement: 'Département',
  ght: 'GHT',
  ej: 'Entité juridique (FINESS EJ)',
  eg: 'Établissement (FINESS EG)',
}

export interface Scope {
  kind: ScopeKind
  /** Région or département code, GHT id, FINESS; empty for `france`. */
  code: string
}

/** What a permission needs to know of a site to place it in a scope. */
export interface StructurePlace {
  finess: string
  finessEj: string
  region: string | null
  departement: string | null
  /** Ids of the GHT (groupings) the site or its EJ belongs to. */
  ghts: readonly string[]
}

export function isScopeKind(value: string): value is ScopeKind {
  return (SCOPE_KINDS as readonly string[]).includes(value)
}

export function scopeCovers(scope: Scope, place: StructurePlace): boolean {
  switch (scope.kind) {
    case 'france':
      return true
    case 'region':
      return place.region === scope.code
    case 'departement':
      return place.departement === scope.code
    case 'ght':
      return place.ghts.includes(scope.code)
    case 'ej':
      return place.finessEj === scope.code
    case 'eg':
      return place.finess === scope.code
  }
}

export function scopesCover(scopes: readonly Scope[], place: StructurePlace): boolean {
  return scopes.some((scope) => scopeCovers(scope, place))
}

/** Why a scope's code is not acceptable, in French, or null when it is. */
export function scopeCodeProblem(scope: Scope): string | null {
  switch (scope.kind) {
    case 'france':
      return scope.code === '' ? null : 'Le périmètre « France entière » ne prend pas de code.'
    case 'region':
      return /^\d{2}$/.test(scope.code) ? null : `Code région invalide : « ${scope.code} » (2 chiffres).`
    case 'departement':
      return /^(\d{2}|2A|2B|97\d)$/.test(scope.code) ? null : `Code département invalide : « ${scope.code} ».`
    case 'ght':
      return scope.code.trim() !== '' && scope.code.length <= 64 ? null : 'Identifiant de GHT manquant.'
    case 'ej':
    case 'eg':
      return isFinessShape(scope.code) ? null : `Numéro FINESS invalide : « ${scope.code} » (9 caractères).`
  }
}

export function describeScope(scope: Scope): string {
  return scope.kind === 'france' ? SCOPE_KIND_LABELS.france : `${SCOPE_KIND_LABELS[scope.kind]} ${scope.code}`
}
