// Activité combinée: the ANS "fichier de calcul", one row per FINESS PMSI with the seven activity terms of
// RULES §5 (2019 activity). Terms are whole numbers, as the programme rules read them (rules/activite.ts
// refuses fractions); the file's own total, when present, is checked against the formula and not stored,
// since Jalon computes it. The real layout is not public: the headers below are a declared mapping.
import { ACTIVITY_TERMS } from '../../../domain/observations/indicators'
import { readDecimal } from '../cell-values'
import type { ColumnSpec, ObservationValue, SourceDefinition, SourceRow } from '../source-definition'
import { sumDecimals } from './numbers'

type TermCode = (typeof ACTIVITY_TERMS)[number]['code']

/** Column key, weight in the formula (RULES §5), header and aliases of each term. */
const TERMS: readonly { code: TermCode; key: string; weight: string; spec: ColumnSpec }[] = [
  term('activite.journees-mco', 'mcoDays', '1', 'Journées MCO', [
    'nb journees mco',
    'journees mco hors seances',
    'jours mco',
  ]),
  term('activite.seances-mco', 'mcoSessions', '0.5', 'Séances MCO', [
    'nb seances mco',
    'seances',
    'nb seances',
  ]),
  term('activite.sejours-chir-ambu', 'ambulatoryStays', '1.5', 'Séjours de chirurgie ambulatoire', [
    'chirurgie ambulatoire',
    'sejours chirurgie ambulatoire',
    'nb sejours chirurgie ambulatoire',
    'hdj chirurgie',
    'sejours ca',
  ]),
  term('activite.journees-ssr', 'ssrDays', '0.5', 'Journées SSR', [
    'nb journees ssr',
    'journees smr',
    'jours ssr',
  ]),
  term('activite.journees-psy', 'psyDays', '0.5', 'Journées PSY', [
    'nb journees psy',
    'journees psychiatrie',
    'jours psy',
  ]),
  term('activite.journees-had', 'hadDays', '0.5', 'Journées HAD', ['nb journees had', 'jours had']),
  term('activite.journees-usld', 'usldDays', '0.5', 'Journées USLD', ['nb journees usld', 'jours usld']),
]

function term(code: TermCode, key: string, weight: string, header: string, aliases: string[]) {
  const label = ACTIVITY_TERMS.find((t) => t.code === code)?.label ?? header
  return {
    code,
    key,
    weight,
    spec: {
      header,
      aliases,
      required: false,
      description: `${label} de l’année d’activité, nombre entier ; poids ${weight.replace('.', ',')} dans l’activité combinée.`,
    },
  }
}

/** weight × count, exact: weights are 1, 0.5 or 1.5. */
function weighted(count: string, weight: string): string {
  const halves = BigInt(count) * BigInt(Number(weight) * 2)
  return halves % 2n === 0n ? (halves / 2n).toString() : `${halves / 2n}.5`
}

/** The file's total against the formula; a gap under one day is the file rounding its half-days. */
function checkCombined(row: SourceRow, written: string, computed: string | null): void {
  const reading = readDecimal(written)
  if (!reading.ok) {
    row.issue('combined', 'invalid-value', `${reading.reason} : total non vérifié`, 'warning')
    return
  }
  if (computed !== null && Math.abs(Number(reading.value) - Number(computed)) >= 1)
    row.issue(
      'combined',
      'total-differs',
      `activité combinée ${reading.value} différente de la formule (${computed}) : seuls les termes sont conservés`,
      'warning',
    )
}

export const activiteSource: SourceDefinition = {
  code: 'activite',
  label: 'Activité combinée (fichier de calcul ANS)',
  producer: 'ANS, à partir des données PMSI de l’ATIH',
  fileNamePattern: 'Fichier de calcul activité combinée.xlsx',
  level: 'PMSI',
  columns: {
    finess: {
      header: 'FINESS PMSI',
      aliases: ['finess', 'n finess pmsi', 'numero finess pmsi', 'finess pmsi'],
      required: true,
      description: 'FINESS PMSI : l’EJ pour un établissement public, l’EG pour un privé.',
    },
    year: {
      header: 'Année d’activité',
      aliases: ['annee', 'annee d activite', 'annee de reference', 'annee pmsi'],
      required: false,
      description: 'Année des données d’activité (2019 pour les programmes Ségur) ; conservée.',
    },
    ...Object.fromEntries(TERMS.map((t) => [t.key, t.spec])),
    combined: {
      header: 'Activité combinée',
      aliases: ['activite combinee', 'activite combinee 2019', 'total activite combinee', 'ac'],
      required: false,
      description: 'Total du fichier : vérifié par rapport à la formule, non conservé (Jalon le calcule).',
    },
  },
  readRow(row) {
    const values: ObservationValue[] = []
    const year = row.raw('year')
    if (year !== null) {
      if (/^(19|20)\d{2}$/.test(year)) values.push({ indicator: 'activite.annee', text: year })
      else row.issue('year', 'invalid-value', `« ${year} » n'est pas une année (AAAA)`)
    }
    const contributions: string[] = []
    let complete = true
    for (const t of TERMS) {
      const count = row.count(t.key)
      if (count === null) {
        complete = false
        continue
      }
      contributions.push(weighted(count, t.weight))
      values.push({ indicator: t.code, number: count })
    }
    const combined = row.raw('combined')
    if (combined !== null) checkCombined(row, combined, complete ? sumDecimals(contributions) : null)
    if (values.length === 0 && year === null)
      row.issue(null, 'missing-value', 'aucun terme d’activité : ligne ignorée')
    return values
  },
  example: [
    {
      finess: '240000059',
      year: '2019',
      mcoDays: '78 000',
      mcoSessions: '4 200',
      ambulatoryStays: '3 900',
      ssrDays: '14 000',
      psyDays: '22 000',
      hadDays: '0',
      usldDays: '10 500',
      combined: '109 200',
    },
    {
      finess: '160000451',
      year: '2019',
      mcoDays: '132 500',
      mcoSessions: '18 400',
      ambulatoryStays: '7 800',
      ssrDays: '21 300',
      psyDays: '0',
      hadDays: '6 100',
      usldDays: '19 800',
      combined: '177 000',
    },
    {
      finess: '160013207',
      year: '2019',
      mcoDays: '21 400',
      mcoSessions: '9 600',
      ambulatoryStays: '6 200',
      ssrDays: '0',
      psyDays: '0',
      hadDays: '0',
      usldDays: '0',
    },
  ],
}
