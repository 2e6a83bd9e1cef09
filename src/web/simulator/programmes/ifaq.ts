// IFAQ digital indicators NUM1 and NUM2 (RULES §9): the rate, the target of the year, reached or not.
import { IFAQ_ACTIVITY_FIELDS, IFAQ_NUM_INDICATORS } from '../../../domain/programmes/data/ifaq-num'
import { IFAQ_YEARS } from '../../../domain/programmes/data/registry'
import type { FormValues, Programme } from '../fields'
import { formatPercent } from '../french-number'

const definition = (values: FormValues) => IFAQ_NUM_INDICATORS[values.indicator ?? '']

const FIELD_LABELS: Record<string, string> = {
  MCO: 'MCO',
  SSR: 'SSR',
  HAD: 'HAD',
  DIA: 'Dialyse (DIA)',
  PSY: 'Psychiatrie (PSY)',
}

const years = [...IFAQ_YEARS].sort((a, b) => b.year - a.year)

export const IFAQ: Programme = {
  id: 'ifaq',
  kind: 'ifaq',
  label: 'IFAQ',
  description:
    'Le taux d’un indicateur numérique IFAQ, la cible de l’année et son atteinte, et si l’établissement doit le recueillir.',
  groups: [
    {
      legend: 'Indicateur',
      fields: [
        {
          type: 'radio',
          name: 'indicator',
          path: 'indicator',
          label: 'Indicateur',
          defaultValue: 'NUM1',
          options: Object.entries(IFAQ_NUM_INDICATORS).map(([id, d]) => ({
            value: id,
            label: `${id} — ${d.label}`,
            hint: `Code ${d.code}`,
          })),
        },
        {
          type: 'select',
          name: 'year',
          path: 'year',
          label: 'Année',
          numeric: true,
          defaultValue: String(years[0]?.year ?? ''),
          hint: (values) => {
            const year = IFAQ_YEARS.find((y) => String(y.year) === values.year)
            const target = year?.targets[values.indicator ?? '']
            return target
              ? `Cible ${values.indicator} en ${year?.year} : ${formatPercent(target.value)}${target.stated ? '' : ' (non publiée : valeur par défaut)'}`
              : `Années connues : ${years.map((y) => y.year).join(', ')}`
          },
          options: years.map((y) => ({ value: String(y.year), label: String(y.year) })),
        },
      ],
    },
    {
      legend: 'Mesure sur un mois plein',
      fields: [
        {
          type: 'number',
          integer: true,
          wide: true,
          name: 'numerator',
          path: 'numerator',
          label: 'Numérateur',
          hint: (values) =>
            `${definition(values)?.numerator ?? 'Nombre'} ; entier, 0 ou plus, au plus le dénominateur`,
        },
        {
          type: 'number',
          integer: true,
          wide: true,
          name: 'denominator',
          path: 'denominator',
          label: 'Dénominateur',
          hint: (values) => `${definition(values)?.denominator ?? 'Nombre'} ; entier, au moins 1`,
        },
        {
          type: 'checkboxes',
          name: 'activityFields',
          path: 'activityFields',
          label: 'Champs d’activité de l’établissement (facultatif)',
          hint: 'Pour savoir si le recueil est obligatoire',
          options: IFAQ_ACTIVITY_FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f] ?? f })),
        },
      ],
    },
  ],
}
