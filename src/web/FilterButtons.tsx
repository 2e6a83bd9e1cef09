// The two buttons under a list page's filters: "Filtrer" submits the form, the other goes back to the
// unfiltered list (or the page's default filters).
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'

interface Props {
  onReset: () => void
  resetLabel?: string
}

export function FilterButtons({ onReset, resetLabel = 'Effacer les filtres' }: Props) {
  return (
    <ul
      className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mt-2w')}
    >
      <li>
        <Button type="submit" iconId="fr-icon-filter-line" iconPosition="left">
          Filtrer
        </Button>
      </li>
      <li>
        <Button type="button" priority="secondary" onClick={onReset}>
          {resetLabel}
        </Button>
      </li>
    </ul>
  )
}
