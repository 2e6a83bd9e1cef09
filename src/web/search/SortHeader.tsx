// A sortable column header, in the DSFR markup (fr-cell--sort): the button sorts by this column, or reverses
// the order when it already does.
import { fr } from '@codegouvfr/react-dsfr'
import { navigate } from '../router'
import { DEFAULTS, searchHref, sortedBy, type SearchQuery, type SortKey } from '../search-params'

export type SortState = 'ascending' | 'descending' | undefined

export function sortState(query: SearchQuery, sort: SortKey): SortState {
  if ((query.sort ?? DEFAULTS.sort) !== sort) return undefined
  return (query.order ?? DEFAULTS.order) === 'desc' ? 'descending' : 'ascending'
}

interface Props {
  label: string
  sort: SortKey
  query: SearchQuery
}

export function SortHeader({ label, sort, query }: Props) {
  const state = sortState(query, sort)
  const action =
    state === 'ascending'
      ? `Trier par ${label.toLowerCase()}, ordre décroissant`
      : `Trier par ${label.toLowerCase()}`
  return (
    <div className={fr.cx('fr-cell--sort')}>
      <span className={fr.cx('fr-cell__title')}>{label}</span>
      <button
        type="button"
        className={fr.cx('fr-btn--sort', 'fr-btn', 'fr-btn--sm')}
        // DSFR draws the sort state from the button's aria-sort.
        aria-sort={state}
        title={action}
        onClick={() => navigate(searchHref(sortedBy(query, sort)))}
      >
        {action}
      </button>
    </div>
  )
}
