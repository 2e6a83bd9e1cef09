// The referential's filters as form fields (région, département, secteur, catégorie, FINESS EJ), shared by
// the search page, the tracking grid's panel and the dashboard so that all ask and explain them the same way.
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

const ALL_KEYS: readonly PlaceFilterKey[] = ['region', 'departement', 'sector', 'category', 'ej']

export function PlaceFilterFields<K extends PlaceFilterKey>({
  bind,
  columnClass,
  keys = ALL_KEYS as readonly K[],
}: {
  bind: (key: K) => FieldBinding
  /** The DSFR grid column each field takes. */
  columnClass: string
  /** The fields to show, always in this component's order; all of them by default. */
  keys?: readonly K[]
}) {
  // The binding of each field shown, null for the others.
  const field = (key: PlaceFilterKey): FieldBinding | null =>
    (keys as readonly PlaceFilterKey[]).includes(key) ? bind(key as K) : null
  const region = field('region')
  const departement = field('departement')
  const sector = field('sector')
  const category = field('category')
  const ej = field('ej')
  return (
    <>
      {region && (
        <div className={columnClass}>
          <Select label="Région" hint="Code INSEE entre parenthèses" nativeSelectProps={region}>
            <option value="">Toutes les régions</option>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </Select>
        </div>
      )}
      {departement && (
        <div className={columnClass}>
          <Input
            label="Département"
            hintText="Code INSEE : 01, 2A, 974…"
            nativeInputProps={{ ...departement, maxLength: 3, autoComplete: 'off' }}
          />
        </div>
      )}
      {sector && (
        <div className={columnClass}>
          <Select label="Secteur" hint="Déduit de la catégorie" nativeSelectProps={sector}>
            <option value="">Tous les secteurs</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {SECTOR_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
      )}
      {category && (
        <div className={columnClass}>
          <Input
            label="Catégorie"
            hintText="Code à 3 chiffres : 355, 500…"
            nativeInputProps={{ ...category, maxLength: 3, inputMode: 'numeric', autoComplete: 'off' }}
          />
        </div>
      )}
      {ej && (
        <div className={columnClass}>
          <Input
            label="FINESS EJ"
            hintText="Les sites d’une entité juridique"
            nativeInputProps={{ ...ej, maxLength: 12, autoComplete: 'off' }}
          />
        </div>
      )}
    </>
  )
}
