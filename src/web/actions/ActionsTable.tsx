// A list of follow-up actions as a DSFR table: due date and status, kind, subject with its next step and
// notes, theme, person in charge; the establishment when the list spans several; the buttons when the
// reader may change them. Every text is shown as text (React escapes it).
import { fr } from '@codegouvfr/react-dsfr'
import type { FollowUpAction } from '../../domain/contract/actions'
import { DataTable, type Column } from '../DataTable'
import { formatDate, NOT_GIVEN } from '../format'
import { Link } from '../Link'
import { structureHref } from '../router'
import { ActionRowButtons } from './ActionRowButtons'
import { ActionStatusBadge } from './ActionStatusBadge'

function Subject({ action }: { action: FollowUpAction }) {
  return (
    <>
      <span className={fr.cx('fr-text--bold')}>{action.subject}</span>
      {action.nextStep && (
        <>
          <br />
          Prochaine étape : {action.nextStep}
        </>
      )}
      {action.notes && (
        <span className={fr.cx('fr-hint-text')} style={{ whiteSpace: 'pre-line' }}>
          {action.notes}
        </span>
      )}
    </>
  )
}

function columns(showStructure: boolean, editable: boolean): Column<FollowUpAction>[] {
  return [
    { key: 'due', header: 'Échéance', cell: (a) => formatDate(a.dueOn) },
    { key: 'status', header: 'Statut', cell: (a) => <ActionStatusBadge action={a} /> },
    ...(showStructure
      ? [
          {
            key: 'structure',
            header: 'Établissement',
            wide: true,
            cell: (a: FollowUpAction) => (
              <Link href={structureHref(a.finess)}>
                {a.structureName} ({a.finess})
              </Link>
            ),
          },
        ]
      : []),
    { key: 'kind', header: 'Type', cell: (a) => a.kindLabel },
    { key: 'subject', header: 'Objet', wide: true, cell: (a) => <Subject action={a} /> },
    { key: 'theme', header: 'Thème', cell: (a) => a.themeLabel ?? NOT_GIVEN },
    { key: 'owner', header: 'Responsable', cell: (a) => a.ownerName ?? NOT_GIVEN },
    ...(editable
      ? [
          {
            key: 'do',
            header: 'Gérer',
            cell: (a: FollowUpAction) => (a.editable ? <ActionRowButtons action={a} /> : null),
          },
        ]
      : []),
  ]
}

interface Props {
  caption: string
  actions: FollowUpAction[]
  showStructure?: boolean
}

export function ActionsTable({ caption, actions, showStructure = false }: Props) {
  return (
    <DataTable
      caption={caption}
      // A heading just above already names the list.
      hideCaption
      columns={columns(
        showStructure,
        actions.some((a) => a.editable),
      )}
      rows={actions}
      rowKey={(a) => String(a.id)}
      scrollLabel={caption}
    />
  )
}
