// The journal's filter form. It edits a copy of the URL's filters; "Filtrer" writes them into the URL (back
// to page 1), which the page then reads.
import { fr } from '@codegouvfr/react-dsfr'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { AUDIT_ACTION_LABELS } from '../../domain/contract/access'
import { ChoiceSelect } from '../ChoiceSelect'
import { useUrlFilterForm } from '../field-draft'
import { FilterButtons } from '../FilterButtons'
import { navigate } from '../router'
import { useSignedIn } from '../session/session'
import { ActorSelect } from './ActorSelect'
import { journalHref, type JournalFilter } from './journal-params'

const ACTION_CHOICES = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))

export function JournalFilters({ filter }: { filter: JournalFilter }) {
  const me = useSignedIn()
  const { draft, setDraft, bind, submit } = useUrlFilterForm(filter, journalHref)
  const reset = () => navigate(journalHref(me && !me.can.manageUsers ? { actor: String(me.user.id) } : {}))
  const third = fr.cx('fr-col-12', 'fr-col-md-4')
  return (
    <form role="search" aria-label="Filtres du journal" onSubmit={submit} className={fr.cx('fr-mb-3w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={third}>
          <Input
            label="Établissement (FINESS)"
            hintText="9 caractères"
            nativeInputProps={{ ...bind('finess'), type: 'text', inputMode: 'text', maxLength: 9 }}
          />
        </div>
        <div className={third}>
          <ActorSelect value={draft.actor ?? ''} onChange={(actor) => setDraft((d) => ({ ...d, actor }))} />
        </div>
        <div className={third}>
          <ChoiceSelect
            label="Action"
            field={bind('action')}
            noChoice="Toutes les actions"
            choices={ACTION_CHOICES}
          />
        </div>
        <div className={third}>
          <Input label="Du" hintText="Date incluse" nativeInputProps={{ ...bind('from'), type: 'date' }} />
        </div>
        <div className={third}>
          <Input label="Au" hintText="Date incluse" nativeInputProps={{ ...bind('until'), type: 'date' }} />
        </div>
      </div>
      <FilterButtons onReset={reset} />
    </form>
  )
}
