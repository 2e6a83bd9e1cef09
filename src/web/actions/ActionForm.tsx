// The form that adds a follow-up action to an establishment: kind, subject, next step, due date, theme,
// person in charge (the user by default) and notes. The server checks everything again and names the
// field it refuses; the outcome is announced.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import {
  ACTION_KIND_LABELS,
  ACTION_KINDS,
  ACTION_LIMITS,
  ACTION_THEME_LABELS,
  ACTION_THEMES,
  DUE_ON_MIN,
} from '../../domain/actions/kinds'
import type { ActionOwner } from '../../domain/contract/actions'
import { Feedback } from '../Feedback'
import { createAction, type ActionDraft } from './actions-api'

const EMPTY = { kind: 'contact', subject: '', nextStep: '', dueOn: '', theme: '', notes: '' }
const orNull = (text: string) => (text.trim() === '' ? null : text)

interface Props {
  finess: string
  owners: ActionOwner[]
  /** The signed-in user: in charge unless another is chosen. */
  meId: number
}

export function ActionForm({ finess, owners, meId }: Props) {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState(EMPTY)
  const [ownerId, setOwnerId] = useState(String(meId))
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }))
  const save = useMutation({
    mutationFn: (body: ActionDraft) => createAction(finess, body),
    onSuccess: () => {
      setDraft(EMPTY)
      void queryClient.invalidateQueries({ queryKey: ['structure-actions', finess] })
      void queryClient.invalidateQueries({ queryKey: ['actions'] })
      void queryClient.invalidateQueries({ queryKey: ['audit'] })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({
      kind: draft.kind,
      subject: draft.subject,
      nextStep: orNull(draft.nextStep),
      dueOn: orNull(draft.dueOn),
      theme: orNull(draft.theme),
      notes: orNull(draft.notes),
      ownerId: ownerId === '' ? null : Number(ownerId),
    })
  }
  const half = fr.cx('fr-col-12', 'fr-col-md-6')
  return (
    <form onSubmit={submit} aria-labelledby="nouvelle-action" className={fr.cx('fr-mt-4w')}>
      <h3 id="nouvelle-action" className={fr.cx('fr-h5')}>
        Nouvelle action
      </h3>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={half}>
          <Select label="Type" nativeSelectProps={{ name: 'kind', value: draft.kind, onChange: set('kind') }}>
            {ACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {ACTION_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </div>
        <div className={half}>
          <Input
            label="Objet"
            hintText={`${ACTION_LIMITS.subject} caractères au plus`}
            nativeInputProps={{
              name: 'subject',
              required: true,
              maxLength: ACTION_LIMITS.subject,
              value: draft.subject,
              onChange: set('subject'),
            }}
          />
        </div>
        <div className={half}>
          <Input
            label="Prochaine étape (facultatif)"
            nativeInputProps={{
              name: 'nextStep',
              maxLength: ACTION_LIMITS.nextStep,
              value: draft.nextStep,
              onChange: set('nextStep'),
            }}
          />
        </div>
        <div className={half}>
          <Input
            label="Échéance (facultatif)"
            hintText="À partir du 01/01/2020"
            nativeInputProps={{
              name: 'dueOn',
              type: 'date',
              min: DUE_ON_MIN,
              max: '2100-12-31',
              value: draft.dueOn,
              onChange: set('dueOn'),
            }}
          />
        </div>
        <div className={half}>
          <Select
            label="Thème (facultatif)"
            nativeSelectProps={{ name: 'theme', value: draft.theme, onChange: set('theme') }}
          >
            <option value="">L’établissement dans son ensemble</option>
            {ACTION_THEMES.map((t) => (
              <option key={t} value={t}>
                {ACTION_THEME_LABELS[t]}
              </option>
            ))}
          </Select>
        </div>
        <div className={half}>
          <Select
            label="Responsable"
            nativeSelectProps={{
              name: 'ownerId',
              value: ownerId,
              onChange: (e) => setOwnerId(e.target.value),
            }}
          >
            <option value="">Personne pour l’instant</option>
            {owners.map((o) => (
              <option key={o.id} value={String(o.id)}>
                {o.id === meId ? `${o.name} (moi)` : o.name}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12')}>
          <Input
            label="Notes (facultatif)"
            hintText={`${ACTION_LIMITS.notes.toLocaleString('fr-FR')} caractères au plus`}
            textArea
            nativeTextAreaProps={{
              name: 'notes',
              rows: 3,
              maxLength: ACTION_LIMITS.notes,
              value: draft.notes,
              onChange: set('notes'),
            }}
          />
        </div>
      </div>
      <Button type="submit" iconId="fr-icon-add-line" iconPosition="left" disabled={save.isPending}>
        {save.isPending ? 'Enregistrement…' : 'Ajouter l’action'}
      </Button>
      <Feedback success={save.data ? `Action « ${save.data.subject} » ajoutée.` : null} error={save.error} />
    </form>
  )
}
