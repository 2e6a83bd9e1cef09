// Field builders shared by the programme definitions.
import { ACTIVITE_COMBINEE_2019 } from '../../../domain/programmes/data/activite-combinee-2019'
import type { FormValues, NumberField, YesNoField } from '../fields'
import { formatNumber } from '../french-number'

export const RATE_HINT = 'Pourcentage de 0 à 100, par exemple 62,5'

/** "2022-03-01" → "01/03/2022". */
export function dateFr(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** A yes/no fact that stands for several of the body's booleans (all prerequisites met, or not). */
export function allPrerequisites(
  name: string,
  label: string,
  items: readonly { id: string; label: string }[],
): YesNoField {
  return {
    type: 'yes-no',
    name,
    path: 'prerequisites',
    label,
    hint: items.map((p) => p.label).join(' ; '),
    toBody: (met) => Object.fromEntries(items.map((p) => [p.id, met])),
  }
}

export const when =
  (name: string, ...accepted: string[]) =>
  (values: FormValues): boolean =>
    accepted.includes(values[name] ?? '')

export const unless =
  (name: string, ...refused: string[]) =>
  (values: FormValues): boolean =>
    !refused.includes(values[name] ?? '')

const { brackets, above } = ACTIVITE_COMBINEE_2019.scale
const lastBound = brackets.at(-1)?.to ?? 0

/** The activité combinée that prices SONS and SUN-ES, with the range of its categories. */
export function activityField(visible?: (values: FormValues) => boolean): NumberField {
  return {
    type: 'number',
    name: 'activity',
    path: 'activity',
    label: 'Activité combinée 2019 du FINESS PMSI',
    hint: `En équivalents journées MCO, 0 ou plus ; catégories ${brackets[0]?.code ?? ''} à ${brackets.at(-1)?.code ?? ''} jusqu’à ${formatNumber(lastBound)}${above === 'cap' ? ', montant maximal au-delà' : ''}`,
    ...(visible ? { visible } : {}),
  }
}
