// `/simulateur`: a programme figure without a database. The URL holds the simulation (programme and
// inputs); the page runs it through `POST /api/simulate/:kind` whenever the URL names one, so a link sent
// by mail, the back button and a reload all show the same result.
import { fr } from '@codegouvfr/react-dsfr'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useRef } from 'react'
import { useDocumentTitle } from '../layout/useDocumentTitle'
import { navigate } from '../router'
import type { FormValues, Programme } from './fields'
import { postSimulation } from './simulate-api'
import { readSimulation, requestBody, simulationHref } from './simulation-params'
import { SimulatorWorkspace } from './SimulatorWorkspace'

export function SimulatorPage({ searchParams }: { searchParams: URLSearchParams }) {
  useDocumentTitle('Simulateur des programmes')
  const simulation = useMemo(() => readSimulation(searchParams), [searchParams])
  const body = useMemo(
    () => (simulation ? requestBody(simulation.programme, simulation.values) : null),
    [simulation],
  )
  // A simulation is a pure computation with no side effect on the server: a query keyed by its inputs (not
  // a mutation) re-runs it from the URL alone and serves the back button from the cache.
  const query = useQuery({
    queryKey: ['simulate', simulation?.programme.kind, body],
    queryFn: ({ signal }) => {
      if (!simulation || !body) throw new Error('Aucune simulation dans l’adresse.')
      return postSimulation(simulation.programme.kind, body, signal)
    },
    enabled: simulation !== null,
    staleTime: Infinity,
  })
  // Set on submit and kept across the remount a new URL causes: the outcome takes the focus once shown.
  const focusOutcome = useRef(false)
  const submit = (programme: Programme, values: FormValues) => {
    focusOutcome.current = true
    navigate(simulationHref(programme, values))
  }
  return (
    <>
      <h1>Simulateur des programmes</h1>
      <p className={fr.cx('fr-text--lead', 'fr-mb-4w')}>
        Cible, atteinte et montant d’un programme à partir des chiffres d’un établissement, sans rien
        enregistrer. Chaque résultat est expliqué pas à pas, avec ses sources.
      </p>
      <SimulatorWorkspace
        // A new URL (submission, back button, shared link) resets the forms to what it says.
        key={searchParams.toString()}
        simulation={simulation}
        query={query}
        onSubmit={submit}
        focusOutcome={focusOutcome}
      />
    </>
  )
}
