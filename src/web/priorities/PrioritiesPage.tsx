// `/priorites` (issue 7 §3): which establishments to help first. A list of criteria (saved, personal or
// shared with a région, or the defaults) is evaluated at a follow-up point within the user's scopes: the
// sites ranked by score with one reason per criterion met, each criterion's count with the tracking grid
// showing its sites, and the list as XLSX or CSV. The criteria, weights and parameters are chosen and saved
// below.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { Pagination } from '@codegouvfr/react-dsfr/Pagination'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { seesAllFrance } from '../../domain/access/permissions'
import { Feedback } from '../Feedback'
import { formatCount, formatPeriod } from '../format'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { REGIONS } from '../regions'
import { navigate } from '../router'
import { useSignedIn } from '../session/session'
import { useFollowUpPeriod } from '../useFollowUpPeriod'
import { CriteriaCounts } from './CriteriaCounts'
import { ListEditor } from './ListEditor'
import {
  fetchPriorityLists,
  fetchPriorityResults,
  PRIORITY_LISTS_KEY,
  priorityExportHref,
} from './priorities-api'
import { PRIORITIES_PAGE_SIZE, prioritiesHref, readPrioritiesView } from './priorities-params'
import { PriorityFilters } from './PriorityFilters'
import { RankedSites } from './RankedSites'

export function PrioritiesPage({ searchParams }: { searchParams: URLSearchParams }) {
  useDocumentTitle('Priorités')
  const me = useSignedIn()
  const view = readPrioritiesView(searchParams)
  // Said after the editor is shown again on the saved list (a new editor: its own message would be lost).
  const [notice, setNotice] = useState<string | null>(null)
  const period = useFollowUpPeriod(view.period)
  const lists = useQuery({
    queryKey: PRIORITY_LISTS_KEY,
    queryFn: ({ signal }) => fetchPriorityLists(signal),
  })
  const results = useQuery({
    queryKey: ['priority-results', period, view],
    queryFn: ({ signal }) => fetchPriorityResults({ ...view, period: period as string }, signal),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  })
  const nation = me ? seesAllFrance(me.user) : false
  const region = REGIONS.find((r) => r.code === view.region)
  const place = region ? region.name : nation ? 'France entière' : 'Votre périmètre'
  const list = lists.data?.lists.find((l) => l.id === view.list) ?? null
  const data = results.data
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PRIORITIES_PAGE_SIZE)) : 1
  return (
    <>
      <h1 className={fr.cx('fr-mb-1w')}>Priorités</h1>
      {period && (
        <p className={fr.cx('fr-text--lead', 'fr-mb-2w')}>
          {place} — point de suivi : {formatPeriod(period)} —{' '}
          {list ? `liste « ${list.name} »` : 'critères par défaut'}
        </p>
      )}
      <p>
        Le score d’un établissement est la somme des poids des critères qu’il remplit ; chaque critère rempli
        donne sa raison.
      </p>
      {period && lists.data && (
        <PriorityFilters
          key={searchParams.toString() + period}
          view={view}
          period={period}
          lists={lists.data.lists}
          choosesRegion={nation}
          onSubmit={(next) => {
            setNotice(null)
            navigate(prioritiesHref(next))
          }}
        />
      )}
      {results.error ? (
        <Alert
          severity="error"
          role="alert"
          title="Les priorités n’ont pas pu être calculées"
          description={results.error.message}
        />
      ) : !data || !period ? (
        <p role="status">Calcul des priorités…</p>
      ) : (
        <section aria-labelledby="priorities-results" aria-busy={results.isFetching}>
          <h2 id="priorities-results" aria-live="polite" className={fr.cx('fr-h4')}>
            {formatCount(data.total, 'établissement')} à aider en priorité
          </h2>
          <CriteriaCounts criteria={data.criteria} />
          <p className={fr.cx('fr-mt-2w')}>
            <a
              className={fr.cx('fr-link', 'fr-icon-download-line', 'fr-link--icon-left', 'fr-mr-3w')}
              href={priorityExportHref({ ...view, period }, 'xlsx')}
              download
            >
              Télécharger la liste (Excel)
            </a>
            <a
              className={fr.cx('fr-link', 'fr-icon-download-line', 'fr-link--icon-left')}
              href={priorityExportHref({ ...view, period }, 'csv')}
              download
            >
              Télécharger la liste (CSV)
            </a>
          </p>
          {data.rows.length > 0 && <RankedSites sites={data.rows} firstRank={data.offset + 1} />}
          {pageCount > 1 && (
            <Pagination
              count={pageCount}
              defaultPage={Math.min(view.page, pageCount)}
              getPageLinkProps={(page) => ({ href: prioritiesHref({ ...view, page }) })}
              className={fr.cx('fr-mt-2w')}
            />
          )}
        </section>
      )}
      <section aria-labelledby="priorities-criteria" className={fr.cx('fr-mt-6w')}>
        <h2 id="priorities-criteria" className={fr.cx('fr-h4')}>
          {list ? `Critères de la liste « ${list.name} »` : 'Choisir les critères et enregistrer une liste'}
        </h2>
        {lists.error ? (
          <Alert severity="error" small description={lists.error.message} />
        ) : lists.data ? (
          <ListEditor
            key={list ? `${list.id}-${list.updatedAt}` : 'default'}
            list={list}
            shareRegions={lists.data.shareRegions}
            onSaved={(id, message) => {
              setNotice(message)
              navigate(prioritiesHref({ ...view, list: id ?? undefined, page: 1 }))
            }}
          />
        ) : (
          <p role="status">Chargement des listes…</p>
        )}
        <Feedback success={notice} />
      </section>
    </>
  )
}
