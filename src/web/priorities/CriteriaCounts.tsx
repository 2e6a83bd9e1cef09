// Each criterion of the list with its weight, its parameters, how many sites meet it and, when grid filters
// express it, the tracking grid showing those sites (several links: the list is their union).
import { fr } from '@codegouvfr/react-dsfr'
import type { CriterionResult } from '../../domain/contract/priorities'
import { CRITERIA } from '../../domain/priorities/criteria'
import { DataTable } from '../DataTable'
import { formatCount } from '../format'
import { Link } from '../Link'

const parametersText = (c: CriterionResult) =>
  CRITERIA[c.id].parameters.map((p) => `${p.label} : ${c.parameters[p.id]} ${p.unit}`).join(' ; ') || '—'

function GridLinks({ criterion }: { criterion: CriterionResult }) {
  if (criterion.gridLinks.length === 0)
    return <span className={fr.cx('fr-hint-text')}>Non exprimable par les filtres de la grille</span>
  if (criterion.gridLinks.length === 1)
    return (
      <Link className={fr.cx('fr-link')} href={criterion.gridLinks[0]?.href ?? ''}>
        Voir dans la grille
      </Link>
    )
  return (
    <ul className={fr.cx('fr-mb-0')}>
      {criterion.gridLinks.map((link) => (
        <li key={link.href}>
          <Link className={fr.cx('fr-link')} href={link.href}>
            Voir dans la grille : {link.label}
          </Link>
        </li>
      ))}
    </ul>
  )
}

export function CriteriaCounts({ criteria }: { criteria: CriterionResult[] }) {
  return (
    <DataTable
      caption="Établissements par critère"
      rowKey={(c) => c.id}
      rows={criteria}
      columns={[
        {
          key: 'label',
          header: 'Critère',
          wide: true,
          cell: (c) => (
            <>
              {c.label}
              {c.note && <span className={fr.cx('fr-hint-text')}>{c.note}</span>}
            </>
          ),
        },
        { key: 'weight', header: 'Poids', cell: (c) => c.weight },
        { key: 'parameters', header: 'Paramètres', cell: parametersText },
        { key: 'count', header: 'Établissements', cell: (c) => formatCount(c.count, 'établissement') },
        { key: 'grid', header: 'Grille de suivi', wide: true, cell: (c) => <GridLinks criterion={c} /> },
      ]}
    />
  )
}
