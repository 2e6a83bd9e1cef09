// The dashboard's filters: follow-up point, région (for those who see all France), département, sector and
// category. Applying puts them in the URL, under the API's names.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useState, type FormEvent } from 'react'
import { SECTOR_LABELS, SECTORS } from '../../domain/sector'
import { MonthInput } from '../MonthInput'
import { REGIONS } from '../regions'
import type { DashboardFilter, DashboardView } from './dashboard-params'

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
        {choosesRegion && (
          <div className={col}>
            <Select label="Région" hint="Toute la France si vide" nativeSelectProps={bind('region')}>
              <option value="">Toutes les régions</option>
              {REGIONS.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name} ({r.code})
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className={col}>
          <Input
            label="Département"
            hintText="Code INSEE : 01, 2A, 974…"
            nativeInputProps={{ ...bind('departement'), maxLength: 3, autoComplete: 'off' }}
          />
        </div>
        <div className={col}>
          <Select label="Secteur" hint="Déduit de la catégorie" nativeSelectProps={bind('sector')}>
            <option value="">Tous les secteurs</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {SECTOR_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className={col}>
          <Input
            label="Catégorie"
            hintText="Code à 3 chiffres : 355, 500…"
            nativeInputProps={{
              ...bind('category'),
              maxLength: 3,
              inputMode: 'numeric',
              autoComplete: 'off',
            }}
          />
        </div>
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
