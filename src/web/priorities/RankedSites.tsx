// The sites to help first, highest score first: each with its rank, score, link to its page and one reason
// per criterion met.
import { fr } from '@codegouvfr/react-dsfr'
import type { PrioritySite } from '../../domain/contract/priorities'
import { DataTable } from '../DataTable'
import { codeAndLabel } from '../format'
import { Link } from '../Link'
import { structureHref } from '../router'

interface Props {
  sites: PrioritySite[]
  /** The rank of the first site shown (paging). */
  firstRank: number
}

export function RankedSites({ sites, firstRank }: Props) {
  const ranked = sites.map((site, i) => ({ site, rank: firstRank + i }))
  return (
    <DataTable
      caption="Établissements à aider en priorité"
      hideCaption
      scrollLabel="Établissements à aider en priorité"
      rowKey={(r) => r.site.finessEg}
      rows={ranked}
      columns={[
        { key: 'rank', header: 'Rang', cell: (r) => r.rank },
        { key: 'score', header: 'Score', cell: (r) => r.site.score },
        {
          key: 'name',
          header: 'Établissement',
          wide: true,
          cell: (r) => (
            <>
              <Link href={structureHref(r.site.finessEg)}>{r.site.name}</Link>
              <br />
              <span className={fr.cx('fr-hint-text')}>FINESS {r.site.finessEg}</span>
            </>
          ),
        },
        { key: 'departement', header: 'Département', cell: (r) => r.site.departement ?? '—' },
        {
          key: 'category',
          header: 'Catégorie',
          wide: true,
          cell: (r) => codeAndLabel(r.site.categoryCode, r.site.categoryLabel),
        },
        {
          key: 'reasons',
          header: 'Raisons',
          wide: true,
          cell: (r) => (
            <ul className={fr.cx('fr-mb-0')}>
              {r.site.reasons.map((reason) => (
                <li key={reason.criterion}>
                  <strong>{reason.label}</strong> (poids {reason.weight}) : {reason.text}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  )
}
