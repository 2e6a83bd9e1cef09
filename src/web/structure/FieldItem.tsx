// One typed field: its value, who typed it and when, the month it is carried over from, who owns it (in
// words, not by colour), then its form when the user may type it, or why not.
import { fr } from '@codegouvfr/react-dsfr'
import type { FieldValue } from '../../domain/contract/access'
import { FIELD_OWNER_LABELS } from '../../domain/access/field-ownership'
import { formatDateTime, formatPeriod } from '../format'
import { fieldValueText } from './field-value'
import { FieldEditor } from './FieldEditor'

interface Props {
  finess: string
  period: string
  field: FieldValue
}

export function FieldItem({ finess, period, field }: Props) {
  const id = `champ-${field.code.replace(/[^a-z0-9]+/gi, '-')}`
  const carried = field.valuePeriod && field.valuePeriod !== period ? field.valuePeriod : null
  return (
    <li className={fr.cx('fr-mb-3w', 'fr-pb-2w')}>
      <h4 id={`${id}-titre`} className={fr.cx('fr-h6', 'fr-mb-1w')}>
        {field.label}
      </h4>
      <p className={fr.cx('fr-mb-1v')}>
        <span className={fr.cx('fr-text--bold')}>{fieldValueText(field)}</span>
        {carried && <> (reporté de {formatPeriod(carried)})</>}
      </p>
      {field.enteredBy && (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>
          Saisi par {field.enteredBy}
          {field.enteredAt && <> le {formatDateTime(field.enteredAt)}</>}
        </p>
      )}
      <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>
        Propriétaire : {FIELD_OWNER_LABELS[field.owner]} — responsable : {field.responsible}
      </p>
      {field.editable ? (
        <FieldEditor finess={finess} period={period} field={field} inputId={`${id}-saisie`} />
      ) : (
        <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>
          <span className={fr.cx('fr-icon-lock-line', 'fr-icon--sm', 'fr-mr-1v')} aria-hidden="true" />
          Non modifiable : {field.refusal ?? 'votre rôle ne permet pas de le modifier.'}
        </p>
      )}
    </li>
  )
}
