// What the page shows: the follow-up point, the place (région for those who see all France, département)
// and the list of criteria (a saved list, or the default criteria). Applying puts them in the URL.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useState, type FormEvent } from 'react'
import type { PriorityList } from '../../domain/contract/priorities'
import { MonthInput } from '../MonthInput'
import { PlaceFilterFields } from '../PlaceFilterFields'
import { regionName } from '../tracking/grid-views-api'
import type { PrioritiesView } from './priorities-params'

interface Props {
  view: PrioritiesView
  period: string
  lists: readonly PriorityList[]
  choosesRegion: boolean
  onSubmit: (view: PrioritiesView) => void
}

type PlaceKey = 'region' | 'departement'

/** Personal lists first, then those shared with each région. */
function groups(lists: readonly PriorityList[]): { label: string; lists: PriorityList[] }[] {
  const personal = lists.filter((l) => l.region === null)
  const regions = [...new Set(lists.map((l) => l.region).filter((r): r is string => r !== null))]
  return [
    ...(personal.length ? [{ label: 'Mes listes', lists: personal }] : []),
    ...regions.map((region) => ({
      label: `Partagées avec la région ${regionName(region)}`,
      lists: lists.filter((l) => l.region === region),
    })),
  ]
}

export function PriorityFilters({ view, period, lists, choosesRegion, onSubmit }: Props) {
  const [place, setPlace] = useState<Partial<Record<PlaceKey, string>>>({
    region: view.region,
    departement: view.departement,
  })
  const [month, setMonth] = useState(period)
  const [list, setList] = useState(view.list ? String(view.list) : '')
  const bind = (key: PlaceKey) => ({
    name: key,
    value: place[key] ?? '',
    onChange: (event: { target: { value: string } }) => setPlace({ ...place, [key]: event.target.value }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit({
      period: month,
      region: place.region || undefined,
      departement: place.departement || undefined,
      list: list ? Number(list) : undefined,
      page: 1,
    })
  }
  const col = fr.cx('fr-col-12', 'fr-col-sm-6', 'fr-col-lg-3')
  return (
    <form
      aria-label="Liste et filtres"
      onSubmit={submit}
      className={fr.cx('fr-p-2w', 'fr-mb-4w')}
      style={{ border: '1px solid var(--border-default-grey)' }}
    >
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={col}>
          <Select
            label="Liste de priorités"
            nativeSelectProps={{ name: 'list', value: list, onChange: (e) => setList(e.target.value) }}
          >
            <option value="">Critères par défaut</option>
            {groups(lists).map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.lists.map((l) => (
                  <option key={l.id} value={String(l.id)}>
                    {l.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <div className={col}>
          <MonthInput
            id="priorities-period"
            label="Point de suivi"
            hint="AAAA-MM"
            value={month}
            onChange={setMonth}
          />
        </div>
        <PlaceFilterFields
          bind={bind}
          columnClass={col}
          keys={choosesRegion ? (['region', 'departement'] as const) : (['departement'] as const)}
        />
      </div>
      <Button type="submit" className={fr.cx('fr-mt-1w')}>
        Afficher
      </Button>
    </form>
  )
}
