// An action's status as a DSFR badge; an action still to do whose due date has passed says it is late.
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import { isOverdue } from '../../domain/actions/rules'
import type { FollowUpAction } from '../../domain/contract/actions'

/** Today as `AAAA-MM-JJ`, in the browser's time zone (the day people live in). */
export function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function ActionStatusBadge({ action }: { action: FollowUpAction }) {
  if (isOverdue(action, today()))
    return (
      <Badge as="span" severity="warning" small>
        En retard
      </Badge>
    )
  const severity = action.status === 'fait' ? 'success' : action.status === 'a_faire' ? 'info' : undefined
  return (
    <Badge as="span" small noIcon {...(severity ? { severity } : {})}>
      {action.statusLabel}
    </Badge>
  )
}
