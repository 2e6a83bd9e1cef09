// The journal's filter form. It edits a copy of the URL's filters; "Filtrer" writes them into the URL (back
// to page 1), which the page then reads.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useState, type FormEvent } from 'react'
import { AUDIT_ACTION_LABELS } from '../../domain/contract/access'
import { navigate } from '../router'
import { useSignedIn } from '../session/session'
import { ActorSelect } from './ActorSelect'
import { journalHref, type JournalFilter, type JournalKey } from './journal-params'

export function JournalFilters({ filter }: { filter: JournalFilter }) {
  const me = useSignedIn()
  const [draft, setDraft] = useState<JournalFilter>(filter)
  const set = (key: JournalKey) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    navigate(journalHref({ ...draft, page: undefined }))
  }
  const reset = () => navigate(journalHref(me && !me.can.manageUsers ? { actor: String(me.user.id) } : {}))
  const input = (key: JournalKey, type: string) => ({
    name: key,
    type,
    value: draft[key] ?? '',
    onChange: (event: { target: { value: string } }) => set(key)(event.target.value),
  })
  return (
    <form role="search" aria-label="Filtres du journal" onSubmit={submit} className={fr.cx('fr-mb-3w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Établissement (FINESS)"
            hintText="9 caractères"
            nativeInputProps={{ ...input('finess', 'text'), inputMode: 'text', maxLength: 9 }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <ActorSelect value={draft.actor ?? ''} onChange={set('actor')} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select
            label="Action"
            nativeSelectProps={{
              name: 'action',
              value: draft.action ?? '',
              onChange: (event) => set('action')(event.target.value),
            }}
          >
            <option value="">Toutes les actions</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input label="Du" hintText="Date incluse" nativeInputProps={input('from', 'date')} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input label="Au" hintText="Date incluse" nativeInputProps={input('until', 'date')} />
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
          <Button type="button" priority="secondary" onClick={reset}>
            Effacer les filtres
          </Button>
        </li>
      </ul>
    </form>
  )
}
