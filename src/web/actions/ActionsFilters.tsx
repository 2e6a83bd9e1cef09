// The filters of `/actions`. The form edits a copy of the URL's filters; "Filtrer" writes them into the URL
// (back to page 1), which the page then reads.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useState, type FormEvent } from 'react'
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  ACTION_THEME_LABELS,
  ACTION_THEMES,
} from '../../domain/actions/kinds'
import { REGIONS } from '../regions'
import { navigate } from '../router'
import { actionsHref, type ActionsFilter, type ActionsKey } from './actions-params'

export function ActionsFilters({ filter, meId }: { filter: ActionsFilter; meId: number }) {
  const [draft, setDraft] = useState<ActionsFilter>(filter)
  const set = (key: ActionsKey) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    navigate(actionsHref({ ...draft, page: undefined }))
  }
  const third = fr.cx('fr-col-12', 'fr-col-md-4')
  return (
    <form role="search" aria-label="Filtres des actions" onSubmit={submit} className={fr.cx('fr-mb-3w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={third}>
          <Select
            label="Région"
            nativeSelectProps={{ name: 'region', value: draft.region ?? '', onChange: set('region') }}
          >
            <option value="">Toutes celles de mon périmètre</option>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </Select>
        </div>
        <div className={third}>
          <Input
            label="Département"
            hintText="Code INSEE, par exemple 29 ou 2A"
            nativeInputProps={{
              name: 'departement',
              maxLength: 3,
              value: draft.departement ?? '',
              onChange: set('departement'),
            }}
          />
        </div>
        <div className={third}>
          <Select
            label="Statut"
            nativeSelectProps={{ name: 'status', value: draft.status ?? '', onChange: set('status') }}
          >
            <option value="">Tous les statuts</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className={third}>
          <Select
            label="Responsable"
            nativeSelectProps={{ name: 'owner', value: draft.owner ?? '', onChange: set('owner') }}
          >
            <option value="">Tous les responsables</option>
            <option value={String(meId)}>Moi</option>
            {/* An owner chosen elsewhere (a link) stays shown. */}
            {draft.owner && draft.owner !== String(meId) && (
              <option value={draft.owner}>Compte n° {draft.owner}</option>
            )}
          </Select>
        </div>
        <div className={third}>
          <Input
            label="Échéance avant le"
            hintText="Date exclue"
            nativeInputProps={{
              name: 'dueBefore',
              type: 'date',
              value: draft.dueBefore ?? '',
              onChange: set('dueBefore'),
            }}
          />
        </div>
        <div className={third}>
          <Select
            label="Thème"
            nativeSelectProps={{ name: 'theme', value: draft.theme ?? '', onChange: set('theme') }}
          >
            <option value="">Tous les thèmes</option>
            {ACTION_THEMES.map((t) => (
              <option key={t} value={t}>
                {ACTION_THEME_LABELS[t]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <ul
        className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mt-2w')}
      >
        <li>
          <Button type="submit" iconId="fr-icon-filter-line" iconPosition="left">
            Filtrer
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => navigate(actionsHref({}))}>
            Effacer les filtres
          </Button>
        </li>
      </ul>
    </form>
  )
}
