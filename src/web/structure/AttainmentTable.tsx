// Programme targets and attainment at a month: each measure beside its target, whether it is reached, and
// the engine's explanation.
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import type { ProgrammeAttainment } from '../../domain/contract/structure-history'
import { DataTable, type Column } from '../DataTable'
import { formatPeriod } from '../format'
import { EngineExplanation } from './EngineExplanation'
import { formatRate } from './history-format'

const PROGRAMMES: Readonly<Record<ProgrammeAttainment['programme'], string>> = {
  'sun-es': 'SUN-ES',
  hopen2: 'HOPEN 2',
  ifaq: 'IFAQ',
}

function Reached({ value }: { value: string | null }) {
  if (value === 'oui')
    return (
      <Badge as="span" severity="success" small>
        Atteint
      </Badge>
    )
  if (value === 'non')
    return (
      <Badge as="span" severity="error" small>
        Non atteint
      </Badge>
    )
  return (
    <Badge as="span" severity="info" small noIcon>
      Indéterminé
    </Badge>
  )
}

function Targets({ attainment }: { attainment: ProgrammeAttainment }) {
  return (
    <ul>
      {attainment.targets.map((t) => (
        <li key={t.indicator}>
          {t.label} : {formatRate(t.rate)}
          {t.numerator !== null && t.denominator !== null && ` (${t.numerator} / ${t.denominator})`} — cible{' '}
          {t.target === null ? 'inconnue' : formatRate(String(t.target))}
        </li>
      ))}
    </ul>
  )
}

const COLUMNS: Column<ProgrammeAttainment>[] = [
  { key: 'programme', header: 'Programme', cell: (a) => PROGRAMMES[a.programme] },
  { key: 'label', header: 'Objectif', cell: (a) => a.label, wide: true },
  { key: 'targets', header: 'Mesure et cible', cell: (a) => <Targets attainment={a} />, wide: true },
  { key: 'reached', header: 'Atteinte', cell: (a) => <Reached value={a.reached} /> },
  {
    key: 'explanation',
    header: 'Explication',
    cell: (a) => <EngineExplanation summary="Explication du moteur" text={a.explanation} />,
    wide: true,
  },
]

export function AttainmentTable({ period, rows }: { period: string; rows: ProgrammeAttainment[] }) {
  return (
    <DataTable
      caption={`Cibles et atteinte des programmes — ${formatPeriod(period)}`}
      hideCaption
      scrollLabel="Cibles et atteinte des programmes (tableau défilant)"
      columns={COLUMNS}
      rows={rows}
      rowKey={(a) => `${a.indicator}-${a.level}-${a.finess}`}
    />
  )
}
