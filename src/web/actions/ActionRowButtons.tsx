// What can be done to one action from a list: mark it done (or reopen it), delete it after a confirmation.
// Each outcome is announced; the lists showing actions are fetched again.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FollowUpAction } from '../../domain/contract/actions'
import { Feedback } from '../Feedback'
import { changeAction, deleteAction } from './actions-api'

export function ActionRowButtons({ action }: { action: FollowUpAction }) {
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['structure-actions'] })
    void queryClient.invalidateQueries({ queryKey: ['actions'] })
    void queryClient.invalidateQueries({ queryKey: ['audit'] })
  }
  const status = useMutation({
    mutationFn: (next: 'fait' | 'a_faire') => changeAction(action.id, { status: next }),
    onSuccess: refresh,
  })
  const remove = useMutation({ mutationFn: () => deleteAction(action.id), onSuccess: refresh })
  const busy = status.isPending || remove.isPending
  const what = `: ${action.subject}`
  return (
    <div>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--sm', 'fr-btns-group--inline')}>
        <li>
          {action.status === 'a_faire' ? (
            <Button size="small" disabled={busy} onClick={() => status.mutate('fait')}>
              Marquer comme fait<span className={fr.cx('fr-sr-only')}>{what}</span>
            </Button>
          ) : (
            <Button
              size="small"
              priority="secondary"
              disabled={busy}
              onClick={() => status.mutate('a_faire')}
            >
              Rouvrir<span className={fr.cx('fr-sr-only')}>{what}</span>
            </Button>
          )}
        </li>
        <li>
          {confirming ? (
            <Button size="small" priority="tertiary" disabled={busy} onClick={() => remove.mutate()}>
              Confirmer la suppression<span className={fr.cx('fr-sr-only')}>{what}</span>
            </Button>
          ) : (
            <Button size="small" priority="tertiary" disabled={busy} onClick={() => setConfirming(true)}>
              Supprimer<span className={fr.cx('fr-sr-only')}>{what}</span>
            </Button>
          )}
        </li>
      </ul>
      <Feedback error={status.error ?? remove.error} />
    </div>
  )
}
