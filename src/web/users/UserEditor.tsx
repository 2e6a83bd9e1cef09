// The management panel of one account: its role, disabling or enabling it, its scopes, its deletion.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useEffect, useRef, useState } from 'react'
import type { UserAccount } from '../../domain/contract/access'
import { ROLE_LABELS, ROLES, type Role } from '../../domain/access/roles'
import { Feedback } from '../Feedback'
import { journalHref } from '../journal/journal-params'
import { Link } from '../Link'
import { DeleteUser } from './DeleteUser'
import { useAccountAction } from './useAccountAction'
import { updateUser } from './users-api'
import { UserScopes } from './UserScopes'

interface Props {
  user: UserAccount
  onClose: () => void
  onDeleted: (email: string) => void
}

export function UserEditor({ user, onClose, onDeleted }: Props) {
  const action = useAccountAction()
  const [role, setRole] = useState<Role>(user.role)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [user.id])
  return (
    <section
      id="gestion-compte"
      aria-labelledby="gestion-compte-titre"
      className={fr.cx('fr-mb-6w', 'fr-p-3w')}
      style={{ background: fr.colors.decisions.background.alt.grey.default }}
    >
      <h2 id="gestion-compte-titre" ref={heading} tabIndex={-1}>
        Compte de {user.displayName}
      </h2>
      <p>
        {user.email} · {user.disabled ? 'désactivé' : 'actif'} ·{' '}
        <Link href={journalHref({ actor: String(user.id) })}>Journal de ce compte</Link>
      </p>
      <form
        aria-label="Rôle du compte"
        className={fr.cx('fr-mb-4w')}
        onSubmit={(event) => {
          event.preventDefault()
          action.run(() => updateUser(user.id, { role }), `Rôle changé : ${ROLE_LABELS[role]}.`)
        }}
      >
        <Select
          label="Rôle"
          nativeSelectProps={{
            id: 'gestion-role',
            value: role,
            onChange: (event) => setRole(event.target.value as Role),
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
          <li>
            <Button type="submit" disabled={action.pending || role === user.role}>
              Changer le rôle
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="secondary"
              disabled={action.pending}
              onClick={() =>
                action.run(
                  () => updateUser(user.id, { disabled: !user.disabled }),
                  user.disabled ? 'Compte réactivé.' : 'Compte désactivé : ses sessions sont fermées.',
                )
              }
            >
              {user.disabled ? 'Réactiver le compte' : 'Désactiver le compte'}
            </Button>
          </li>
        </ul>
        <Feedback success={action.success} error={action.error} />
      </form>
      <UserScopes user={user} />
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        <li>
          <DeleteUser user={user} onDeleted={onDeleted} />
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onClose}>
            Fermer
          </Button>
        </li>
      </ul>
    </section>
  )
}
