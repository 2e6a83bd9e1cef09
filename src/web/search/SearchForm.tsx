// The search filters: text, région, département, sector, category, legal entity (EJ) and status. Submitting
// puts them in the URL (back to page 1); the sort order stays.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useState, type FormEvent } from 'react'
import { PlaceFilterFields } from '../PlaceFilterFields'
import { DEFAULTS, FILTER_KEYS, type QueryKey, type SearchQuery } from '../search-params'

type Filter = (typeof FILTER_KEYS)[number]

interface Props {
  query: SearchQuery
  onSubmit: (query: SearchQuery) => void
}

export function SearchForm({ query, onSubmit }: Props) {
  const [filters, setFilters] = useState<SearchQuery>(() => pick(query, FILTER_KEYS))
  const bind = (key: Filter) => ({
    name: key,
    value: filters[key] ?? '',
    onChange: (event: { target: { value: string } }) => setFilters({ ...filters, [key]: event.target.value }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit({ ...pick(query, ['sort', 'order', 'pageSize']), ...filters })
  }
  const col = fr.cx('fr-col-12', 'fr-col-md-4')
  return (
    <form
      role="search"
      aria-label="Filtres des établissements"
      onSubmit={submit}
      className={fr.cx('fr-mb-4w')}
    >
      <Input
        label="Recherche"
        hintText="Numéro FINESS, nom de l’établissement ou commune"
        nativeInputProps={{ ...bind('q'), type: 'search', maxLength: 100, autoComplete: 'off' }}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <PlaceFilterFields bind={bind} columnClass={col} />
        <div className={col}>
          <Select
            label="État"
            hint="Dans le répertoire FINESS"
            nativeSelectProps={{ ...bind('status'), value: filters.status ?? DEFAULTS.status }}
          >
            <option value="open">Ouverts</option>
            <option value="closed">Fermés</option>
            <option value="all">Tous</option>
          </Select>
        </div>
      </div>
      <ul
        className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mt-2w')}
      >
        <li>
          <Button type="submit" iconId="fr-icon-search-line">
            Rechercher
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onSubmit({})}>
            Réinitialiser
          </Button>
        </li>
      </ul>
    </form>
  )
}

function pick(query: SearchQuery, keys: readonly QueryKey[]): SearchQuery {
  const picked: SearchQuery = {}
  for (const key of keys) if (query[key]) picked[key] = query[key]
  return picked
}
