// One figure of the dashboard: its title, the chart, its data table beside it (the accessible content) and
// the download of that table as a French CSV.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import type { ReactNode } from 'react'
import { DataTable, type Column } from '../DataTable'
import { csvFileName, downloadCsv, frenchCsv, type CsvCell } from './csv-download'
import { DashboardChart, type ChartData } from './DashboardChart'

export interface CsvTable {
  header: string[]
  rows: CsvCell[][]
}

interface Props<Row> {
  title: string
  /** Said under the title: the month the figures are for, what they count. */
  note?: ReactNode
  /** None: a table alone (the top-10 lists). */
  chart?: ChartData
  columns: Column<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string
  csv: CsvTable
  /** Names the downloaded file with the title. */
  fileLabel: string
  /** h3 by default; h4 under a theme's heading. */
  level?: 3 | 4
}

export function ChartBlock<Row>(props: Props<Row>) {
  const { title, note, chart, columns, rows, rowKey, csv, fileLabel, level = 3 } = props
  const Heading = level === 3 ? 'h3' : 'h4'
  const download = () => downloadCsv(csvFileName(fileLabel, title), frenchCsv(csv.header, csv.rows))
  const table = (
    <DataTable
      caption={title}
      hideCaption
      columns={columns}
      rows={rows}
      rowKey={rowKey}
      scrollLabel={`Tableau : ${title}`}
    />
  )
  return (
    <section className={fr.cx('fr-mb-5w')} aria-label={title}>
      <Heading className={fr.cx('fr-h5', 'fr-mb-1v')}>{title}</Heading>
      {note && <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{note}</p>}
      {chart ? (
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
            <DashboardChart data={chart} />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-lg-6')}>{table}</div>
        </div>
      ) : (
        table
      )}
      <Button priority="tertiary" size="small" iconId="fr-icon-download-line" onClick={download}>
        Télécharger (CSV)<span className={fr.cx('fr-sr-only')}> : {title}</span>
      </Button>
    </section>
  )
}
