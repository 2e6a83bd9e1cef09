// The form of one programme: its fieldsets, each with a legend, holding the fields that the current
// choices call for (the activity for SONS DPI, the exams for RIS). Submitting hands the values up.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import type { FormEvent } from 'react'
import { isVisible, type FormValues, type Programme } from './fields'
import { FormField } from './FormField'

export interface FieldError {
  name: string
  message: string
}

interface Props {
  programme: Programme
  values: FormValues
  onChange: (values: FormValues) => void
  onSubmit: () => void
  /** The engine's refusal, shown on its field while the field holds the refused value. */
  error?: FieldError
  busy: boolean
}

export function SimulatorForm({ programme, values, onChange, onSubmit, error, busy }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  const change = (name: string, value: string) => onChange({ ...values, [name]: value })
  return (
    <form onSubmit={submit} noValidate aria-label={`Simulation ${programme.label}`}>
      {programme.groups.map((group) => {
        const fields = group.fields.filter((f) => isVisible(f, values))
        if (fields.length === 0) return null
        return (
          <fieldset key={group.legend} className={fr.cx('fr-fieldset', 'fr-mb-2w')}>
            <legend className={fr.cx('fr-fieldset__legend', 'fr-h6', 'fr-mb-1w')}>
              {group.legend}
              {group.hint && <span className={fr.cx('fr-hint-text')}>{group.hint}</span>}
            </legend>
            <div className={fr.cx('fr-fieldset__element')}>
              <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
                {fields.map((field) => (
                  <div
                    key={field.name}
                    className={fr.cx(
                      'fr-col-12',
                      ((field.type === 'number' && !field.wide) || field.type === 'select') && 'fr-col-md-6',
                    )}
                  >
                    <FormField
                      field={field}
                      values={values}
                      onChange={change}
                      error={error?.name === field.name ? error.message : undefined}
                    />
                  </div>
                ))}
              </div>
            </div>
          </fieldset>
        )
      })}
      <Button type="submit" disabled={busy}>
        {busy ? 'Calcul en cours…' : 'Calculer'}
      </Button>
    </form>
  )
}
