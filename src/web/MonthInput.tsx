// A month field (`AAAA-MM`) that says when what is typed is not a month: the browser's month picker where
// there is one, a text field with the same checks elsewhere.
import { fr } from '@codegouvfr/react-dsfr'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { isPeriod } from '../domain/observations/period'

interface Props {
  id: string
  label: string
  hint: string
  value: string
  onChange: (month: string) => void
}

export function MonthInput({ id, label, hint, value, onChange }: Props) {
  const valid = isPeriod(value)
  return (
    <Input
      label={label}
      hintText={hint}
      className={fr.cx('fr-mb-3w')}
      state={valid ? 'default' : 'error'}
      stateRelatedMessage={valid ? undefined : 'Choisissez un mois, par exemple 2024-03.'}
      nativeInputProps={{
        id,
        type: 'month',
        placeholder: 'AAAA-MM',
        min: '1990-01',
        max: '2100-12',
        value,
        'aria-invalid': valid ? undefined : true,
        onChange: (event) => onChange(event.target.value),
      }}
    />
  )
}
