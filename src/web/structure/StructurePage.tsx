// `/structures/:finess`: one structure, its legal entity and other sites, every theme of the follow-up over
// time with the région's and the nation's averages, programme attainment and funding forecast explained by
// the rules engine, the fields typed about it (météo, comments, declarations) and their history, and its
// FINESS change history. Outside the user's scope, the server's refusal.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb'
import { useQuery } from '@tanstack/react-query'
import { ApiError, fetchStructure } from '../api'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { Link } from '../Link'
import { StatusBadge } from '../StatusBadge'
import { ActionsSection } from '../actions/ActionsSection'
import { journalHref } from '../journal/journal-params'
import { ChangeHistory } from './ChangeHistory'
import { CommentsHistory } from './CommentsHistory'
import { FieldsSection } from './FieldsSection'
import { FollowUp } from './FollowUp'
import { IdentitySection } from './IdentitySection'
import { LegalEntitySection } from './LegalEntitySection'

function errorTitle(error: Error): string {
  if (error instanceof ApiError && error.status === 404) return 'Établissement introuvable'
  if (error instanceof ApiError && error.status === 403) return 'Accès refusé'
  return 'Erreur'
}

export function StructurePage({ finess }: { finess: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: ['structure', finess],
    queryFn: ({ signal }) => fetchStructure(finess, signal),
  })
  useDocumentTitle(data?.name ?? `Établissement ${finess}`)
  return (
    <>
      <Breadcrumb
        currentPageLabel={data?.name ?? finess}
        homeLinkProps={{ href: '/' }}
        segments={[]}
        className={fr.cx('fr-mt-0', 'fr-mb-3w')}
      />
      {error ? (
        <>
          <Alert
            severity="error"
            role="alert"
            title={errorTitle(error)}
            description={error.message}
            className={fr.cx('fr-mb-3w')}
          />
          <Link href="/" className={fr.cx('fr-link', 'fr-icon-arrow-left-line', 'fr-link--icon-left')}>
            Retour à la recherche
          </Link>
        </>
      ) : isPending ? (
        <p role="status">Chargement de l’établissement {finess}…</p>
      ) : (
        <>
          <h1 className={fr.cx('fr-mb-1w')}>
            {data.name} {data.closed && <StatusBadge closed closedOn={data.closedOn} />}
          </h1>
          {data.nameLong && data.nameLong !== data.name && (
            <p className={fr.cx('fr-text--lead', 'fr-mb-3w')}>{data.nameLong}</p>
          )}
          {!data.keyValid && (
            <Alert
              severity="warning"
              title="Clé de contrôle FINESS invalide"
              description={`Le numéro ${data.finessEg} ne passe pas le contrôle de clé (Luhn). Il est repris tel que le répertoire FINESS le publie ; vérifiez-le auprès de l’ARS avant de l’utiliser.`}
              className={fr.cx('fr-mb-3w')}
            />
          )}
          <p>
            <Link
              href={journalHref({ finess: data.finessEg })}
              className={fr.cx('fr-link', 'fr-icon-time-line', 'fr-link--icon-left')}
            >
              Journal des modifications
            </Link>
          </p>
          <IdentitySection structure={data} />
          <LegalEntitySection structure={data} />
          <FollowUp finess={data.finessEg} />
          <FieldsSection finess={data.finessEg} />
          <ActionsSection finess={data.finessEg} />
          <CommentsHistory finess={data.finessEg} />
          <ChangeHistory structure={data} />
        </>
      )}
    </>
  )
}
