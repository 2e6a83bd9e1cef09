// "Évolution par thème": every theme of the tracking grid over time for the establishment, the columns the
// user's role reads, with the région's and the nation's averages at the month of reference.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import type { StructureHistory } from '../../domain/contract/structure-history'
import { isPeriod } from '../../domain/observations/period'
import { formatPeriod } from '../format'
import { averagesKey, fetchAverages } from './history-api'
import { ThemeBlock } from './ThemeBlock'

interface Props {
  finess: string
  history: StructureHistory
  month: string
}

export function ThemesSection({ finess, history, month }: Props) {
  const valid = isPeriod(month)
  const averages = useQuery({
    queryKey: averagesKey(finess, month),
    queryFn: ({ signal }) => fetchAverages(finess, month, signal),
    enabled: valid,
  })
  const themes = history.themes.filter((t) => t.columns.length > 0)
  return (
    <section aria-labelledby="evolution" className={fr.cx('fr-mb-6w')}>
      <h2 id="evolution">Évolution par thème</h2>
      <p>
        Les valeurs de chaque thème de la grille de suivi, mois par mois. Les moyennes régionale et nationale
        sont celles de {valid ? formatPeriod(month) : 'mois de référence'}, sur les structures qui déclarent
        l’indicateur (chacune comptée une fois, au niveau où elle déclare).
      </p>
      {averages.error && (
        <Alert
          severity="warning"
          small
          description={`Moyennes indisponibles : ${averages.error.message}`}
          className={fr.cx('fr-mb-3w')}
        />
      )}
      {themes.length === 0 ? (
        <p>Aucune valeur que votre rôle permette de lire pour cet établissement.</p>
      ) : (
        themes.map((t) => (
          <ThemeBlock
            key={t.theme}
            id={`theme-${t.theme}`}
            label={t.label}
            columns={t.columns}
            averages={averages.data}
          />
        ))
      )}
    </section>
  )
}
