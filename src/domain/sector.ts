// The sector of a structure, from its category aggregate (RULES.md §1).

export const SECTORS = ['sanitaire', 'medico-social', 'social', 'autre'] as const
export type Sector = (typeof SECTORS)[number]

export const SECTOR_LABELS: Record<Sector, string> = {
  sanitaire: 'Sanitaire',
  'medico-social': 'Médico-social',
  social: 'Social',
  autre: 'Autre',
}

/** The aggregate hierarchy is positional: level 3 `NNNN` → level 2 `NN00` → level 1 `N000`. */
export function aggregateLevels(aggregate: string): { level1: string; level2: string; level3: string } {
  return { level1: `${aggregate.slice(0, 1)}000`, level2: `${aggregate.slice(0, 2)}00`, level3: aggregate }
}

const SANITAIRE_LEVEL1 = new Set(['1000', '2000', '3000'])
const MEDICO_SOCIAL_LEVEL2 = new Set(['4100', '4300', '4400'])
const MEDICO_SOCIAL_LEVEL3 = new Set(['4604', '4605', '4606', '4609'])
const SOCIAL_LEVEL2 = new Set(['4500'])
const SOCIAL_LEVEL3 = new Set(['4601', '4602', '4603', '4607', '4608'])
const SOCIAL_LEVEL1 = new Set(['5000'])

export function sectorOfAggregate(aggregate: string | null): Sector {
  if (!aggregate || !/^[0-9]{4}$/.test(aggregate)) return 'autre'
  const { level1, level2, level3 } = aggregateLevels(aggregate)
  if (SANITAIRE_LEVEL1.has(level1)) return 'sanitaire'
  if (MEDICO_SOCIAL_LEVEL2.has(level2) || MEDICO_SOCIAL_LEVEL3.has(level3)) return 'medico-social'
  if (SOCIAL_LEVEL2.has(level2) || SOCIAL_LEVEL3.has(level3) || SOCIAL_LEVEL1.has(level1)) return 'social'
  return 'autre'
}
