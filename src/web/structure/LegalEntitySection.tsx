// The legal entity (FINESS EJ) of the structure and its other sites.
import { fr } from '@codegouvfr/react-dsfr'
import { Card } from '@codegouvfr/react-dsfr/Card'
import type { StructureDetail, StructureSummary } from '../../domain/contract/structures'
import { DataTable, type Column } from '../DataTable'
import { codeAndLabel, formatCount, orNotGiven } from '../format'
import { Link } from '../Link'
import { structureHref } from '../router'
import { searchHref } from '../search-params'
import { StatusBadge } from '../StatusBadge'
import { Facts } from './Facts'

const SIBLING_COLUMNS: Column<StructureSummary>[] = [
  {
    key: 'finessEg',
    header: 'FINESS ET',
    cell: (s) => (
      <Link href={structureHref(s.finessEg)} className={fr.cx('fr-link')}>
        {s.finessEg}
      </Link>
    ),
  },
  { key: 'name', header: 'Nom', cell: (s) => s.name, wide: true },
  { key: 'city', header: 'Commune', cell: (s) => orNotGiven(s.city) },
  {
    key: 'category',
    header: 'Catégorie',
    cell: (s) => codeAndLabel(s.categoryCode, s.categoryLabel),
    wide: true,
  },
  { key: 'status', header: 'État', cell: (s) => <StatusBadge closed={s.closed} closedOn={s.closedOn} /> },
]

export function LegalEntitySection({ structure }: { structure: StructureDetail }) {
  const { legalEntity, siblings } = structure
  const allSites = searchHref({ ej: legalEntity.finessEj, status: 'all' })
  return (
    <section aria-labelledby="entite-juridique" className={fr.cx('fr-mb-6w')}>
      <h2 id="entite-juridique">Entité juridique</h2>
      <Card
        title={legalEntity.name ?? `Entité juridique ${legalEntity.finessEj}`}
        titleAs="h3"
        size="small"
        className={fr.cx('fr-mb-3w')}
        end={
          <Facts
            facts={[
              { label: 'FINESS EJ', value: legalEntity.finessEj },
              { label: 'Sites rattachés', value: formatCount(legalEntity.siteCount, 'site') },
            ]}
          />
        }
        footer={
          <Link
            href={allSites}
            className={fr.cx('fr-link', 'fr-icon-arrow-right-line', 'fr-link--icon-right')}
          >
            Tous ses sites dans la recherche
          </Link>
        }
      />
      {siblings.length === 0 ? (
        <p>Aucun autre site n’est rattaché à cette entité juridique.</p>
      ) : (
        <DataTable
          caption={`Autres sites de l’entité juridique (${siblings.length})`}
          columns={SIBLING_COLUMNS}
          rows={siblings}
          rowKey={(s) => s.finessEg}
        />
      )}
    </section>
  )
}
