// The saved views of /suivi: a list of the user's own views and those shared with their région (grouped,
// each shared one with its région), opened as the URL they were saved with; saving the view shown under a
// name, shared with a région when the user may; renaming and deleting the views the user may change.
import { fr } from '@codegouvfr/react-dsfr'
import { Accordion } from '@codegouvfr/react-dsfr/Accordion'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { GridView } from '../../domain/contract/grid-views'
import { Feedback } from '../Feedback'
import { formatCount } from '../format'
import { navigate } from '../router'
import { fetchGridViews, GRID_VIEWS_KEY, groupViews, regionName, viewHref } from './grid-views-api'
import { SaveViewForm } from './SaveViewForm'
import { trackingParams, type TrackingQuery } from './tracking-params'
import { ViewManager } from './ViewManager'

const optionText = (view: GridView) =>
  view.region === null ? view.name : `${view.name} (${regionName(view.region)}, par ${view.ownerName})`

/** A form rather than a list that navigates on change: arrow keys in a closed list would move at each step. */
function OpenView({ views, current }: { views: readonly GridView[]; current: string }) {
  // The view shown, when the URL is one of them, so that the list says which.
  const [chosen, setChosen] = useState(() => String(views.find((v) => v.query === current)?.id ?? ''))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const view = views.find((v) => String(v.id) === chosen)
    if (view) navigate(viewHref(view))
  }
  return (
    <form
      onSubmit={submit}
      aria-label="Ouvrir une vue enregistrée"
      className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}
    >
      <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
        <Select
          label="Vues enregistrées"
          hint="Les vôtres et celles partagées avec votre région"
          className={fr.cx('fr-mb-0')}
          nativeSelectProps={{ name: 'view', value: chosen, onChange: (e) => setChosen(e.target.value) }}
        >
          <option value="">Choisir une vue</option>
          {groupViews(views).map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.views.map((view) => (
                <option key={view.id} value={view.id}>
                  {optionText(view)}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
      <div className={fr.cx('fr-col-12', 'fr-col-md-4', 'fr-col-lg-3')}>
        <Button type="submit" priority="secondary" disabled={chosen === ''}>
          Ouvrir la vue
        </Button>
      </div>
    </form>
  )
}

export function SavedViews({ query }: { query: TrackingQuery }) {
  const list = useQuery({ queryKey: GRID_VIEWS_KEY, queryFn: ({ signal }) => fetchGridViews(signal) })
  const views = list.data?.views ?? []
  const editable = views.filter((v) => v.editable)
  const current = trackingParams(query).toString()
  const [deleted, setDeleted] = useState<string | null>(null)
  return (
    <section aria-label="Vues enregistrées" className={fr.cx('fr-mb-3w')}>
      {views.length > 0 ? (
        // Opening another view (or any new URL) starts the list again from what is shown.
        <OpenView key={current} views={views} current={current} />
      ) : (
        list.isSuccess && (
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
            Aucune vue enregistrée : enregistrez la vue actuelle pour la retrouver ici.
          </p>
        )
      )}
      <Feedback success={deleted && `Vue « ${deleted} » supprimée.`} error={list.error} />
      <div className={fr.cx('fr-accordions-group', 'fr-mt-1w')}>
        <Accordion label="Enregistrer la vue actuelle">
          <SaveViewForm query={query} shareRegions={list.data?.shareRegions ?? []} />
        </Accordion>
        {editable.length > 0 && (
          <Accordion label={`Gérer mes vues (${formatCount(editable.length, 'vue')})`}>
            <ul className={fr.cx('fr-raw-list')}>
              {editable.map((view) => (
                <li key={view.id} className={fr.cx('fr-mb-2w')}>
                  <ViewManager view={view} onDeleted={setDeleted} />
                </li>
              ))}
            </ul>
          </Accordion>
        )}
      </div>
    </section>
  )
}
