// Activité combinée (RULES §5): its seven components, read from the programme's data file.
import { ACTIVITE_COMBINEE_2019 } from '../../../domain/programmes/data/activite-combinee-2019'
import type { Programme } from '../fields'
import { paramToNumberText } from '../french-number'
import { capitalize } from './common'

const { components } = ACTIVITE_COMBINEE_2019

export const ACTIVITE: Programme = {
  id: 'activite',
  kind: 'activite',
  label: 'Activité combinée',
  description:
    'L’activité combinée 2019 du FINESS PMSI, en équivalents journées MCO, et sa catégorie A à D (barème des programmes Ségur).',
  groups: [
    {
      legend: 'Activité 2019 du FINESS PMSI',
      hint: 'Les sept composantes sont nécessaires : saisissez 0 pour une activité que l’établissement n’a pas.',
      fields: components.map((c) => ({
        type: 'number',
        integer: true,
        name: c.field,
        path: c.field,
        label: capitalize(c.label),
        hint: `Nombre entier, 0 ou plus ; compte × ${paramToNumberText(c.weight)}`,
      })),
    },
  ],
}
