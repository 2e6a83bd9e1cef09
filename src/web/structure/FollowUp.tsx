// The establishment's follow-up over time: the month of reference (for the averages and the programmes),
// opening on the latest month with data, then each theme's history and the programmes and funding.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { MonthInput } from '../MonthInput'
import { thisMonth } from './field-value'
import { fetchHistory, historyKey } from './history-api'
import { ProgrammesSection } from './ProgrammesSection'
import { ThemesSection } from './ThemesSection'

export function FollowUp({ finess }: { finess: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: historyKey(finess),
    queryFn: ({ signal }) => fetchHistory(finess, signal),
  })
  // Null until the user picks a month: the page follows the latest month with data.
  const [picked, setPicked] = useState<string | null>(null)
  if (error)
    return (
      <Alert
        severity="error"
        role="alert"
        title="Le suivi de l’établissement n’a pas pu être chargé"
        description={error.message}
        className={fr.cx('fr-mb-6w')}
      />
    )
  if (isPending) return <p role="status">Chargement du suivi de l’établissement…</p>
  const month = picked ?? data.latestMonth ?? thisMonth()
  return (
    <>
      <MonthInput
        id="mois-reference"
        label="Mois de référence"
        hint="Pour les moyennes et les programmes, au format AAAA-MM"
        value={month}
        onChange={setPicked}
      />
      <ThemesSection finess={finess} history={data} month={month} />
      <ProgrammesSection finess={finess} month={month} />
    </>
  )
}
