// The monthly report of the région the dashboard shows, at its follow-up point: a PDF for the CNSA and the
// CORS meetings, and the same figures as an Excel workbook. Offered when a région is chosen or the user has
// one région, and only where the server will give it (the same permission). Plain links: the browser
// downloads with the session cookie.
import { fr } from '@codegouvfr/react-dsfr'
import type { AccessUser } from '../../domain/access/permissions'
import { canReadRegionReport } from '../../domain/report/permissions'
import { formatPeriod } from '../format'
import { REGIONS } from '../regions'

/** The région chosen, else the user's only région. */
function reportRegion(user: AccessUser, chosen: string | undefined): string | undefined {
  if (chosen) return chosen
  const regions = user.scopes.filter((s) => s.kind === 'region')
  return regions.length === 1 ? regions[0]?.code : undefined
}

export function MonthlyReportLinks({
  user,
  region,
  period,
}: {
  user: AccessUser
  region: string | undefined
  period: string
}) {
  const code = reportRegion(user, region)
  if (!code || !canReadRegionReport(user, code)) return null
  const name = REGIONS.find((r) => r.code === code)?.name ?? code
  const href = (format: 'pdf' | 'xlsx') =>
    `/api/reports/monthly?${new URLSearchParams({ region: code, period, format })}`
  const link = fr.cx('fr-link', 'fr-icon-download-line', 'fr-link--icon-left', 'fr-mr-3w')
  return (
    <p className={fr.cx('fr-mb-2w')}>
      <span className={fr.cx('fr-mr-2w')}>
        Rapport mensuel — {name}, {formatPeriod(period)} :
      </span>
      <a className={link} href={href('pdf')} download>
        Rapport mensuel (PDF)
      </a>
      <a className={link} href={href('xlsx')} download>
        Rapport mensuel (Excel)
      </a>
    </p>
  )
}
