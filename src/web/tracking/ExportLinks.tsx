// Downloads of the view as shown (filters, columns and sort; every row): the tracker's Excel layout that
// regions keep using, and CSV. Plain links: the browser downloads with the session cookie.
import { fr } from '@codegouvfr/react-dsfr'
import { trackingParams, type TrackingQuery } from './tracking-params'

export function ExportLinks({ query, period }: { query: TrackingQuery; period: string }) {
  const params = trackingParams({ ...query, period, compare: false })
  return (
    <p className={fr.cx('fr-mb-2w')}>
      <a
        className={fr.cx('fr-link', 'fr-icon-download-line', 'fr-link--icon-left', 'fr-mr-3w')}
        href={`/api/grid/export.xlsx?${params}`}
        download
      >
        Exporter la vue (Excel, présentation « Suivi Ségur ES »)
      </a>
      <a
        className={fr.cx('fr-link', 'fr-icon-download-line', 'fr-link--icon-left')}
        href={`/api/grid/export.csv?${params}`}
        download
      >
        Exporter la vue (CSV)
      </a>
    </p>
  )
}
