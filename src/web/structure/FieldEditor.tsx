// The inline form of a field the user may type: a list for a status or oui / non, a text area otherwise.
// Saved with PUT for the month shown; the outcome is announced.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { FieldValue, StructureFields } from '../../domain/contract/access'
import { Feedback } from '../Feedback'
import { formatPeriod } from '../format'
import { fieldValueText } from './field-value'
import { fieldsKey, saveField } from './fields-api'

const BOOLEAN_CHOICES = [
  { code: 'oui', label: 'Oui' },
  { code: 'non', label: 'Non' },
]

interface Props {
  finess: string
  period: string
  field: FieldValue
  /** Unique in the page: the control's id. */
  inputId: string
}

export function FieldEditor({ finess, period, field, inputId }: Props) {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState(field.value ?? '')
  const save = useMutation({
    mutationFn: (value: string | null) => saveField(finess, field.code, { period, value }),
    onSuccess: (saved) => {
      setDraft(saved.value ?? '')
      queryClient.setQueryData<StructureFields>(
        fieldsKey(finess, period),
        (old) => old && { ...old, fields: old.fields.map((f) => (f.code === saved.code ? saved : f)) },
      )
      // Other months and the journal may show it too.
      void queryClient.invalidateQueries({ queryKey: ['structure-fields', finess] })
      void queryClient.invalidateQueries({ queryKey: ['audit'] })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(draft.trim() === '' ? null : draft)
  }
  const choices = field.statuses ?? (field.kind === 'boolean' ? BOOLEAN_CHOICES : null)
  const hint = `Pour ${formatPeriod(period)} et les mois suivants, jusqu’à la prochaine saisie`
  return (
    <form onSubmit={submit} aria-label={`Modifier : ${field.label}`} className={fr.cx('fr-mt-2w')}>
      {choices ? (
        <Select
          label={field.label}
          hint={hint}
          nativeSelectProps={{
            id: inputId,
            value: draft,
            onChange: (event) => setDraft(event.target.value),
          }}
        >
          <option value="">Non renseigné</option>
          {choices.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          label={field.label}
          hintText={`${hint} ; 4 000 caractères au plus`}
          textArea
          nativeTextAreaProps={{
            id: inputId,
            value: draft,
            rows: 3,
            maxLength: 4000,
            onChange: (event) => setDraft(event.target.value),
          }}
        />
      )}
      <Button type="submit" size="small" disabled={save.isPending}>
        {save.isPending ? 'Enregistrement…' : 'Enregistrer'}
        <span className={fr.cx('fr-sr-only')}> : {field.label}</span>
      </Button>
      <Feedback
        success={save.data ? `${field.label} enregistré : ${fieldValueText(save.data)}.` : null}
        error={save.error}
      />
    </form>
  )
}
