// One fieldset per criterion of the table: whether the list uses it, its weight and its parameters, each
// field with its bounds in its hint.
import { fr } from '@codegouvfr/react-dsfr'
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox'
import { Input } from '@codegouvfr/react-dsfr/Input'
import {
  CRITERIA,
  PRIORITY_CRITERIA,
  WEIGHT_MAX,
  WEIGHT_MIN,
  type PriorityCriterionId,
} from '../../domain/priorities/criteria'
import type { CriteriaDraft, CriterionDraft } from './criteria-draft'

interface Props {
  draft: CriteriaDraft
  onChange: (draft: CriteriaDraft) => void
}

export function CriteriaFields({ draft, onChange }: Props) {
  const set = (id: PriorityCriterionId, change: Partial<CriterionDraft>) =>
    onChange({ ...draft, [id]: { ...draft[id], ...change } })
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
      {PRIORITY_CRITERIA.map((id) => {
        const definition = CRITERIA[id]
        const value = draft[id]
        return (
          <fieldset key={id} className={fr.cx('fr-fieldset', 'fr-col-12', 'fr-col-md-6', 'fr-mb-0')}>
            <legend className={fr.cx('fr-fieldset__legend', 'fr-text--md', 'fr-mb-1w')}>
              {definition.label}
            </legend>
            <div className={fr.cx('fr-fieldset__element')}>
              <Checkbox
                small
                options={[
                  {
                    label: 'Retenir ce critère',
                    hintText: definition.description,
                    nativeInputProps: {
                      name: `${id}-used`,
                      checked: value.used,
                      onChange: (e) => set(id, { used: e.target.checked }),
                    },
                  },
                ]}
              />
            </div>
            {value.used && (
              <div className={fr.cx('fr-fieldset__element', 'fr-fieldset__element--inline')}>
                <Input
                  label="Poids"
                  hintText={`De ${WEIGHT_MIN} à ${WEIGHT_MAX}`}
                  nativeInputProps={{
                    name: `${id}-weight`,
                    type: 'number',
                    inputMode: 'numeric',
                    min: WEIGHT_MIN,
                    max: WEIGHT_MAX,
                    step: 1,
                    required: true,
                    value: value.weight,
                    onChange: (e) => set(id, { weight: e.target.value }),
                  }}
                />
              </div>
            )}
            {value.used &&
              definition.parameters.map((p) => (
                <div key={p.id} className={fr.cx('fr-fieldset__element', 'fr-fieldset__element--inline')}>
                  <Input
                    label={`${p.label} (${p.unit})`}
                    hintText={`De ${p.min} à ${p.max} ; ${p.default} par défaut`}
                    nativeInputProps={{
                      name: `${id}-${p.id}`,
                      type: 'number',
                      inputMode: 'numeric',
                      min: p.min,
                      max: p.max,
                      step: 1,
                      required: true,
                      value: value.parameters[p.id] ?? '',
                      onChange: (e) =>
                        set(id, { parameters: { ...value.parameters, [p.id]: e.target.value } }),
                    }}
                  />
                </div>
              ))}
          </fieldset>
        )
      })}
    </div>
  )
}
