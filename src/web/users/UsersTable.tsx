// The accounts: who, role, organisation, scopes, sign-in ways and state, with a link to each one's journal
// and the button that opens its management panel.
import { fr } from '@codegouvfr/react-dsfr'
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import { Button } from '@codegouvfr/react-dsfr/Button'
import type { UserAccount } from '../../domain/contract/access'
import { ROLE_LABELS } from '../../domain/access/roles'
import { DataTable, type Column } from '../DataTable'
import { orNotGiven } from '../format'
import { journalHref } from '../journal/journal-params'
import { Link } from '../Link'
import { scopesText, signInWays } from './user-format'

interface Props {
  users: UserAccount[]
  selectedId: number | null
  onSelect: (id: number) => void
}

export function UsersTable({ users, selectedId, onSelect }: Props) {
  const columns: Column<UserAccount>[] = [
    { key: 'name', header: 'Nom', cell: (u) => u.displayName },
    { key: 'email', header: 'Adresse électronique', cell: (u) => u.email },
    { key: 'role', header: 'Rôle', cell: (u) => ROLE_LABELS[u.role], wide: true },
    { key: 'organisation', header: 'Organisation', cell: (u) => orNotGiven(u.organisation) },
    { key: 'scopes', header: 'Périmètres', cell: scopesText, wide: true },
    { key: 'signIn', header: 'Connexion', cell: signInWays },
    {
      key: 'state',
      header: 'État',
      cell: (u) =>
        u.disabled ? (
          <Badge as="span" severity="error" small noIcon>
            Désactivé
          </Badge>
        ) : (
          <Badge as="span" severity="success" small noIcon>
            Actif
          </Badge>
        ),
    },
    {
      key: 'actions',
      header: 'Actions',
      cell: (u) => (
        <>
          <Button
            type="button"
            size="small"
            priority="secondary"
            aria-expanded={selectedId === u.id}
            aria-controls="gestion-compte"
            onClick={() => onSelect(u.id)}
          >
            Gérer<span className={fr.cx('fr-sr-only')}> le compte de {u.displayName}</span>
          </Button>
          <br />
          <Link href={journalHref({ actor: String(u.id) })} className={fr.cx('fr-link', 'fr-text--sm')}>
            Journal<span className={fr.cx('fr-sr-only')}> de {u.displayName}</span>
          </Link>
        </>
      ),
    },
  ]
  return (
    <DataTable
      caption="Comptes de Jalon"
      hideCaption
      columns={columns}
      rows={users}
      rowKey={(u) => String(u.id)}
    />
  )
}
