// The map's choices: follow-up point, indicator (the grid's status and quantitative columns the user reads,
// by theme), the status counted, the scale (départements or régions) and the referential's filters.
// Applying puts them in the URL, under the API's names.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useState, type FormEvent } from 'react'
import { defaultStatus, mapStatuses, type MapLevel } from '../../domain/contract/map'
import { GRID_THEME_INFO, GRID_THEMES, findGridColumn, type GridColumn } from '../../domain/grid/columns'
import { MonthInput } from '../MonthInput'
import { PlaceFilterFields } from '../PlaceFilterFields'
import { MAP_FILTERS, type MapFilter, type MapView } from './map-params'

interface Props {
  view: MapView
  period: string
  /** The columns the user may map. */
  columns: readonly GridColumn[]
  /** National users choose a région; a regional user's scopes already say it. */
  choosesRegion: boolean
  onSubmit: (view: MapView) => void
}

const LEVEL_LABELS: Readonly<Record<MapLevel, string>> = { departement: 'Départements', region: 'Régions' }

export function MapFilters({ view, period, columns, choosesRegion, onSubmit }: Props) {
  const [filters, setFilters] = useState(view.filters)
  const [month, setMonth] = useState(period)
  const [indicator, setIndicator] = useState(view.indicator)
  // Unset in the URL: the column's default, which the API counts too.
  const [status, setStatus] = useState(() => {
    const shown = findGridColumn(view.indicator)
    return view.status ?? (shown ? defaultStatus(shown) : null) ?? ''
  })
  const [level, setLevel] = useState<MapLevel>(view.level)
  const column = findGridColumn(indicator)
  const statuses = column ? mapStatuses(column) : null
  const bind = (key: MapFilter) => ({
    name: key,
    value: filters[key] ?? '',
    onChange: (event: { target: { value: string } }) => setFilters({ ...filters, [key]: event.target.value }),
  })
  const chooseIndicator = (key: string) => {
    setIndicator(key)
    // A status belongs to its column: the new one starts on its own default.
    const next = findGridColumn(key)
    setStatus(next ? (defaultStatus(next) ?? '') : '')
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit({ period: month, indicator, level, filters, ...(statuses && status ? { status } : {}) })
  }
  const col = fr.cx('fr-col-12', 'fr-col-sm-6', 'fr-col-lg-3')
  const themes = GRID_THEMES.filter((t) => columns.some((c) => c.theme === t))
  return (
    <form
      aria-label="Choix de la carte"
      onSubmit={submit}
      className={fr.cx('fr-p-2w', 'fr-mb-4w')}
      style={{ border: '1px solid var(--border-default-grey)' }}
    >
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
          <Select
            label="Indicateur"
            hint="Une colonne de la grille de suivi"
            nativeSelectProps={{
              name: 'indicator',
              value: indicator,
              onChange: (e) => chooseIndicator(e.target.value),
            }}
          >
            {themes.map((theme) => (
              <optgroup key={theme} label={GRID_THEME_INFO[theme].label}>
                {columns
                  .filter((c) => c.theme === theme)
                  .map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <div className={col}>
          {statuses ? (
            <Select
              label="Statut compté"
              hint="Part des établissements qui l’ont"
              nativeSelectProps={{
                name: 'status',
                value: status,
                onChange: (e) => setStatus(e.target.value),
              }}
            >
              {statuses.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </Select>
          ) : (
            <p className={fr.cx('fr-text--sm', 'fr-mt-4w')}>
              Moyenne de chaque zone, comme en pied de grille.
            </p>
          )}
        </div>
        <div className={col}>
          <Select
            label="Échelle"
            hint="Zones de la carte"
            nativeSelectProps={{
              name: 'level',
              value: level,
              onChange: (e) => setLevel(e.target.value as MapLevel),
            }}
          >
            {(['departement', 'region'] as const).map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </Select>
        </div>
        <div className={col}>
          <MonthInput
            id="map-period"
            label="Point de suivi"
            hint="AAAA-MM"
            value={month}
            onChange={setMonth}
          />
        </div>
        <PlaceFilterFields
          bind={bind}
          columnClass={col}
          keys={choosesRegion ? MAP_FILTERS : MAP_FILTERS.filter((k) => k !== 'region')}
        />
      </div>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mt-2w', 'fr-mb-0')}>
        <li>
          <Button type="submit">Afficher</Button>
        </li>
        <li>
          <Button
            type="button"
            priority="secondary"
            onClick={() => onSubmit({ period: month, indicator, level, filters: {} })}
          >
            Effacer les filtres
          </Button>
        </li>
      </ul>
    </form>
  )
}
