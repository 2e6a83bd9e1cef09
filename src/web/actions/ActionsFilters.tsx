// The filters of `/actions`. The form edits a copy of the URL's filters; "Filtrer" writes them into the URL
// (back to page 1), which the page then reads.
import { fr } from '@codegouvfr/react-dsfr'
import { Input } from '@codegouvfr/react-dsfr/Input'
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  ACTION_THEME_LABELS,
  ACTION_THEMES,
} from '../../domain/actions/kinds'
import { ChoiceSelect, labelledChoices } from '../ChoiceSelect'
import { useUrlFilterForm } from '../field-draft'
import { FilterButtons } from '../FilterButtons'
import { REGIONS } from '../regions'
import { navigate } from '../router'
import { actionsHref, type ActionsFilter } from './actions-params'

const REGION_CHOICES = REGIONS.map((r) => ({ value: r.code, label: r.name }))
const STATUS_CHOICES = labelledChoices(ACTION_STATUSES, ACTION_STATUS_LABELS)
const THEME_CHOICES = labelledChoices(ACTION_THEMES, ACTION_THEME_LABELS)

export function ActionsFilters({ filter, meId }: { filter: ActionsFilter; meId: number }) {
  const { draft, bind, submit } = useUrlFilterForm(filter, actionsHref)
  const me = String(meId)
  const owners = [
    { value: me, label: 'Moi' },
    // An owner chosen elsewhere (a link) stays shown.
    ...(draft.owner && draft.owner !== me ? [{ value: draft.owner, label: `Compte n° ${draft.owner}` }] : []),
  ]
  const third = fr.cx('fr-col-12', 'fr-col-md-4')
  return (
    <form role="search" aria-label="Filtres des actions" onSubmit={submit} className={fr.cx('fr-mb-3w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={third}>
          <ChoiceSelect
            label="Région"
            field={bind('region')}
            noChoice="Toutes celles de mon périmètre"
            choices={REGION_CHOICES}
          />
        </div>
        <div className={third}>
          <Input
            label="Département"
            hintText="Code INSEE, par exemple 29 ou 2A"
            nativeInputProps={{ ...bind('departement'), maxLength: 3 }}
          />
        </div>
        <div className={third}>
          <ChoiceSelect
            label="Statut"
            field={bind('status')}
            noChoice="Tous les statuts"
            choices={STATUS_CHOICES}
          />
        </div>
        <div className={third}>
          <ChoiceSelect
            label="Responsable"
            field={bind('owner')}
            noChoice="Tous les responsables"
            choices={owners}
          />
        </div>
        <div className={third}>
          <Input
            label="Échéance avant le"
            hintText="Date exclue"
            nativeInputProps={{ ...bind('dueBefore'), type: 'date' }}
          />
        </div>
        <div className={third}>
          <ChoiceSelect
            label="Thème"
            field={bind('theme')}
            noChoice="Tous les thèmes"
            choices={THEME_CHOICES}
          />
        </div>
      </div>
      <FilterButtons onReset={() => navigate(actionsHref({}))} />
    </form>
  )
}
