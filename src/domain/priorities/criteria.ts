// The criteria a priority list combines (issue 7 §3), as data: each with its French label, its tunable
// parameters (default and bounds) and its default weight. A site's score is the sum of the weights of the
// criteria it meets; how each criterion is found lives in probes.ts and reasons.ts.

export const PRIORITY_CRITERIA = [
  'sun-es-sous-cible',
  'ehpad-dmp-non-actif',
  'commande-sans-va',
  'esms-sans-dui',
  'en-recul',
  'sans-donnee',
] as const
export type PriorityCriterionId = (typeof PRIORITY_CRITERIA)[number]

export interface ParameterSpec {
  id: string
  label: string
  unit: string
  default: number
  min: number
  max: number
}

export interface CriterionDefinition {
  id: PriorityCriterionId
  label: string
  /** What the criterion finds, for the page and the API documentation. */
  description: string
  parameters: readonly ParameterSpec[]
  defaultWeight: number
}

/** Weights are small integers: a région ranks its criteria, it does not calibrate a model. */
export const WEIGHT_MIN = 0
export const WEIGHT_MAX = 10

export const CRITERIA: Readonly<Record<PriorityCriterionId, CriterionDefinition>> = {
  'sun-es-sous-cible': {
    id: 'sun-es-sous-cible',
    label: 'Candidats SUN-ES sous la cible, fenêtre de mesure proche',
    description:
      'Candidat SUN-ES dont un taux mesuré (DS1.1, DS1.2, DS2.1, DS3.1) est sous la cible de la fenêtre de ' +
      'mesure qui se termine dans les N mois.',
    parameters: [
      { id: 'months', label: 'Fin de la fenêtre dans', unit: 'mois', default: 3, min: 0, max: 12 },
    ],
    defaultWeight: 3,
  },
  'ehpad-dmp-non-actif': {
    id: 'ehpad-dmp-non-actif',
    label: 'EHPAD avec convention DMP signée, pas encore actifs',
    description: 'EHPAD dont le statut DMP est « convention signée » ou « équipé », pas « actif ».',
    parameters: [],
    defaultWeight: 2,
  },
  'commande-sans-va': {
    id: 'commande-sans-va',
    label: 'Commandes Ségur signées sans VA après N mois',
    description:
      'Commande Ségur (DPI, PFI, RI, LOINC, SGL, RIS) signée depuis au moins N mois sans vérification ' +
      'd’aptitude (VA) signée.',
    parameters: [
      { id: 'months', label: 'Délai depuis la commande', unit: 'mois', default: 6, min: 1, max: 36 },
    ],
    defaultWeight: 2,
  },
  'esms-sans-dui': {
    id: 'esms-sans-dui',
    label: 'ESMS financés par ESMS numérique sans DUI en place',
    description: 'Structure financée par ESMS numérique dont le DUI n’est pas déclaré en place.',
    parameters: [],
    defaultWeight: 2,
  },
  'en-recul': {
    id: 'en-recul',
    label: 'En recul depuis le point précédent',
    description:
      'Un statut a reculé depuis le point de suivi précédent (météo, organisation INS, raccordement ' +
      'MSSanté, certificat DMP, alimentation du DMP, DMP en EHPAD).',
    parameters: [],
    defaultWeight: 1,
  },
  'sans-donnee': {
    id: 'sans-donnee',
    label: 'Sans donnée nationale depuis N mois',
    description:
      'Aucune donnée d’une source nationale (INSi, MSSanté, DMP, Ségur, programmes, ESMS numérique…) pour ' +
      'le site, son EJ ou son FINESS PMSI depuis N mois ou plus.',
    parameters: [{ id: 'months', label: 'Sans donnée depuis', unit: 'mois', default: 6, min: 1, max: 36 }],
    defaultWeight: 1,
  },
}

/** A criterion as a list chooses it: its weight and each parameter's value. */
export interface ChosenCriterion {
  id: PriorityCriterionId
  weight: number
  parameters: Readonly<Record<string, number>>
}

export function isCriterionId(value: string): value is PriorityCriterionId {
  return (PRIORITY_CRITERIA as readonly string[]).includes(value)
}

/** Every criterion with its default weight and parameters: the list used when none is chosen. */
export function defaultCriteria(): ChosenCriterion[] {
  return PRIORITY_CRITERIA.map((id) => ({
    id,
    weight: CRITERIA[id].defaultWeight,
    parameters: Object.fromEntries(CRITERIA[id].parameters.map((p) => [p.id, p.default])),
  }))
}

/** The value of a parameter as chosen, or its default. */
export function parameterOf(chosen: ChosenCriterion, id: string): number {
  const spec = CRITERIA[chosen.id].parameters.find((p) => p.id === id)
  if (!spec) throw new Error(`paramètre inconnu ${chosen.id}.${id}`)
  return chosen.parameters[id] ?? spec.default
}

/**
 * Why a chosen criterion cannot be used, in French naming the criterion and the parameter, or null. Unknown
 * parameters are refused rather than ignored: a typo would otherwise silently apply the default.
 */
export function criterionRefusal(chosen: {
  id: string
  weight: number
  parameters: Readonly<Record<string, number>>
}): string | null {
  if (!isCriterionId(chosen.id))
    return `Critère inconnu : « ${chosen.id} » (${PRIORITY_CRITERIA.join(', ')}).`
  const definition = CRITERIA[chosen.id]
  if (!Number.isInteger(chosen.weight) || chosen.weight < WEIGHT_MIN || chosen.weight > WEIGHT_MAX)
    return `${definition.label} : le poids doit être un entier de ${WEIGHT_MIN} à ${WEIGHT_MAX}.`
  for (const [id, value] of Object.entries(chosen.parameters)) {
    const spec = definition.parameters.find((p) => p.id === id)
    if (!spec) return `${definition.label} : paramètre inconnu « ${id} ».`
    if (!Number.isInteger(value) || value < spec.min || value > spec.max)
      return `${definition.label} : « ${spec.label} » doit être un nombre entier de ${spec.min} à ${spec.max} ${spec.unit}.`
  }
  return null
}
