// A select among a list of choices (codes with their French labels), with an optional first option that
// means no choice ("Tous les statuts"): the shape of most of the app's selects, written once.
import { Select } from '@codegouvfr/react-dsfr/Select'
import type { FieldBinding } from './PlaceFilterFields'

export interface Choice {
  value: string
  label: string
}

/** The choices of a list of codes, in the list's order, each with its label. */
export const labelledChoices = <C extends string>(
  codes: readonly C[],
  labels: Readonly<Record<C, string>>,
): Choice[] => codes.map((code) => ({ value: code, label: labels[code] }))

interface Props {
  label: string
  hint?: string
  field: FieldBinding
  choices: readonly Choice[]
  /** The first option, whose value is ''; left out where a choice is required. */
  noChoice?: string
}

export function ChoiceSelect({ label, hint, field, choices, noChoice }: Props) {
  return (
    <Select label={label} hint={hint} nativeSelectProps={field}>
      {noChoice !== undefined && <option value="">{noChoice}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </Select>
  )
}
