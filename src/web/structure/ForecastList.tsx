// The funding forecast: the activité combinée it rests on, then each programme's amount as the engine
// computes it from what Jalon holds, the data it read, the inputs it lacks (named, never guessed), and its
// explanation.
import { fr } from '@codegouvfr/react-dsfr'
import type { ActivityBasis, FundingForecast } from '../../domain/contract/structure-history'
import { EngineExplanation } from './EngineExplanation'
import { formatEuros } from './history-format'

function Missing({ missing }: { missing: { field: string; label: string }[] }) {
  if (missing.length === 0) return null
  return (
    <>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>Données que Jalon ne détient pas (non devinées) :</p>
      <ul className={fr.cx('fr-text--sm')}>
        {missing.map((m) => (
          <li key={m.field}>{m.label}</li>
        ))}
      </ul>
    </>
  )
}

function ActivityBlock({ activity }: { activity: ActivityBasis }) {
  return (
    <div className={fr.cx('fr-mb-3w')}>
      <h4 className={fr.cx('fr-h6', 'fr-mb-1w')}>Activité combinée</h4>
      <p className={fr.cx('fr-mb-1w')}>
        {activity.summary}
        {activity.year && ` Année d’activité du fichier : ${activity.year}.`}
      </p>
      <Missing missing={activity.missing} />
      <EngineExplanation summary="Explication du moteur : activité combinée" text={activity.explanation} />
    </div>
  )
}

function ForecastBlock({ forecast }: { forecast: FundingForecast }) {
  return (
    <div className={fr.cx('fr-mb-3w')}>
      <h4 className={fr.cx('fr-h6', 'fr-mb-1w')}>{forecast.label}</h4>
      <p className={fr.cx('fr-mb-1w')}>
        {forecast.amountLabel} :{' '}
        <strong>{forecast.amount === null ? 'non calculable' : formatEuros(forecast.amount)}</strong>
        {forecast.earnedAmount !== null && <> ; montant acquis : {formatEuros(forecast.earnedAmount)}</>}
      </p>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{forecast.basis.join(' ')}</p>
      <Missing missing={forecast.missing} />
      <EngineExplanation summary={`Explication du moteur : ${forecast.label}`} text={forecast.explanation} />
    </div>
  )
}

export function ForecastList({
  activity,
  forecasts,
}: {
  activity: ActivityBasis | null
  forecasts: FundingForecast[]
}) {
  if (activity === null && forecasts.length === 0)
    return (
      <p>
        Aucune prévision : Jalon ne détient pour cet établissement ni activité combinée, ni commande Ségur, ni
        résultat de programme à ce mois.
      </p>
    )
  return (
    <>
      {activity && <ActivityBlock activity={activity} />}
      {forecasts.map((f) => (
        <ForecastBlock key={f.id} forecast={f} />
      ))}
    </>
  )
}
