// A table in the current DSFR markup (fr-table__wrapper/container/content). react-dsfr's Table renders the
// deprecated markup, where DSFR 1.14 does not style sortable headers (fr-cell--sort).
import { fr } from '@codegouvfr/react-dsfr'
import { cx } from '@codegouvfr/react-dsfr/tools/cx'
import type { AriaAttributes, ReactNode } from 'react'

export interface Column<Row> {
  key: string
  header: ReactNode
  cell: (row: Row) => ReactNode
  ariaSort?: AriaAttributes['aria-sort']
  /** Lets long text wrap, at a medium minimal width. */
  wide?: boolean
}

interface Props<Row> {
  caption: ReactNode
  /** Caption only for assistive technologies, when a heading already says it. */
  hideCaption?: boolean
  columns: Column<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string
  className?: string
  /**
   * A table that may be wider than the screen: its scrolling box takes the keyboard focus (WCAG 2.1.1),
   * named by this label.
   */
  scrollLabel?: string
}

export function DataTable<Row>({
  caption,
  hideCaption,
  columns,
  rows,
  rowKey,
  className,
  scrollLabel,
}: Props<Row>) {
  return (
    <div
      className={cx(
        fr.cx('fr-table', 'fr-table--sm', 'fr-table--bordered', hideCaption && 'fr-table--no-caption'),
        className,
      )}
    >
      <div className={fr.cx('fr-table__wrapper')}>
        <div
          className={fr.cx('fr-table__container')}
          {...(scrollLabel ? { tabIndex: 0, role: 'region', 'aria-label': scrollLabel } : {})}
        >
          <div className={fr.cx('fr-table__content')}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={c.ariaSort}
                      className={fr.cx(c.wide && 'fr-col--md')}
                    >
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={rowKey(row)}>
                    {columns.map((c) => (
                      <td key={c.key} className={fr.cx(c.wide && 'fr-cell--multiline')}>
                        {c.cell(row)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  )
}
