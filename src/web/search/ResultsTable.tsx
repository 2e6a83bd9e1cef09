// One page of search results, each row linking to the structure's page.
import { fr } from '@codegouvfr/react-dsfr'
import type { StructureSummary } from '../../domain/contract/structures'
import { SECTOR_LABELS } from '../../domain/sector'
import { DataTable, type Column } from '../DataTable'
import { NOT_GIVEN, orNotGiven } from '../format'
import { Link } from '../Link'
import { structureHref } from '../router'
import type { SearchQuery, SortKey } from '../search-params'
import { StatusBadge } from '../StatusBadge'
import { SortHeader, sortState } from './SortHeader'

interface Props {
  items: StructureSummary[]
  query: SearchQuery
}

export function ResultsTable({ items, query }: Props) {
  const sortable = (key: string, label: string, sort: SortKey, cell: Column<StructureSummary>['cell']) => ({
    key,
    header: <SortHeader label={label} sort={sort} query={query} />,
    ariaSort: sortState(query, sort) ?? ('none' as const),
    cell,
  })
  const columns: Column<StructureSummary>[] = [
    sortable('finessEg', 'FINESS ET', 'finessEg', (s) => s.finessEg),
    { key: 'finessEj', header: 'FINESS EJ', cell: (s) => s.finessEj },
    { key: 'finessPmsi', header: 'FINESS PMSI', cell: (s) => s.finessPmsi ?? NOT_GIVEN },
    {
      ...sortable('name', 'Nom', 'name', (s) => (
        <>
          <Link href={structureHref(s.finessEg)} className={fr.cx('fr-link')}>
            {s.name}
          </Link>
          {s.city && <span className={fr.cx('fr-hint-text')}>{s.city}</span>}
        </>
      )),
      wide: true,
    },
    {
      ...sortable('categoryCode', 'Catégorie', 'categoryCode', (s) =>
        s.categoryCode ? `${s.categoryCode} · ${s.categoryLabel ?? ''}` : NOT_GIVEN,
      ),
      wide: true,
    },
    sortable('departement', 'Département', 'departement', (s) => orNotGiven(s.departement)),
    { key: 'sector', header: 'Secteur', cell: (s) => SECTOR_LABELS[s.sector] },
    { key: 'status', header: 'État', cell: (s) => <StatusBadge closed={s.closed} closedOn={s.closedOn} /> },
  ]
  return (
    <DataTable
      caption="Établissements trouvés"
      hideCaption
      columns={columns}
      rows={items}
      rowKey={(s) => s.finessEg}
    />
  )
}
