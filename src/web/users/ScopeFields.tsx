// One scope to add: its kind (France, région, département, GHT, EJ, établissement) and its code, checked
// with the domain's own rule before it is sent.
import { fr } from '@codegouvfr/react-dsfr'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { SCOPE_KIND_LABELS, SCOPE_KINDS, type Scope, type ScopeKind } from '../../domain/access/scope'

const CODE_HINTS: Readonly<Record<ScopeKind, string>> = {
  france: 'Aucun code',
  region: '2 chiffres, par exemple 53 pour la Bretagne',
  departement: 'Par exemple 35, 2A ou 974',
  ght: 'Identifiant du GHT',
  ej: 'FINESS de l’entité juridique, 9 caractères',
  eg: 'FINESS de l’établissement, 9 caractères',
}

interface Props {
  /** Prefix of the fields' ids, unique in the page. */
  idPrefix: string
  value: Scope
  onChange: (scope: Scope) => void
  codeError?: string | undefined
}

export function ScopeFields({ idPrefix, value, onChange, codeError }: Props) {
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
        <Select
          label="Type de périmètre"
          nativeSelectProps={{
            id: `${idPrefix}-type`,
            value: value.kind,
            onChange: (event) =>
              onChange({
                kind: event.target.value as ScopeKind,
                code: event.target.value === 'france' ? '' : value.code,
              }),
          }}
        >
          {SCOPE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {SCOPE_KIND_LABELS[kind]}
            </option>
          ))}
        </Select>
      </div>
      <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Code du périmètre"
          hintText={CODE_HINTS[value.kind]}
          disabled={value.kind === 'france'}
          state={codeError ? 'error' : 'default'}
          stateRelatedMessage={codeError}
          nativeInputProps={{
            id: `${idPrefix}-code`,
            value: value.code,
            'aria-invalid': codeError ? true : undefined,
            onChange: (event) => onChange({ ...value, code: event.target.value.trim() }),
          }}
        />
      </div>
    </div>
  )
}
