// Deleting an account asks for a confirmation first, in the page (not a browser dialog), focused so that
// keyboard and screen-reader users land on it.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { UserAccount } from '../../domain/contract/access'
import { Feedback } from '../Feedback'
import { deleteUser, USERS_KEY } from './users-api'

export function DeleteUser({ user, onDeleted }: { user: UserAccount; onDeleted: (email: string) => void }) {
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const remove = useMutation({
    mutationFn: () => deleteUser(user.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: USERS_KEY })
      onDeleted(user.email)
    },
  })
  useEffect(() => {
    if (confirming) box.current?.focus()
  }, [confirming])
  if (!confirming)
    return (
      <Button
        type="button"
        priority="tertiary"
        iconId="fr-icon-delete-line"
        onClick={() => setConfirming(true)}
      >
        Supprimer le compte
      </Button>
    )
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="group"
      aria-labelledby="suppression-titre"
      className={fr.cx('fr-callout', 'fr-callout--pink-tuile')}
    >
      <p id="suppression-titre" className={fr.cx('fr-callout__text')}>
        Supprimer définitivement le compte de {user.displayName} ({user.email}) ? Ses actions restent au
        journal.
      </p>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mt-2w')}>
        <li>
          <Button type="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
            Confirmer la suppression
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => setConfirming(false)}>
            Annuler
          </Button>
        </li>
      </ul>
      <Feedback error={remove.error} />
    </div>
  )
}
