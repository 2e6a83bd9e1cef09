// SUN-ES volet 1 (RULES §7): the forfait of a domain in a window, and its attainment from measured rates.
import {
  SUN_ES_VOLET1,
  type SunEsDomainId,
  type SunEsIndicator,
} from '../../../domain/programmes/data/sun-es-volet1'
import type { Field, FormValues, NumberField, Programme } from '../fields'
import { formatPercent } from '../french-number'
import { activityField, allPrerequisites, dateFr, RATE_HINT, when } from './common'

const { domains, windows, indicators, prerequisites } = SUN_ES_VOLET1

/** Rates in the order an establishment reads them: the domain's targets, its bonus, then INS recovery. */
const RATE_ORDER: SunEsIndicator[] = ['ldl', 'ordonnance', 'cro', 'bio', 'imagerie', 'insRecovery']

function measuredIn(indicator: SunEsIndicator): SunEsDomainId[] {
  return domains
    .filter(
      (d) =>
        d.indicators.includes(indicator) ||
        d.bonus === indicator ||
        (indicator === 'insRecovery' && d.volet === 1),
    )
    .map((d) => d.id)
}

function rateField(indicator: SunEsIndicator): NumberField {
  const { code, label } = indicators[indicator]
  return {
    type: 'number',
    name: indicator,
    path: `rates.${indicator}`,
    label: code ? `${label} — ${code}` : label,
    hint: (values: FormValues) => {
      const window = windows.find((w) => String(w.number) === values.window)
      return window
        ? `${RATE_HINT} ; cible de la fenêtre ${window.number} : ${formatPercent(window.targets[indicator])}`
        : RATE_HINT
    },
    visible: when('domain', ...measuredIn(indicator)),
  }
}

const eligibility: Field[] = [
  {
    type: 'yes-no',
    name: 'ownLaboratory',
    path: 'ownLaboratory',
    label: 'Le laboratoire de biologie est celui de l’établissement (même EJ)',
    hint: 'Condition pour que le domaine 2 lui soit ouvert',
    visible: when('domain', 'D2'),
  },
  {
    type: 'yes-no',
    name: 'ownImaging',
    path: 'ownImaging',
    label: 'Le plateau d’imagerie est celui de l’établissement (même EJ)',
    hint: 'Condition pour que le domaine 3 lui soit ouvert',
    visible: when('domain', 'D3'),
  },
  allPrerequisites('prerequisites', 'Les six prérequis sont atteints', prerequisites),
]

const volet2: Field[] = [
  {
    type: 'number',
    name: 'volet2Percentage',
    path: 'volet2Percentage',
    label: 'Pourcentage du forfait du volet 2 à verser',
    hint: 'De 0 à 100 ; non publié dans les sources, à saisir s’il est connu',
    visible: when('domain', 'V2'),
  },
  {
    type: 'yes-no',
    name: 'volet2Reached',
    path: 'volet2Reached',
    label: 'Les cibles du volet 2 sont atteintes',
    hint: 'Cibles non publiées dans les sources',
    visible: when('domain', 'V2'),
  },
]

export const SUN_ES: Programme = {
  id: 'sun-es',
  kind: 'sun-es',
  label: 'SUN-ES',
  description:
    'Le forfait d’un domaine selon l’activité combinée et la fenêtre de candidature (dégressivité), et son atteinte à partir des taux mesurés.',
  groups: [
    {
      legend: 'Candidature',
      fields: [
        {
          type: 'radio',
          name: 'domain',
          path: 'domains',
          label: 'Domaine',
          defaultValue: 'D1',
          options: domains.map((d) => ({
            value: d.id,
            label: `${d.id} — ${d.label.replace(/^[^—]*— /, '')}`,
            hint:
              d.volet === 2
                ? 'Cibles et dégressivité non publiées'
                : d.indicators.map((i) => indicators[i].code ?? indicators[i].label).join(' et '),
          })),
          toBody: (domain) => [domain],
        },
        {
          type: 'select',
          name: 'window',
          path: 'window',
          label: 'Fenêtre de candidature',
          hint: (values: FormValues) => {
            const w = windows.find((candidate) => String(candidate.number) === values.window)
            return w
              ? `Candidature du ${dateFr(w.candidature.from)} au ${dateFr(w.candidature.to)} ; mesure ${w.measurement.label}, du ${dateFr(w.measurement.from)} au ${dateFr(w.measurement.to)}`
              : `De 1 à ${windows.length}`
          },
          defaultValue: String(windows[0]?.number ?? 1),
          numeric: true,
          options: windows.map((w) => ({
            value: String(w.number),
            label: `Fenêtre ${w.number} — forfait à ${formatPercent(w.degressivity)}`,
          })),
        },
        activityField(),
      ],
    },
    { legend: 'Conditions (facultatives)', fields: [...eligibility, ...volet2] },
    {
      legend: 'Taux mesurés (facultatifs)',
      hint: 'Sans taux, l’atteinte reste indéterminée : rien n’est deviné.',
      fields: RATE_ORDER.map(rateField),
    },
  ],
}
