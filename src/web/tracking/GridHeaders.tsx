// The inner parts of the grid's headers (AG Grid keeps sorting, resizing and keyboard focus around them):
// a theme with the month its data comes from and who fills its columns; a column with its owner in words.
import { fr } from '@codegouvfr/react-dsfr'
import type { IHeaderGroupParams, IHeaderParams } from 'ag-grid-community'
import { MARKS, themeMonthText, type ColumnMark } from './column-marks'

export function OwnerMark({ mark }: { mark: ColumnMark }) {
  return (
    <span className={`jalon-mark jalon-mark--${mark}`} title={MARKS[mark].title}>
      {MARKS[mark].word}
    </span>
  )
}

export interface ThemeHeaderParams {
  month?: string | null
  marks?: readonly ColumnMark[]
}

export function ThemeHeader({ displayName, month, marks = [] }: IHeaderGroupParams & ThemeHeaderParams) {
  return (
    <span className="jalon-theme-header">
      <span className={fr.cx('fr-text--bold')}>{displayName}</span>
      {month !== undefined && <span className="jalon-theme-month"> · {themeMonthText(month)}</span>}
      {marks.length > 0 && (
        <span className="jalon-theme-marks">
          {marks.map((mark) => (
            <OwnerMark key={mark} mark={mark} />
          ))}
        </span>
      )}
    </span>
  )
}

export function ColumnHeader({ displayName, mark }: IHeaderParams & { mark?: ColumnMark }) {
  return (
    <span className="jalon-column-header">
      <span>{displayName}</span>
      {mark && <OwnerMark mark={mark} />}
    </span>
  )
}
