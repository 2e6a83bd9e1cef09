// "Programmes et financements": programme targets and attainment at the month of reference, recomputed with
// the rules engine's explanation, and the funding forecast from the data Jalon holds.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { isPeriod } from '../../domain/observations/period'
import { formatPeriod } from '../format'
import { AttainmentTable } from './AttainmentTable'
import { ForecastList } from './ForecastList'
import { fetchProgrammes, programmesKey } from './history-api'

export function ProgrammesSection({ finess, month }: { finess: string; month: string }) {
  const valid = isPeriod(month)
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: programmesKey(finess, month),
    queryFn: ({ signal }) => fetchProgrammes(finess, month, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
  })
  return (
    <section aria-labelledby="programmes" aria-busy={isFetching} className={fr.cx('fr-mb-6w')}>
      <h2 id="programmes">Programmes et financements</h2>
      {!valid ? (
        <p>Choisissez un mois de référence.</p>
      ) : error ? (
        <Alert
          severity="error"
          role="alert"
          title="Les programmes n’ont pas pu être chargés"
          description={error.message}
        />
      ) : isPending ? (
        <p role="status">Chargement des programmes de {formatPeriod(month)}…</p>
      ) : (
        <>
          <p>
            Calculés par le moteur de règles de Jalon pour {formatPeriod(data.period)}
            {data.finessPmsi && <>, au FINESS PMSI {data.finessPmsi}</>}. Les montants sont exacts, au
            centime.
          </p>
          <h3 className={fr.cx('fr-h5')}>Cibles et atteinte</h3>
          {data.attainments.length === 0 ? (
            <p>Aucun résultat de programme déclaré pour ce mois.</p>
          ) : (
            <AttainmentTable period={data.period} rows={data.attainments} />
          )}
          <h3 className={fr.cx('fr-h5')}>Prévision de financement</h3>
          <ForecastList activity={data.activity} forecasts={data.forecasts} />
        </>
      )}
    </section>
  )
}
