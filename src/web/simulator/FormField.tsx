// One field of a simulator form, as the DSFR component its type calls for, with its hint and, after a
// refused submission, the engine's message in the DSFR error state (and aria-invalid).
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { hintOf, labelOf, type Field, type FormValues, type Option } from './fields'
import { YES_NO } from './simulation-params'

interface Props {
  field: Field
  values: FormValues
  onChange: (name: string, value: string) => void
  /** The engine's message for this field, when it refused the value shown. */
  error?: string
}

/** The id of the element an error message links to: the input, or the first radio or checkbox. */
export function fieldInputId(field: Field): string {
  const base = `simulateur-${field.name}`
  return field.type === 'number' || field.type === 'select' ? base : `${base}-0`
}

const YES_NO_OPTIONS: Option[] = [
  { value: YES_NO.yes, label: 'Oui' },
  { value: YES_NO.no, label: 'Non' },
  { value: '', label: 'Non renseigné' },
]

export function FormField({ field, values, onChange, error }: Props) {
  const value = values[field.name] ?? ''
  const label = labelOf(field, values)
  const hint = hintOf(field, values)
  const state = error ? ('error' as const) : ('default' as const)
  const invalid = error ? true : undefined
  const id = `simulateur-${field.name}`

  switch (field.type) {
    case 'number':
      return (
        <Input
          label={label}
          hintText={hint}
          state={state}
          stateRelatedMessage={error}
          nativeInputProps={{
            id,
            name: field.name,
            value,
            onChange: (e) => onChange(field.name, e.target.value),
            inputMode: field.integer ? 'numeric' : 'decimal',
            autoComplete: 'off',
            spellCheck: false,
            'aria-invalid': invalid,
          }}
        />
      )
    case 'select': {
      // A value from a hand-edited URL that the list does not hold stays visible, so the error makes sense.
      const options = field.options.some((o) => o.value === value)
        ? field.options
        : [{ value, label: `${value} (valeur non reconnue)` }, ...field.options]
      return (
        <Select
          label={label}
          hint={hint}
          state={state}
          stateRelatedMessage={error}
          nativeSelectProps={{
            id,
            name: field.name,
            value,
            onChange: (e) => onChange(field.name, e.target.value),
            'aria-invalid': invalid,
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )
    }
    case 'radio':
    case 'yes-no': {
      const options = field.type === 'radio' ? field.options : YES_NO_OPTIONS
      return (
        <RadioButtons
          // react-dsfr numbers the inputs after the fieldset's id (`simulateur-dsr-0`) and labels them so.
          id={id}
          legend={label}
          hintText={hint}
          name={field.name}
          orientation={field.type === 'yes-no' ? 'horizontal' : 'vertical'}
          state={state}
          stateRelatedMessage={error}
          options={options.map((o) => ({
            label: o.label,
            hintText: o.hint,
            nativeInputProps: {
              value: o.value,
              checked: value === o.value,
              onChange: () => onChange(field.name, o.value),
              'aria-invalid': invalid,
            },
          }))}
        />
      )
    }
    case 'checkboxes': {
      const chosen = new Set(value.split(',').filter(Boolean))
      const toggle = (option: string, on: boolean) => {
        const next = field.options.map((o) => o.value).filter((v) => (v === option ? on : chosen.has(v)))
        onChange(field.name, next.join(','))
      }
      return (
        <Checkbox
          id={id}
          legend={label}
          hintText={hint}
          orientation="horizontal"
          state={state}
          stateRelatedMessage={error}
          options={field.options.map((o) => ({
            label: o.label,
            hintText: o.hint,
            nativeInputProps: {
              name: field.name,
              value: o.value,
              checked: chosen.has(o.value),
              onChange: (e) => toggle(o.value, e.target.checked),
              'aria-invalid': invalid,
            },
          }))}
        />
      )
    }
  }
}
