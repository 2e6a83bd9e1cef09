// "Historique des saisies": every value typed about the establishment (météo, comments, SIH notes,
// declarations), newest month first, with who entered it and when; the journal holds every change.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import type { TypedEntry } from '../../domain/contract/structure-history'
import { DataTable, type Column } from '../DataTable'
import { formatDateTime, formatPeriod, NOT_GIVEN } from '../format'
import { journalHref } from '../journal/journal-params'
import { Link } from '../Link'
import { commentsKey, fetchComments } from './history-api'

const COLUMNS: Column<TypedEntry>[] = [
  { key: 'month', header: 'Mois', cell: (e) => formatPeriod(e.month) },
  { key: 'field', header: 'Champ', cell: (e) => e.label },
  { key: 'value', header: 'Valeur', cell: (e) => e.valueLabel ?? 'effacée', wide: true },
  {
    key: 'by',
    header: 'Saisie par',
    cell: (e) =>
      e.origin === 'tracker'
        ? `Fichier de suivi importé : ${e.enteredBy ?? NOT_GIVEN}`
        : (e.enteredBy ?? NOT_GIVEN),
    wide: true,
  },
  { key: 'at', header: 'Le', cell: (e) => formatDateTime(e.enteredAt) },
]

export function CommentsHistory({ finess }: { finess: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: commentsKey(finess),
    queryFn: ({ signal }) => fetchComments(finess, signal),
  })
  return (
    <section aria-labelledby="saisies" className={fr.cx('fr-mb-6w')}>
      <h2 id="saisies">Historique des saisies</h2>
      <p>
        La dernière valeur saisie pour chaque mois ; toutes les modifications sont au{' '}
        <Link href={journalHref({ finess })}>journal des modifications</Link>.
      </p>
      {error ? (
        <Alert severity="error" role="alert" title="Historique indisponible" description={error.message} />
      ) : isPending ? (
        <p role="status">Chargement de l’historique des saisies…</p>
      ) : data.entries.length === 0 ? (
        <p>Aucune saisie que votre rôle permette de lire.</p>
      ) : (
        <DataTable
          caption="Valeurs saisies, de la plus récente à la plus ancienne"
          hideCaption
          scrollLabel="Historique des saisies (tableau défilant)"
          columns={COLUMNS}
          rows={data.entries}
          rowKey={(e) => `${e.month}-${e.field}-${e.origin}`}
        />
      )}
    </section>
  )
}
