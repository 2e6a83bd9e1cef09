// "Suivi régional et déclarations": the fields typed by people (the region's météo and comments, the ANS's
// identity marks, the establishment's declarations) as they stand at the month chosen, by theme.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { FieldValue } from '../../domain/contract/access'
import { isPeriod } from '../../domain/observations/period'
import { MonthInput } from '../MonthInput'
import { THEME_LABELS, type Theme } from '../../domain/observations/indicators'
import { formatPeriod } from '../format'
import { journalHref } from '../journal/journal-params'
import { Link } from '../Link'
import { thisMonth } from './field-value'
import { FieldItem } from './FieldItem'
import { fetchStructureFields, fieldsKey } from './fields-api'

function byTheme(fields: FieldValue[]): [string, FieldValue[]][] {
  const groups = new Map<string, FieldValue[]>()
  for (const f of fields) groups.set(f.theme, [...(groups.get(f.theme) ?? []), f])
  return [...groups]
}

const themeLabel = (theme: string) =>
  (THEME_LABELS as Record<string, string | undefined>)[theme as Theme] ?? theme

export function FieldsSection({ finess }: { finess: string }) {
  const [month, setMonth] = useState(thisMonth)
  const valid = isPeriod(month)
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: fieldsKey(finess, month),
    queryFn: ({ signal }) => fetchStructureFields(finess, month, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
  })
  return (
    <section aria-labelledby="suivi-regional" aria-busy={isFetching} className={fr.cx('fr-mb-6w')}>
      <h2 id="suivi-regional">Suivi régional et déclarations</h2>
      <p>
        Une saisie vaut pour son mois et les suivants, jusqu’à la prochaine. Chaque saisie est inscrite au{' '}
        <Link href={journalHref({ finess })}>journal des modifications</Link>.
      </p>
      <MonthInput
        id="suivi-mois"
        label="Mois de suivi"
        hint="Au format AAAA-MM"
        value={month}
        onChange={setMonth}
      />
      {error ? (
        <Alert
          severity="error"
          role="alert"
          title="Le suivi n’a pas pu être chargé"
          description={error.message}
        />
      ) : !valid ? null : isPending ? (
        <p role="status">Chargement du suivi de {formatPeriod(month)}…</p>
      ) : data.fields.length === 0 ? (
        <p>Aucun champ saisi que votre rôle permette de lire.</p>
      ) : (
        byTheme(data.fields).map(([theme, fields]) => (
          <div key={theme}>
            <h3 className={fr.cx('fr-h5')}>{themeLabel(theme)}</h3>
            <ul className={fr.cx('fr-raw-list')}>
              {fields.map((f) => (
                // A new month starts its forms from the month's values.
                <FieldItem key={`${data.period}-${f.code}`} finess={finess} period={data.period} field={f} />
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  )
}
