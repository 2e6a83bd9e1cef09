// The filter panel above the grid: follow-up point, place (région, département, sector, category, EJ,
// GHT, text), météo and indicator thresholds. Applying puts them all in the URL; columns, sort and the
// comparison mode stay as they are.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useState, type FormEvent } from 'react'
import type { GridColumn } from '../../domain/grid/columns'
import { METEO_STATUSES } from '../../domain/observations/indicators'
import { periodRange } from '../../domain/observations/period'
import { formatPeriod } from '../format'
import { PlaceFilterFields } from '../PlaceFilterFields'
import { thisMonth } from '../structure/field-value'
import { ThresholdFields } from './ThresholdFields'
import {
  joinMeteo,
  METEO_KEY,
  shownPeriod,
  splitMeteo,
  type PlaceKey,
  type TrackingQuery,
} from './tracking-params'

/** The Ségur tracker started in 2021: its points, newest first, and the one shown if older or later. */
function periodChoices(shown: string): string[] {
  const months = periodRange('2021-01', thisMonth()).reverse()
  return months.includes(shown) ? months : [shown, ...months]
}

interface Props {
  query: TrackingQuery
  /** The columns the user may filter on. */
  columns: readonly GridColumn[]
  onSubmit: (query: TrackingQuery) => void
}

export function FiltersPanel({ query, columns, onSubmit }: Props) {
  const [period, setPeriod] = useState(shownPeriod(query))
  const [place, setPlace] = useState(query.place)
  const initial = splitMeteo(query.where)
  const [meteo, setMeteo] = useState(initial.meteo)
  const [thresholds, setThresholds] = useState(initial.thresholds)
  const bind = (key: PlaceKey) => ({
    name: key,
    value: place[key] ?? '',
    onChange: (event: { target: { value: string } }) => setPlace({ ...place, [key]: event.target.value }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit({ ...query, period, place, where: joinMeteo(meteo, thresholds) })
  }
  const reset = () => onSubmit({ ...query, place: {}, where: [] })
  const col = fr.cx('fr-col-12', 'fr-col-sm-6', 'fr-col-lg-3')
  return (
    <form
      role="search"
      aria-label="Filtres du suivi"
      onSubmit={submit}
      className={fr.cx('fr-p-2w', 'fr-mb-3w')}
      style={{ border: '1px solid var(--border-default-grey)', maxWidth: '100%' }}
    >
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={col}>
          <Select
            label="Point de suivi"
            hint="Le mois du suivi"
            nativeSelectProps={{ name: 'period', value: period, onChange: (e) => setPeriod(e.target.value) }}
          >
            {periodChoices(period).map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p)}
              </option>
            ))}
          </Select>
        </div>
        <div className={col}>
          <Input
            label="Recherche"
            hintText="FINESS, nom ou commune"
            nativeInputProps={{ ...bind('q'), type: 'search', maxLength: 100, autoComplete: 'off' }}
          />
        </div>
        <PlaceFilterFields bind={bind} columnClass={col} />
        <div className={col}>
          <Input
            label="GHT"
            hintText="Identifiant du groupement"
            nativeInputProps={{ ...bind('ght'), maxLength: 64, autoComplete: 'off' }}
          />
        </div>
        {columns.some((c) => c.key === METEO_KEY) && (
          <div className={col}>
            <Select
              label="Météo"
              hint="Saisie par la région"
              nativeSelectProps={{ name: 'meteo', value: meteo, onChange: (e) => setMeteo(e.target.value) }}
            >
              <option value="">Toutes les météos</option>
              {METEO_STATUSES.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
      <ThresholdFields thresholds={thresholds} columns={columns} onChange={setThresholds} />
      <ul
        className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mt-2w')}
      >
        <li>
          <Button type="submit" iconId="fr-icon-filter-line">
            Appliquer les filtres
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={reset}>
            Réinitialiser les filtres
          </Button>
        </li>
      </ul>
    </form>
  )
}
