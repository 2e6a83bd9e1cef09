// The referential's filters as form fields (région, département, secteur, catégorie, FINESS EJ), shared by
// the search page and the tracking grid's panel so that both ask and explain them the same way.
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { SECTOR_LABELS, SECTORS } from '../domain/sector'
import { REGIONS } from './regions'

export type PlaceFilterKey = 'region' | 'departement' | 'sector' | 'category' | 'ej'

export interface FieldBinding {
  name: string
  value: string
  onChange: (event: { target: { value: string } }) => void
}

export function PlaceFilterFields({
  bind,
  columnClass,
}: {
  bind: (key: PlaceFilterKey) => FieldBinding
  /** The DSFR grid column each field takes. */
  columnClass: string
}) {
  return (
    <>
      <div className={columnClass}>
        <Select label="Région" hint="Code INSEE entre parenthèses" nativeSelectProps={bind('region')}>
          <option value="">Toutes les régions</option>
          {REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </Select>
      </div>
      <div className={columnClass}>
        <Input
          label="Département"
          hintText="Code INSEE : 01, 2A, 974…"
          nativeInputProps={{ ...bind('departement'), maxLength: 3, autoComplete: 'off' }}
        />
      </div>
      <div className={columnClass}>
        <Select label="Secteur" hint="Déduit de la catégorie" nativeSelectProps={bind('sector')}>
          <option value="">Tous les secteurs</option>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {SECTOR_LABELS[s]}
            </option>
          ))}
        </Select>
      </div>
      <div className={columnClass}>
        <Input
          label="Catégorie"
          hintText="Code à 3 chiffres : 355, 500…"
          nativeInputProps={{ ...bind('category'), maxLength: 3, inputMode: 'numeric', autoComplete: 'off' }}
        />
      </div>
      <div className={columnClass}>
        <Input
          label="FINESS EJ"
          hintText="Les sites d’une entité juridique"
          nativeInputProps={{ ...bind('ej'), maxLength: 12, autoComplete: 'off' }}
        />
      </div>
    </>
  )
}
