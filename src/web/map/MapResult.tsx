// The map of one indicator and, beside it, its table (the accessible content: area, sites, figure) with its
// CSV download; each area, in the map or the table, opens the tracking grid filtered on it.
import { fr } from '@codegouvfr/react-dsfr'
import { useMemo } from 'react'
import type { MapAnswer, MapArea } from '../../domain/contract/map'
import type { GridColumn } from '../../domain/grid/columns'
import type { Column } from '../DataTable'
import { ChartBlock } from '../dashboards/ChartBlock'
import { formatNumber, formatShare, toNumber } from '../dashboards/dashboard-format'
import { formatPeriod } from '../format'
import { Link } from '../Link'
import { navigate } from '../router'
import { formatValue } from '../tracking/cell-format'
import type { MapDrawing } from './map-chart'
import { classOf, mapClasses, NO_DATA_COLOUR } from './map-classes'
import { areaGridHref, type MapView } from './map-params'
import { MapChartFigure } from './MapChartFigure'
import { MapLegend } from './MapLegend'

interface Props {
  data: MapAnswer
  view: MapView
  column: GridColumn
  defaultColumns: readonly string[]
}

const AREA_WORD = { departement: 'Département', region: 'Région' } as const

/** The figure an area is coloured by: its share of sites with the status, or its average. */
const figureOf = (data: MapAnswer, area: MapArea): number | null =>
  data.figure === 'status' ? (area.sites > 0 ? area.share : null) : toNumber(area.average)

export function MapResult({ data, view, column, defaultColumns }: Props) {
  const period = data.period
  const hrefOf = (code: string) =>
    areaGridHref(
      { ...view, period },
      { level: data.level, code },
      { column, status: data.status?.code ?? null, defaultColumns },
    )
  const status = data.status
  const shown = (area: MapArea) =>
    data.figure === 'status'
      ? `${formatNumber(area.count)} (${formatShare(area.share ?? 0)})`
      : formatValue(column, area.average)
  const classes = useMemo(
    () =>
      mapClasses(
        data.figure === 'status' ? 'share' : 'average',
        data.areas.flatMap((a) => (a.average === null ? [] : [Number(a.average)])),
      ),
    [data],
  )
  const drawing = useMemo<MapDrawing>(
    () => ({
      level: data.level,
      shapes: data.areas.map((area) => {
        const shade = classOf(classes, figureOf(data, area))
        return {
          code: area.code,
          colour: shade?.colour ?? NO_DATA_COLOUR,
          empty: shade === null,
          tooltip: [
            `${area.name} (${area.code})`,
            `${formatNumber(area.sites)} établissement${area.sites > 1 ? 's' : ''}`,
            data.figure === 'status' ? `${status?.label ?? ''} : ${shown(area)}` : `Moyenne : ${shown(area)}`,
          ],
        }
      }),
      onSelect: (code) => navigate(hrefOf(code)),
    }),
    // Redrawn when the answer changes (a new view is a new answer), not at each render.
    [data, classes],
  )
  const rows = data.areas.filter((a) => a.sites > 0)
  const word = AREA_WORD[data.level]
  const columns: Column<MapArea>[] = [
    {
      key: 'area',
      header: word,
      wide: true,
      cell: (a) => (
        <Link href={hrefOf(a.code)} title={`${a.name} : ouvrir la grille de suivi filtrée`}>
          {a.name} ({a.code})
        </Link>
      ),
    },
    { key: 'sites', header: 'Établissements', cell: (a) => formatNumber(a.sites) },
    ...(data.figure === 'status'
      ? [
          { key: 'count', header: status?.label ?? 'Statut', cell: (a: MapArea) => formatNumber(a.count) },
          { key: 'share', header: 'Part', cell: (a: MapArea) => formatShare(a.share ?? 0) },
        ]
      : [
          { key: 'average', header: 'Moyenne', cell: (a: MapArea) => formatValue(column, a.average) },
          {
            key: 'structures',
            header: 'Structures déclarantes',
            cell: (a: MapArea) => formatNumber(a.structures),
          },
        ]),
  ]
  const csvHeader = [
    word,
    'Code',
    'Établissements',
    ...(data.figure === 'status'
      ? [status?.label ?? 'Statut', 'Part (%)']
      : ['Moyenne', 'Structures déclarantes']),
  ]
  const csvRows = rows.map((a) => [
    a.name,
    a.code,
    a.sites,
    ...(data.figure === 'status' ? [a.count, a.share] : [toNumber(a.average), a.structures]),
  ])
  const title =
    data.figure === 'status' ? `${data.label} : ${status?.label ?? ''}` : `${data.label} : moyenne`
  const month = data.month ? `Données de ${formatPeriod(data.month)}` : 'Aucune donnée à ce point de suivi'
  return (
    <section aria-labelledby="carte-titre">
      <h2 id="carte-titre" className={fr.cx('fr-h4')}>
        {title}
      </h2>
      <p className={fr.cx('fr-text--sm')}>
        {month}.{' '}
        {data.figure === 'status'
          ? 'Couleur : part des établissements de la zone qui ont ce statut.'
          : 'Couleur : moyenne des structures déclarantes de la zone (chacune une fois), comme en pied de grille.'}{' '}
        Un clic sur une zone ouvre la grille de suivi filtrée sur elle.
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-2w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-lg-9')}>
          <MapChartFigure drawing={drawing} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-lg-3')}>
          <MapLegend classes={classes} unit={data.figure === 'status' ? '%' : (column.unit ?? '')} />
        </div>
      </div>
      <ChartBlock
        title={`Tableau par ${word.toLowerCase()}`}
        note={`${rows.length} zone${rows.length > 1 ? 's' : ''} avec des établissements ; chaque nom ouvre la grille filtrée.`}
        columns={columns}
        rows={rows}
        rowKey={(a) => a.code}
        csv={{ header: csvHeader, rows: csvRows }}
        fileLabel={`carte-${period}-${data.indicator}`}
      />
    </section>
  )
}
