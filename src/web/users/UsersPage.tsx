// `/administration/utilisateurs` (administrator): the accounts, their management, and new accounts.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Feedback } from '../Feedback'
import { formatCount } from '../format'
import { journalHref } from '../journal/journal-params'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { Link } from '../Link'
import { useSignedIn } from '../session/session'
import { CreateUserForm } from './CreateUserForm'
import { UserEditor } from './UserEditor'
import { fetchUsers, USERS_KEY } from './users-api'
import { UsersTable } from './UsersTable'

export function UsersPage() {
  useDocumentTitle('Utilisateurs')
  const me = useSignedIn()
  const users = useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => fetchUsers(signal),
    enabled: !!me?.can.manageUsers,
  })
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [deleted, setDeleted] = useState<string | null>(null)
  const selected = users.data?.find((u) => u.id === selectedId) ?? null
  return (
    <>
      <h1>Utilisateurs</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les comptes de Jalon, leur rôle et les établissements qu’ils couvrent. Chaque changement est inscrit
        au <Link href={journalHref({})}>journal des modifications</Link>.
      </p>
      {!me?.can.manageUsers ? (
        <Alert
          severity="info"
          title="Réservé à l’administrateur national"
          description="Votre rôle ne permet pas de gérer les comptes. Demandez un changement à l’administrateur national de Jalon."
        />
      ) : (
        <>
          <Feedback
            success={deleted ? `Compte supprimé : ${deleted}.` : null}
            className={fr.cx('fr-mb-2w')}
          />
          {selected && (
            <UserEditor
              key={selected.id}
              user={selected}
              onClose={() => setSelectedId(null)}
              onDeleted={(email) => {
                setSelectedId(null)
                setDeleted(email)
              }}
            />
          )}
          <section aria-labelledby="comptes" className={fr.cx('fr-mb-6w')} aria-busy={users.isFetching}>
            <h2 id="comptes">Comptes</h2>
            {users.error ? (
              <Alert
                severity="error"
                role="alert"
                title="Les comptes n’ont pas pu être chargés"
                description={users.error.message}
              />
            ) : users.isPending ? (
              <p role="status">Chargement des comptes…</p>
            ) : (
              <>
                <p className={fr.cx('fr-text--bold')}>{formatCount(users.data.length, 'compte')}</p>
                <UsersTable users={users.data} selectedId={selectedId} onSelect={setSelectedId} />
              </>
            )}
          </section>
          <CreateUserForm />
        </>
      )}
    </>
  )
}
