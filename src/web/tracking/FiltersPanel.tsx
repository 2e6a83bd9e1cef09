// The filter panel above the grid: place (région, département, sector, category, EJ, GHT, text), météo and
// indicator thresholds. Applying puts them all in the URL; the follow-up point (chosen in the period bar),
// columns, sort and the comparison mode stay as they are.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useState, type FormEvent } from 'react'
import type { GridColumn } from '../../domain/grid/columns'
import { METEO_STATUSES } from '../../domain/observations/indicators'
import { PlaceFilterFields } from '../PlaceFilterFields'
import { ThresholdFields } from './ThresholdFields'
import { joinMeteo, METEO_KEY, splitMeteo, type PlaceKey, type TrackingQuery } from './tracking-params'

interface Props {
  query: TrackingQuery
  /** The columns the user may filter on. */
  columns: readonly GridColumn[]
  onSubmit: (query: TrackingQuery) => void
}

export function FiltersPanel({ query, columns, onSubmit }: Props) {
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
    onSubmit({ ...query, place, where: joinMeteo(meteo, thresholds) })
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
