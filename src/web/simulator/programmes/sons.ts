// SONS (RULES §6): a ceiling by activité combinée for DPI, RI, PFI or the three, by annual exams for RIS.
import { RIS_2021 } from '../../../domain/programmes/data/ris-2021'
import { SONS_2021, type SonsBaremeKey } from '../../../domain/programmes/data/sons-2021'
import type { Option, Programme } from '../fields'
import { formatEuros } from '../french-number'
import { activityField, capitalize, unless, when } from './common'

const BAREMES: SonsBaremeKey[] = ['DPI', 'RI', 'PFI', 'ALL']

const euros = (value: number) => formatEuros(value.toFixed(2)).replace(/,00(?=\s€$)/, '')

function baremeOption(key: SonsBaremeKey): Option {
  const { label, amounts } = SONS_2021.baremes[key]
  const ranges = Object.values(amounts)
  const min = Math.min(...ranges.map((r) => r.min))
  const max = Math.max(...ranges.map((r) => r.max))
  return {
    value: key,
    label: capitalize(label),
    hint: `Plafond de ${euros(min)} à ${euros(max)} selon l’activité`,
  }
}

const risSteps = RIS_2021.steps

export const SONS: Programme = {
  id: 'sons',
  kind: 'sons',
  label: 'SONS',
  description:
    'Le plafond de financement d’un logiciel référencé Ségur (vague 1), selon l’activité combinée ou, pour la radiologie, le nombre d’examens.',
  groups: [
    {
      legend: 'Logiciel et activité',
      fields: [
        {
          type: 'radio',
          name: 'dsr',
          path: 'dsr',
          label: 'Dossier de spécifications de référencement (DSR)',
          defaultValue: 'DPI',
          options: [
            ...BAREMES.map(baremeOption),
            {
              value: 'RIS',
              label: 'RIS (système d’information de radiologie)',
              hint: `Plafond par tranche d’examens annuels, de ${euros(risSteps[0]?.ttc ?? 0)} à ${euros(risSteps.at(-1)?.ttc ?? 0)} TTC`,
            },
          ],
        },
        activityField(unless('dsr', 'RIS')),
        {
          type: 'number',
          integer: true,
          name: 'exams',
          path: 'exams',
          label: 'Examens annuels de l’instance logicielle',
          hint: `Nombre entier, au moins 1 ; tranches ${risSteps[0]?.code ?? ''} à ${risSteps.at(-1)?.code ?? ''}`,
          visible: when('dsr', 'RIS'),
        },
      ],
    },
  ],
}
