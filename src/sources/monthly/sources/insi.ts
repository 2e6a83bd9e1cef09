// INSi: the GIE SESAM-Vitale publication of calls to the INSi teleservice ("M1271_V02_TLSt_Publication
// donnees INSI"), one row per structure for the month, with calls per operation type and, when given, the
// rate of qualified identities (seed 002: "Taux d'identités qualifiées", or "pas disponible").
import { INSI_OPERATIONS } from '../../../domain/observations/indicators'
import type { ObservationValue, SourceDefinition } from '../source-definition'
import { rateAgrees, ratePercent } from './numbers'

const OPERATION_COLUMNS = {
  'recherche-carte-vitale': {
    header: 'Appels recherche carte Vitale',
    aliases: ['recherche carte vitale', 'nb appels recherche cv', 'appels recherche cv'],
    required: false,
    description: 'Appels au téléservice pour une recherche d’INS à partir de la carte Vitale.',
  },
  'recherche-traits': {
    header: 'Appels recherche traits',
    aliases: ['recherche traits', 'recherche par traits', 'nb appels recherche traits'],
    required: false,
    description: 'Appels pour une recherche d’INS à partir des traits d’identité.',
  },
  verification: {
    header: 'Appels vérification',
    aliases: ['verification', 'nb appels verification', 'appels verification ins'],
    required: false,
    description: 'Appels pour vérifier une INS déjà connue.',
  },
} as const

export const insiSource: SourceDefinition = {
  code: 'insi',
  label: 'Publication INSi (GIE SESAM-Vitale)',
  producer: 'GIE SESAM-Vitale',
  fileNamePattern: 'M1271_V02_TLSt_Publication donnees INSI-AAAAMM.csv',
  level: 'EG',
  columns: {
    finess: {
      header: 'FINESS',
      aliases: [
        'finess geographique',
        'n finess',
        'numero finess',
        'finess et',
        'finess eg',
        'finess structure',
      ],
      required: true,
      description: 'FINESS de la structure qui appelle le téléservice (géographique par défaut).',
    },
    calls: {
      header: 'Nombre total d’appels',
      aliases: ['nb appels', 'nombre appels', 'total appels', 'appels insi', 'nombre d appels'],
      required: false,
      description: 'Appels du mois, toutes opérations ; calculé comme la somme des opérations s’il manque.',
    },
    ...OPERATION_COLUMNS,
    qualifiedRate: {
      header: 'Taux d’identités qualifiées',
      aliases: ['taux identites qualifiees', 'taux ins qualifiees', 'taux de qualification'],
      required: false,
      description:
        'Part des identités qualifiées parmi les usagers pris en charge le mois (0–100, ou « pas disponible »).',
    },
    qualified: {
      header: 'Identités qualifiées',
      aliases: ['nb identites qualifiees', 'identites qualifiees'],
      required: false,
      description: 'Numérateur du taux, quand il est donné.',
    },
    patients: {
      header: 'Usagers pris en charge',
      aliases: ['nb usagers', 'usagers', 'patients pris en charge'],
      required: false,
      description: 'Dénominateur du taux, quand il est donné.',
    },
  },
  readRow(row) {
    const values: ObservationValue[] = []
    let sum = 0n
    let anyOperation = false
    for (const op of INSI_OPERATIONS) {
      const calls = row.count(op)
      if (calls === null) continue
      anyOperation = true
      sum += BigInt(calls)
      values.push({ indicator: `insi.appels.${op}`, number: calls })
    }
    const total = row.count('calls')
    if (total !== null) {
      if (anyOperation && BigInt(total) !== sum)
        row.issue(
          'calls',
          'total-differs',
          `total ${total} différent de la somme des opérations (${sum}) : total du fichier conservé`,
          'warning',
        )
      values.push({ indicator: 'insi.appels', number: total })
    } else if (anyOperation) values.push({ indicator: 'insi.appels', number: sum.toString() })

    const rate = row.rate('qualifiedRate')
    const numerator = row.count('qualified')
    const denominator = row.count('patients')
    if (numerator !== null && denominator !== null && BigInt(numerator) > BigInt(denominator))
      row.issue(
        'qualified',
        'numerator-above-denominator',
        `${numerator} identités qualifiées pour ${denominator} usagers : taux ignoré`,
      )
    else if (rate !== null || (numerator !== null && denominator !== null)) {
      if (rate !== null && numerator !== null && denominator !== null && denominator !== '0')
        if (!rateAgrees(rate, numerator, denominator))
          row.issue(
            'qualifiedRate',
            'rate-differs',
            `taux ${rate} % différent de ${numerator} / ${denominator} (${ratePercent(numerator, denominator)} %) : taux du fichier conservé`,
            'warning',
          )
      values.push({
        indicator: 'insi.taux-qualifiees',
        number: rate ?? ratePercent(numerator ?? '0', denominator ?? '0'),
        numerator,
        denominator,
      })
    }
    return values
  },
  example: [
    {
      finess: '350000147',
      calls: '1432',
      'recherche-carte-vitale': '1010',
      'recherche-traits': '301',
      verification: '121',
      qualifiedRate: '47',
      qualified: '',
      patients: '',
    },
    {
      finess: '290000058',
      calls: '',
      'recherche-carte-vitale': '2210',
      'recherche-traits': '480',
      verification: '95',
      qualifiedRate: '',
      qualified: '1830',
      patients: '3050',
    },
    {
      finess: '220000012',
      calls: '0',
      'recherche-carte-vitale': '',
      'recherche-traits': '',
      verification: '',
      qualifiedRate: 'pas disponible',
      qualified: '',
      patients: '',
    },
  ],
}

export { ratePercent }
