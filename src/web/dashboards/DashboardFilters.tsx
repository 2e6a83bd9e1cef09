// The dashboard's filters: follow-up point, région (for those who see all France), département, sector and
// category. Applying puts them in the URL, under the API's names.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { useState, type FormEvent } from 'react'
import { MonthInput } from '../MonthInput'
import { PlaceFilterFields } from '../PlaceFilterFields'
import { DASHBOARD_FILTERS, type DashboardFilter, type DashboardView } from './dashboard-params'

interface Props {
  view: DashboardView
  period: string
  /** National users choose a région; a regional user's scopes already say it. */
  choosesRegion: boolean
  onSubmit: (view: DashboardView) => void
}

export function DashboardFilters({ view, period, choosesRegion, onSubmit }: Props) {
  const [filters, setFilters] = useState(view.filters)
  const [month, setMonth] = useState(period)
  const bind = (key: DashboardFilter) => ({
    name: key,
    value: filters[key] ?? '',
    onChange: (event: { target: { value: string } }) => setFilters({ ...filters, [key]: event.target.value }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit({ period: month, filters })
  }
  const col = fr.cx('fr-col-12', 'fr-col-sm-6', 'fr-col-lg-3')
  return (
    <form
      aria-label="Filtres du tableau de bord"
      onSubmit={submit}
      className={fr.cx('fr-p-2w', 'fr-mb-4w')}
      style={{ border: '1px solid var(--border-default-grey)' }}
    >
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={col}>
          <MonthInput
            id="dashboard-period"
            label="Point de suivi"
            hint="AAAA-MM"
            value={month}
            onChange={setMonth}
          />
        </div>
        <PlaceFilterFields
          bind={bind}
          columnClass={col}
          keys={choosesRegion ? DASHBOARD_FILTERS : DASHBOARD_FILTERS.filter((k) => k !== 'region')}
        />
      </div>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mt-2w', 'fr-mb-0')}>
        <li>
          <Button type="submit">Afficher</Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onSubmit({ period: month, filters: {} })}>
            Effacer les filtres
          </Button>
        </li>
      </ul>
    </form>
  )
}
