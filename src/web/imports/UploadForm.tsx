// The upload form: source, month, file, simulation and strict mode (the upload goes with the session). It checks what it can
// before sending (every field given, the month as AAAA-MM) and puts each message on its field.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { Upload } from '@codegouvfr/react-dsfr/Upload'
import { useState, type ChangeEvent, type FormEvent } from 'react'
import { isPeriod } from '../../domain/observations/period'
import { periodFromFileName } from './import-format'
import type { ImportRequest, SourceInfo } from './imports-api'

type FieldName = 'source' | 'period' | 'file'
type FieldErrors = Partial<Record<FieldName, string>>

const FIELD_IDS: Record<FieldName, string> = {
  source: 'import-source',
  period: 'import-period',
  file: 'import-file',
}
export const ACCEPTED_FILES = '.csv,.txt,.xlsx,.gz'

function check(source: string, period: string, file: File | null): FieldErrors {
  const errors: FieldErrors = {}
  if (!source) errors.source = 'Choisissez la source du fichier.'
  if (!period) errors.period = 'Indiquez le mois des données, au format AAAA-MM.'
  else if (!isPeriod(period)) errors.period = `« ${period} » n’est pas un mois AAAA-MM, par exemple 2024-03.`
  if (!file) errors.file = 'Choisissez le fichier à importer.'
  else if (file.size === 0) errors.file = `${file.name} est vide.`
  return errors
}

interface Props {
  sources: SourceInfo[] | undefined
  busy: boolean
  onSubmit: (request: ImportRequest) => void
}

export function UploadForm({ sources, busy, onSubmit }: Props) {
  const [source, setSource] = useState('')
  const [period, setPeriod] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [dryRun, setDryRun] = useState(true)
  const [strict, setStrict] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const chosen = sources?.find((s) => s.code === source)

  const clear = (field: FieldName) => {
    if (errors[field]) setErrors({ ...errors, [field]: undefined })
  }
  const pickFile = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0] ?? null
    setFile(picked)
    clear('file')
    // The month is often in the file name ("…INSI-202403.csv"): offered, never forced.
    const guessed = picked && !period ? periodFromFileName(picked.name) : null
    if (guessed) setPeriod(guessed)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = check(source, period, file)
    setErrors(found)
    const first = (Object.keys(FIELD_IDS) as FieldName[]).find((f) => found[f])
    if (first) {
      document.getElementById(FIELD_IDS[first])?.focus()
      return
    }
    if (!file) return
    onSubmit({ source, period, file, dryRun, strict })
  }
  const invalid = (field: FieldName) => ({
    state: errors[field] ? ('error' as const) : ('default' as const),
    stateRelatedMessage: errors[field],
  })

  return (
    <form onSubmit={submit} noValidate aria-labelledby="importer" className={fr.cx('fr-mb-4w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <Select
            label="Source"
            hint={
              chosen
                ? `Produite par ${chosen.producer}. Fichier attendu : ${chosen.fileNamePattern}`
                : 'La source nationale dont vient le fichier'
            }
            {...invalid('source')}
            nativeSelectProps={{
              id: FIELD_IDS.source,
              name: 'source',
              value: source,
              'aria-invalid': errors.source ? true : undefined,
              onChange: (event) => {
                setSource(event.target.value)
                clear('source')
              },
            }}
          >
            <option value="" disabled={sources !== undefined}>
              {sources ? 'Choisir une source' : 'Chargement des sources…'}
            </option>
            {sources?.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Mois des données"
            hintText="Au format AAAA-MM, par exemple 2024-03"
            {...invalid('period')}
            nativeInputProps={{
              id: FIELD_IDS.period,
              name: 'period',
              type: 'month',
              // Where type="month" is not supported, the browser shows a text field: the same format.
              placeholder: 'AAAA-MM',
              min: '1990-01',
              max: '2100-12',
              value: period,
              'aria-invalid': errors.period ? true : undefined,
              onChange: (event) => {
                setPeriod(event.target.value)
                clear('period')
              },
            }}
          />
        </div>
      </div>
      <Upload
        className={fr.cx('fr-mt-3w')}
        label="Fichier"
        hint="Formats acceptés : .csv, .txt (séparateur ; ou ,), .xlsx, ou l’un d’eux compressé en .gz"
        {...invalid('file')}
        nativeInputProps={{
          id: FIELD_IDS.file,
          name: 'file',
          accept: ACCEPTED_FILES,
          'aria-invalid': errors.file ? true : undefined,
          onChange: pickFile,
        }}
      />
      <Checkbox
        className={fr.cx('fr-mt-3w')}
        legend="Options"
        options={[
          {
            label: 'Simulation (aperçu sans enregistrer)',
            hintText: 'Le fichier est lu et comparé au mois déjà importé, puis tout est annulé.',
            nativeInputProps: {
              name: 'dryRun',
              checked: dryRun,
              onChange: (event) => setDryRun(event.target.checked),
            },
          },
          {
            label: 'Mode strict',
            hintText: 'Refuser tout le fichier dès qu’une ligne est rejetée.',
            nativeInputProps: {
              name: 'strict',
              checked: strict,
              onChange: (event) => setStrict(event.target.checked),
            },
          },
        ]}
      />
      <Button type="submit" disabled={busy} iconId="fr-icon-upload-line" iconPosition="left">
        {busy ? 'Import en cours…' : dryRun ? 'Lancer la simulation' : 'Importer le fichier'}
      </Button>
    </form>
  )
}
