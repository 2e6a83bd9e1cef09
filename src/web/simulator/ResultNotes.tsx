// What the result could not use (missing inputs, never guessed), its caveats, and where it comes from.
import { describeSeed } from '../../domain/programmes/data/seeds'
import { fr } from '@codegouvfr/react-dsfr'
import type { ProgrammeVersion, Reference } from '../../domain/programmes/data/types'
import type { MissingInput } from '../../domain/programmes/types'
import type { FormValues, Programme } from './fields'
import { FieldLink } from './FieldLink'
import { fieldForPath } from './simulation-params'

interface Props {
  programme: Programme
  values: FormValues
  missing: MissingInput[]
  notes: string[]
  references: Reference[]
  version: ProgrammeVersion
}

export function ResultNotes({ programme, values, missing, notes, references, version }: Props) {
  return (
    <>
      {missing.length > 0 && (
        <div className={fr.cx('fr-mb-3w')}>
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Données manquantes (non devinées)</h3>
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
            Les valeurs qui en dépendent restent indéterminées : saisissez-les pour les obtenir.
          </p>
          <ul className={fr.cx('fr-text--sm')}>
            {missing.map((m) => {
              const field = fieldForPath(programme, values, m.field)
              return <li key={m.field}>{field ? <FieldLink field={field}>{m.label}</FieldLink> : m.label}</li>
            })}
          </ul>
        </div>
      )}
      {notes.length > 0 && (
        <div className={fr.cx('fr-mb-3w')}>
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>À savoir</h3>
          <ul className={fr.cx('fr-text--sm')}>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Sources</h3>
        <ul className={fr.cx('fr-text--sm')}>
          <li>
            Programme : {version.label} (version {version.version})
          </li>
          {references.map((r) => (
            <li key={`${r.rules}-${r.seed}`}>
              Règles : {r.rules} ; source : {describeSeed(r.seed)}
              {r.note ? ` (${r.note})` : ''}
            </li>
          ))}
        </ul>
      </div>
    </>
  )
}
