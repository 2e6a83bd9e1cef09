// The programme choice, its form and the outcome of the simulation the URL names. Each programme keeps
// what was typed in it while another one is looked at; the outcome shows under the programme it is for.
import { fr } from '@codegouvfr/react-dsfr'
import { SegmentedControl, type SegmentedControlProps } from '@codegouvfr/react-dsfr/SegmentedControl'
import type { UseQueryResult } from '@tanstack/react-query'
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { FormValues, Programme } from './fields'
import { DEFAULT_PROGRAMME, PROGRAMMES } from './programmes/index'
import { ResultPanel } from './ResultPanel'
import { SimulationInputError, type SimulatorResult } from './simulate-api'
import { refusalText, SimulationErrorAlert } from './SimulationErrorAlert'
import { fieldForPath, simulationHref, valuesFromParams, type Simulation } from './simulation-params'
import { SimulatorForm, type FieldError } from './SimulatorForm'

interface Props {
  simulation: Simulation | null
  query: UseQueryResult<SimulatorResult>
  onSubmit: (programme: Programme, values: FormValues) => void
  focusOutcome: RefObject<boolean>
}

export function SimulatorWorkspace({ simulation, query, onSubmit, focusOutcome }: Props) {
  const [selected, setSelected] = useState<Programme>(simulation?.programme ?? DEFAULT_PROGRAMME)
  const [drafts, setDrafts] = useState<Record<string, FormValues>>(() =>
    simulation ? { [simulation.programme.id]: simulation.values } : {},
  )
  const values = drafts[selected.id] ?? valuesFromParams(selected)
  const shown = simulation?.programme.id === selected.id ? simulation : null

  const resultHeading = useRef<HTMLHeadingElement>(null)
  const errorAlert = useRef<HTMLDivElement>(null)
  const moveFocus = () => (query.error ? errorAlert : resultHeading).current?.focus()
  // After every render: the outcome of a submission shows in whichever render ends the fetch.
  useEffect(() => {
    if (!focusOutcome.current || query.isFetching) return
    focusOutcome.current = false
    moveFocus()
  })

  const refusal = shown && query.error instanceof SimulationInputError ? query.error : null
  const refusedField =
    refusal && shown ? fieldForPath(shown.programme, shown.values, refusal.field) : undefined
  // The message stays on the field while it holds the refused value.
  const fieldError: FieldError | undefined =
    refusal && refusedField && values[refusedField.name] === shown?.values[refusedField.name]
      ? { name: refusedField.name, message: refusalText(refusal) }
      : undefined

  const submit = () => {
    const href = simulationHref(selected, values)
    if (href === window.location.pathname + window.location.search && !query.isFetching) moveFocus()
    else onSubmit(selected, values)
  }

  return (
    <>
      <SegmentedControl
        legend="Programme"
        name="programme"
        className={fr.cx('fr-mb-1w')}
        // DSFR allows one to five segments; there are five programmes.
        segments={
          PROGRAMMES.map((p): SegmentedControlProps.SegmentWithoutIcon => ({
            label: p.label,
            nativeInputProps: {
              value: p.id,
              checked: p.id === selected.id,
              onChange: () => setSelected(p),
            },
          })) as SegmentedControlProps.Segments
        }
      />
      <p className={fr.cx('fr-text--sm', 'fr-mb-3w')}>{selected.description}</p>
      <SimulatorForm
        key={selected.id}
        programme={selected}
        values={values}
        onChange={(next) => setDrafts({ ...drafts, [selected.id]: next })}
        onSubmit={submit}
        error={fieldError}
        busy={shown !== null && query.isFetching}
      />
      {shown && query.isFetching && (
        <p role="status" className={fr.cx('fr-mt-4w')}>
          Calcul en cours…
        </p>
      )}
      {shown && !query.isFetching && query.error && (
        <SimulationErrorAlert
          error={query.error}
          field={refusedField}
          values={shown.values}
          containerRef={errorAlert}
        />
      )}
      {shown && !query.isFetching && query.data && (
        <ResultPanel result={query.data} simulation={shown} headingRef={resultHeading} />
      )}
    </>
  )
}
