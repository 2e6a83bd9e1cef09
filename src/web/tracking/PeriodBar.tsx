// The follow-up point shown, links to the previous and next points (the filters stay), and the comparison
// with the previous point, which highlights the values that changed since.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch'
import { addMonths } from '../../domain/observations/period'
import { formatPeriod } from '../format'
import { navigate } from '../router'
import { thisMonth } from '../structure/field-value'
import { shownPeriod, trackingHref, type TrackingQuery } from './tracking-params'

export function PeriodBar({ query }: { query: TrackingQuery }) {
  const period = shownPeriod(query)
  const previous = addMonths(period, -1)
  const next = addMonths(period, 1)
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--middle', 'fr-mb-2w')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-7')}>
        <ul
          className={fr.cx(
            'fr-btns-group',
            'fr-btns-group--inline',
            'fr-btns-group--sm',
            'fr-btns-group--icon-left',
          )}
        >
          <li>
            <Button
              priority="secondary"
              iconId="fr-icon-arrow-left-line"
              linkProps={{ href: trackingHref({ ...query, period: previous }) }}
            >
              Point précédent : {formatPeriod(previous)}
            </Button>
          </li>
          {next <= thisMonth() && (
            <li>
              <Button
                priority="secondary"
                iconId="fr-icon-arrow-right-line"
                iconPosition="right"
                linkProps={{ href: trackingHref({ ...query, period: next }) }}
              >
                Point suivant : {formatPeriod(next)}
              </Button>
            </li>
          )}
        </ul>
      </div>
      <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
        <ToggleSwitch
          label={`Comparer au point précédent (${formatPeriod(previous)})`}
          helperText="Les valeurs qui ont changé depuis sont signalées, avec leur valeur d’avant."
          checked={query.compare}
          onChange={(compare) => navigate(trackingHref({ ...query, compare }), { replace: true })}
        />
      </div>
    </div>
  )
}
