// A refused simulation: the engine's reason and allowed range, named by the field's French label, with a
// link to the field. Any other failure (server unreachable) gets its message as is.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import type { Ref } from 'react'
import { labelOf, type Field, type FormValues } from './fields'
import { FieldLink } from './FieldLink'
import { SimulationInputError } from './simulate-api'

interface Props {
  error: Error
  /** The field the engine names, when the form shows it. */
  field: Field | undefined
  values: FormValues
  containerRef: Ref<HTMLDivElement>
}

/** "valeur -5 refusée — attendu : une activité combinée positive ou nulle (…)", "1 600 000" kept on one line. */
export function refusalText(error: SimulationInputError): string {
  return `${error.reason} — attendu : ${error.allowed}`.replace(/(\d) (?=\d{3}\b)/g, '$1\u202f')
}

export function SimulationErrorAlert({ error, field, values, containerRef }: Props) {
  const refused = error instanceof SimulationInputError
  return (
    <div ref={containerRef} tabIndex={-1} className={fr.cx('fr-mt-4w')}>
      <Alert
        severity="error"
        role="alert"
        title={refused ? 'Donnée refusée : la simulation n’a pas été calculée' : 'La simulation a échoué'}
        description={
          refused ? (
            <>
              <span>
                {field ? labelOf(field, values) : error.field} : {refusalText(error)}.
              </span>{' '}
              {field && <FieldLink field={field}>Corriger ce champ</FieldLink>}
            </>
          ) : (
            error.message
          )
        }
      />
    </div>
  )
}
