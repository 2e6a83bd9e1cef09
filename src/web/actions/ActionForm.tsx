// The form that adds a follow-up action to an establishment: kind, subject, next step, due date, theme,
// person in charge (the user by default) and notes. The server checks everything again and names the
// field it refuses; the outcome is announced.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import {
  ACTION_KIND_LABELS,
  ACTION_KINDS,
  ACTION_LIMITS,
  ACTION_THEME_LABELS,
  ACTION_THEMES,
  DUE_ON_MIN,
} from '../../domain/actions/kinds'
import type { ActionOwner } from '../../domain/contract/actions'
import { ChoiceSelect, labelledChoices } from '../ChoiceSelect'
import { Feedback } from '../Feedback'
import { useFieldDraft } from '../field-draft'
import { createAction, type ActionDraft } from './actions-api'

const EMPTY = { kind: 'contact', subject: '', nextStep: '', dueOn: '', theme: '', notes: '' }
const orNull = (text: string) => (text.trim() === '' ? null : text)
const KIND_CHOICES = labelledChoices(ACTION_KINDS, ACTION_KIND_LABELS)
const THEME_CHOICES = labelledChoices(ACTION_THEMES, ACTION_THEME_LABELS)

interface Props {
  finess: string
  owners: ActionOwner[]
  /** The signed-in user: in charge unless another is chosen. */
  meId: number
}

export function ActionForm({ finess, owners, meId }: Props) {
  const queryClient = useQueryClient()
  const { draft, setDraft, bind } = useFieldDraft({ ...EMPTY, ownerId: String(meId) })
  const save = useMutation({
    mutationFn: (body: ActionDraft) => createAction(finess, body),
    onSuccess: () => {
      // The person in charge stays chosen for the next action.
      setDraft((d) => ({ ...EMPTY, ownerId: d.ownerId }))
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
      ownerId: draft.ownerId === '' ? null : Number(draft.ownerId),
    })
  }
  const ownerChoices = owners.map((o) => ({
    value: String(o.id),
    label: o.id === meId ? `${o.name} (moi)` : o.name,
  }))
  const half = fr.cx('fr-col-12', 'fr-col-md-6')
  return (
    <form onSubmit={submit} aria-labelledby="nouvelle-action" className={fr.cx('fr-mt-4w')}>
      <h3 id="nouvelle-action" className={fr.cx('fr-h5')}>
        Nouvelle action
      </h3>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={half}>
          <ChoiceSelect label="Type" field={bind('kind')} choices={KIND_CHOICES} />
        </div>
        <div className={half}>
          <Input
            label="Objet"
            hintText={`${ACTION_LIMITS.subject} caractères au plus`}
            nativeInputProps={{ ...bind('subject'), required: true, maxLength: ACTION_LIMITS.subject }}
          />
        </div>
        <div className={half}>
          <Input
            label="Prochaine étape (facultatif)"
            nativeInputProps={{ ...bind('nextStep'), maxLength: ACTION_LIMITS.nextStep }}
          />
        </div>
        <div className={half}>
          <Input
            label="Échéance (facultatif)"
            hintText="À partir du 01/01/2020"
            nativeInputProps={{ ...bind('dueOn'), type: 'date', min: DUE_ON_MIN, max: '2100-12-31' }}
          />
        </div>
        <div className={half}>
          <ChoiceSelect
            label="Thème (facultatif)"
            field={bind('theme')}
            noChoice="L’établissement dans son ensemble"
            choices={THEME_CHOICES}
          />
        </div>
        <div className={half}>
          <ChoiceSelect
            label="Responsable"
            field={bind('ownerId')}
            noChoice="Personne pour l’instant"
            choices={ownerChoices}
          />
        </div>
        <div className={fr.cx('fr-col-12')}>
          <Input
            label="Notes (facultatif)"
            hintText={`${ACTION_LIMITS.notes.toLocaleString('fr-FR')} caractères au plus`}
            textArea
            nativeTextAreaProps={{ ...bind('notes'), rows: 3, maxLength: ACTION_LIMITS.notes }}
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
