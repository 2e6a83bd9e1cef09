// Choosing the criteria, their weights and parameters, and saving them as a named list (personal, or shared
// with a région when the user may share): a new list, or the changes of the list shown when the user may
// change it, or its deletion.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { PRIORITY_LIST_NAME_MAX, type PriorityList } from '../../domain/contract/priorities'
import { Feedback } from '../Feedback'
import { regionName } from '../tracking/grid-views-api'
import { criteriaOf, draftOf } from './criteria-draft'
import { CriteriaFields } from './CriteriaFields'
import {
  createPriorityList,
  deletePriorityList,
  PRIORITY_LISTS_KEY,
  updatePriorityList,
} from './priorities-api'

interface Props {
  /** The saved list shown; null: the default criteria. */
  list: PriorityList | null
  /** The régions the user may share with; empty: personal lists only. */
  shareRegions: readonly string[]
  /** After a save (the list's id) or a deletion (null), with what to announce. */
  onSaved: (id: number | null, message: string) => void
}

export function ListEditor({ list, shareRegions, onSaved }: Props) {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState(() => draftOf(list?.criteria ?? null))
  const [name, setName] = useState(list?.name ?? '')
  const [shared, setShared] = useState(list?.region != null)
  const [region, setRegion] = useState(list?.region ?? shareRegions[0] ?? '')
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: PRIORITY_LISTS_KEY })
    await queryClient.invalidateQueries({ queryKey: ['priority-results'] })
  }
  const shareWith = shared && region && shareRegions.includes(region) ? region : null
  const save = useMutation({
    mutationFn: (mode: 'create' | 'update') => {
      const criteria = criteriaOf(draft)
      if (mode === 'update' && list) return updatePriorityList(list.id, { name, region: shareWith, criteria })
      return createPriorityList({ name, region: shareWith, criteria })
    },
    onSuccess: async (saved) => {
      await refresh()
      const place = saved.region ? `, partagée avec la région ${regionName(saved.region)}` : ''
      onSaved(saved.id, `Liste « ${saved.name} » enregistrée${place}.`)
    },
  })
  const remove = useMutation({
    mutationFn: (id: number) => deletePriorityList(id),
    onSuccess: async () => {
      await refresh()
      onSaved(null, `Liste « ${list?.name ?? ''} » supprimée.`)
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate('create')
  }
  const busy = save.isPending || remove.isPending
  return (
    <form onSubmit={submit} aria-label="Critères de la liste de priorités">
      <CriteriaFields draft={draft} onChange={setDraft} />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mt-2w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Nom de la liste"
            hintText={`Par exemple « EHPAD à accompagner » ; ${PRIORITY_LIST_NAME_MAX} caractères au plus`}
            nativeInputProps={{
              name: 'name',
              value: name,
              required: true,
              maxLength: PRIORITY_LIST_NAME_MAX,
              autoComplete: 'off',
              onChange: (e) => setName(e.target.value),
            }}
          />
        </div>
        {shareRegions.length > 0 && (
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Checkbox
              small
              options={[
                {
                  label:
                    shareRegions.length === 1
                      ? `Partager avec la région ${regionName(shareRegions[0] ?? '')}`
                      : 'Partager avec une région',
                  hintText: 'Toutes les personnes dont le périmètre est dans la région la verront.',
                  nativeInputProps: { checked: shared, onChange: (e) => setShared(e.target.checked) },
                },
              ]}
            />
            {shared && shareRegions.length > 1 && (
              <Select
                label="Région"
                nativeSelectProps={{
                  name: 'region',
                  value: region,
                  onChange: (e) => setRegion(e.target.value),
                }}
              >
                {shareRegions.map((code) => (
                  <option key={code} value={code}>
                    {regionName(code)}
                  </option>
                ))}
              </Select>
            )}
          </div>
        )}
      </div>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mb-0')}>
        <li>
          <Button type="submit" disabled={busy}>
            {save.isPending ? 'Enregistrement…' : 'Enregistrer comme nouvelle liste'}
          </Button>
        </li>
        {list?.editable && (
          <li>
            <Button type="button" priority="secondary" disabled={busy} onClick={() => save.mutate('update')}>
              Enregistrer les modifications de « {list.name} »
            </Button>
          </li>
        )}
        {list?.editable && (
          <li>
            <Button
              type="button"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              disabled={busy}
              onClick={() => {
                if (window.confirm(`Supprimer la liste « ${list.name} » ?`)) remove.mutate(list.id)
              }}
            >
              Supprimer la liste
            </Button>
          </li>
        )}
      </ul>
      <Feedback error={save.error ?? remove.error} />
    </form>
  )
}
