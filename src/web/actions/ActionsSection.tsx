// "Actions de suivi" on an establishment's page: the région's log of contacts, meetings, reminders and
// visits with their next step, due date and person in charge, and the form to add one for those who may.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import { Link } from '../Link'
import { useSignedIn } from '../session/session'
import { ActionForm } from './ActionForm'
import { fetchStructureActions, structureActionsKey } from './actions-api'
import { actionsHref } from './actions-params'
import { ActionsTable } from './ActionsTable'

export function ActionsSection({ finess }: { finess: string }) {
  const me = useSignedIn()
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: structureActionsKey(finess),
    queryFn: ({ signal }) => fetchStructureActions(finess, signal),
  })
  return (
    <section aria-labelledby="actions-suivi" aria-busy={isFetching} className={fr.cx('fr-mb-6w')}>
      <h2 id="actions-suivi">Actions de suivi</h2>
      <p>
        Contacts, réunions, relances et visites de la région avec l’établissement, les actions à faire
        d’abord. Toutes les actions de votre périmètre sont sur la page{' '}
        <Link href={actionsHref({})}>Actions</Link>.
      </p>
      {error ? (
        <Alert
          severity="error"
          role="alert"
          title="Les actions n’ont pas pu être chargées"
          description={error.message}
        />
      ) : isPending ? (
        <p role="status">Chargement des actions de suivi…</p>
      ) : (
        <>
          {data.items.length === 0 ? (
            <p>Aucune action de suivi pour cet établissement.</p>
          ) : (
            <ActionsTable caption="Actions de suivi de l’établissement" actions={data.items} />
          )}
          {data.canWrite && me ? (
            <ActionForm finess={finess} owners={data.owners} meId={me.user.id} />
          ) : (
            data.refusal && <p className={fr.cx('fr-hint-text')}>{data.refusal}</p>
          )}
        </>
      )}
    </section>
  )
}
