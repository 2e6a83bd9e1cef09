// Deterministic synthetic sites with valid FINESS numbers, for tests that need more rows than the fixture.
import { hasValidFinessKey } from '../../src/domain/finess'
import type { SiteRecord } from '../../src/domain/structure'

/** The 9th character that makes `eightChars` a number with a valid check key. */
export function withKey(eightChars: string): string {
  for (let d = 0; d <= 9; d++) if (hasValidFinessKey(`${eightChars}${d}`)) return `${eightChars}${d}`
  throw new Error(`no key for ${eightChars}`)
}

const DEPARTEMENTS = ['29', '35', '22', '56', '2A', '75']
type Category = [code: string, label: string, aggregate: string, aggregateLabel: string]
const CATEGORIES: [Category, ...Category[]] = [
  ['355', 'Centre Hospitalier (C.H.)', '1102', 'Centres Hospitaliers'],
  [
    '500',
    "Etablissement d'hébergement pour personnes âgées dépendantes",
    '4401',
    'Etablissements d’Hébergement pour Personnes Âgées',
  ],
  ['183', 'Institut Médico-Educatif (I.M.E.)', '4101', 'Etablissements pour Enfants Handicapés'],
  ['159', 'Centre de soins et de prévention', '2201', 'Autres Etablissements de Soins et Prévention'],
]

export function syntheticSite(i: number): SiteRecord {
  const dept = DEPARTEMENTS[i % DEPARTEMENTS.length] ?? '29'
  const [categoryCode, categoryLabel, aggregateCode, aggregateLabel] =
    CATEGORIES[i % CATEGORIES.length] ?? CATEGORIES[0]
  const finessEg = withKey(`${dept}${String(100000 + i).padStart(6, '0')}`)
  const finessEj = withKey(`${dept}${String(900000 + Math.floor(i / 3)).padStart(6, '0')}`)
  return {
    finessEg,
    finessEj,
    name: `ETABLISSEMENT ${i}`,
    nameLong: `ETABLISSEMENT DE TEST NUMERO ${i}`,
    nameComplement: null,
    distributionComplement: null,
    streetNumber: String(1 + (i % 90)),
    streetType: 'R',
    streetName: 'DE LA SANTE',
    streetComplement: null,
    lieuDitBp: null,
    communeCode: `${dept}${String(1 + (i % 50)).padStart(3, '0')}`,
    postalCode: `${dept === '2A' ? '20' : dept}000`,
    city: 'COMMUNE DE TEST',
    sourceDepartement: dept,
    phone: '0298000000',
    fax: null,
    categoryCode,
    categoryLabel,
    aggregateCode,
    aggregateLabel,
    siret: null,
    apeCode: '8610Z',
    mftCode: '03',
    mftLabel: 'ARS établissements Publics de santé dotation globale',
    sphCode: i % 2 === 0 ? '1' : '0',
    sphLabel: i % 2 === 0 ? 'Etablissement public de santé' : 'Non concerné',
    openedOn: '2001-01-01',
    authorizedOn: '2001-01-01',
    updatedOn: '2020-06-30',
    coordX: 150000 + i,
    coordY: 6800000 + i,
    coordSource: '1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93',
    coordUpdatedOn: '2020-06-30',
    latitude: null,
    longitude: null,
  }
}

export function syntheticSites(count: number, from = 0): SiteRecord[] {
  return Array.from({ length: count }, (_, k) => syntheticSite(from + k))
}
