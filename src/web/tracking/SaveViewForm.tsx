// Saving the view shown (filters, thresholds, columns, sort, comparison) under a name, for oneself or shared
// with a région when the user may share. The follow-up point is left out unless asked for, so that a saved
// view opens on the current month, the one a regional team works on.
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { GRID_VIEW_NAME_MAX } from '../../domain/contract/grid-views'
import { Feedback } from '../Feedback'
import { formatPeriod } from '../format'
import { createGridView, GRID_VIEWS_KEY, regionName } from './grid-views-api'
import { shownPeriod, trackingParams, type TrackingQuery } from './tracking-params'

interface Props {
  query: TrackingQuery
  /** The régions the user may share with; empty: personal views only. */
  shareRegions: readonly string[]
}

export function SaveViewForm({ query, shareRegions }: Props) {
  const queryClient = useQueryClient()
  const [name, setName] = useState('')
  const [keepPeriod, setKeepPeriod] = useState(false)
  const [shared, setShared] = useState(false)
  const [region, setRegion] = useState('')
  // Unless chosen, the région filtered on when the user may share with it: the likeliest audience.
  const filtered = query.place.region && shareRegions.includes(query.place.region) ? query.place.region : null
  const shareWith = region || filtered || (shareRegions[0] ?? '')
  const period = shownPeriod(query)
  const save = useMutation({
    mutationFn: () =>
      createGridView({
        name,
        query: trackingParams({ ...query, period: keepPeriod ? period : undefined }).toString(),
        region: shared && shareWith ? shareWith : null,
      }),
    // The next view starts afresh: a view is not shared, nor its month kept, by mistake.
    onSuccess: async () => {
      setName('')
      setShared(false)
      setKeepPeriod(false)
      await queryClient.invalidateQueries({ queryKey: GRID_VIEWS_KEY })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }
  const done = save.data
    ? `Vue « ${save.data.name} » enregistrée${save.data.region ? `, partagée avec la région ${regionName(save.data.region)}` : ''}.`
    : null
  return (
    <form onSubmit={submit} aria-label="Enregistrer la vue actuelle">
      <Input
        label="Nom de la vue"
        hintText={`Par exemple « EHPAD en alerte du Finistère » ; ${GRID_VIEW_NAME_MAX} caractères au plus`}
        nativeInputProps={{
          name: 'name',
          value: name,
          required: true,
          maxLength: GRID_VIEW_NAME_MAX,
          autoComplete: 'off',
          onChange: (e) => setName(e.target.value),
        }}
      />
      <Checkbox
        small
        options={[
          {
            label: `Garder le point de suivi (${formatPeriod(period)})`,
            hintText: 'Sinon, la vue s’ouvre sur le mois en cours.',
            nativeInputProps: { checked: keepPeriod, onChange: (e) => setKeepPeriod(e.target.checked) },
          },
          ...(shareRegions.length > 0
            ? [
                {
                  label:
                    shareRegions.length === 1
                      ? `Partager avec la région ${regionName(shareWith)}`
                      : 'Partager avec une région',
                  hintText: 'Toutes les personnes dont le périmètre est dans la région la verront.',
                  nativeInputProps: {
                    checked: shared,
                    onChange: (e: { target: { checked: boolean } }) => setShared(e.target.checked),
                  },
                },
              ]
            : []),
        ]}
      />
      {shared && shareRegions.length > 1 && (
        <Select
          label="Région"
          nativeSelectProps={{ name: 'region', value: shareWith, onChange: (e) => setRegion(e.target.value) }}
        >
          {shareRegions.map((code) => (
            <option key={code} value={code}>
              {regionName(code)}
            </option>
          ))}
        </Select>
      )}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Enregistrement…' : 'Enregistrer la vue'}
      </Button>
      <Feedback success={done} error={save.error} />
    </form>
  )
}
