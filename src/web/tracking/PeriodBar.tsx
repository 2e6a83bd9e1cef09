// The follow-up point shown: a selector of every point since January 2021 (the months without data of
// their own say so), links to the previous and next points (the filters stay), and the comparison with
// the previous point, which highlights the values that changed since.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { addMonths } from '../../domain/observations/period'
import { formatPeriod } from '../format'
import { navigate } from '../router'
import { thisMonth } from '../structure/field-value'
import { periodChoices, type PeriodChoice } from './period-choices'
import { fetchGridPeriods } from './tracking-api'
import { shownPeriod, trackingHref, type TrackingQuery } from './tracking-params'

const choiceLabel = (choice: PeriodChoice) =>
  `${formatPeriod(choice.period)}${choice.hasData === false ? ' (sans données)' : ''}`

/** A form rather than a list that navigates on change: arrow keys in a closed list would move at each step. */
function PeriodSelector({ query }: { query: TrackingQuery }) {
  const shown = shownPeriod(query)
  const [chosen, setChosen] = useState(shown)
  const periods = useQuery({ queryKey: ['grid-periods'], queryFn: ({ signal }) => fetchGridPeriods(signal) })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (chosen !== shown) navigate(trackingHref({ ...query, period: chosen }))
  }
  return (
    <form onSubmit={submit} aria-label="Choix du point de suivi" className="jalon-period-form">
      <Select
        label="Point de suivi"
        hint={periods.error ? 'Les mois sans données n’ont pas pu être repérés.' : 'Le mois du suivi'}
        nativeSelectProps={{ name: 'period', value: chosen, onChange: (e) => setChosen(e.target.value) }}
      >
        {periodChoices(periods.data, shown, thisMonth()).map((choice) => (
          <option key={choice.period} value={choice.period}>
            {choiceLabel(choice)}
          </option>
        ))}
      </Select>
      <Button type="submit" priority="secondary">
        Afficher ce point
      </Button>
    </form>
  )
}

export function PeriodBar({ query }: { query: TrackingQuery }) {
  const period = shownPeriod(query)
  const previous = addMonths(period, -1)
  const next = addMonths(period, 1)
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom', 'fr-mb-2w')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-6', 'fr-col-lg-4')}>
        {/* A new point shown (links, back button) resets the selector to it. */}
        <PeriodSelector key={period} query={query} />
      </div>
      <div className={fr.cx('fr-col-12', 'fr-col-md-6', 'fr-col-lg-4')}>
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
      <div className={fr.cx('fr-col-12', 'fr-col-lg-4')}>
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
