// The monthly report's key figures: each status column of the région's dashboard, line by line, beside the
// same line at the previous follow-up point and in France. The figures are the dashboards' own
// (themselves the grid's totals); this only lines them up, so the report never counts differently.
import type { Dashboard, StatusColumn } from '../contract/dashboard'
import type { KeyColumn, KeyFigures, KeyStatus, ReportShare } from '../contract/monthly-report'
import { GRID_THEME_INFO } from '../grid/columns'

export const NO_VALUE_LABEL = 'Sans donnée'
export const OTHER_VALUE_LABEL = 'Autre valeur'
/** The code of the "values outside the vocabulary" line (a status code never starts with it). */
export const OTHER_VALUE_CODE = '*'

/** A column's lines: its statuses, then "Sans donnée", then "Autre valeur" only where some site has one. */
function linesOf(column: StatusColumn): { code: string | null; label: string; figures: ReportShare }[] {
  return [
    ...column.statuses.map((s) => ({
      code: s.code,
      label: s.label,
      figures: { count: s.count, share: s.share },
    })),
    { code: null, label: NO_VALUE_LABEL, figures: column.empty },
    { code: OTHER_VALUE_CODE, label: OTHER_VALUE_LABEL, figures: column.other },
  ]
}

const lineOf = (column: StatusColumn | undefined, code: string | null) =>
  column ? linesOf(column).find((l) => l.code === code) : undefined

/** `nationalColumns`: the columns whose national figures the user is shown (see showsNationalShare). */
export function keyFigures(
  region: Dashboard,
  previous: Dashboard,
  nation: Dashboard,
  nationalColumns: ReadonlySet<string>,
): KeyFigures {
  const columns = region.statusColumns.map((column): KeyColumn => {
    const before = previous.statusColumns.find((c) => c.key === column.key)
    const national = nationalColumns.has(column.key)
      ? nation.statusColumns.find((c) => c.key === column.key)
      : undefined
    const statuses = linesOf(column)
      .filter((line) => line.code !== OTHER_VALUE_CODE || line.figures.count > 0)
      .map((line): KeyStatus => ({
        code: line.code,
        label: line.label,
        region: line.figures,
        previous: lineOf(before, line.code)?.figures ?? null,
        nation: lineOf(national, line.code)?.figures ?? null,
      }))
    return {
      key: column.key,
      label: column.label,
      theme: column.theme,
      themeLabel: GRID_THEME_INFO[column.theme].label,
      month: column.month,
      previousMonth: before?.month ?? null,
      statuses,
    }
  })
  return { sites: { region: region.sites, previous: previous.sites, nation: nation.sites }, columns }
}
