// The indicator thresholds of the filter panel: each is a column, an operator and, when the operator takes
// one, a value (a number for counts, rates and amounts, a label for a status). "Nouveau ce mois-ci" and
// "En recul" compare the column with the previous follow-up point.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import type { ThresholdOperator } from '../../domain/contract/grid'
import { findGridColumn, GRID_THEME_INFO, GRID_THEMES, type GridColumn } from '../../domain/grid/columns'
import { canGetWorse } from '../../domain/grid/progress'
import { needsValue, type Threshold } from './tracking-params'

const OPERATOR_LABELS: Readonly<Record<ThresholdOperator, string>> = {
  gt: 'supérieur à',
  gte: 'supérieur ou égal à',
  lt: 'inférieur à',
  lte: 'inférieur ou égal à',
  eq: 'égal à',
  ne: 'différent de',
  empty: 'non renseigné',
  filled: 'renseigné',
  new: 'nouveau ce mois-ci',
  worse: 'en recul',
}

const NUMBER_OPERATORS: readonly ThresholdOperator[] = ['gt', 'gte', 'lt', 'lte', 'eq', 'ne']
const VALUE_OPERATORS: readonly ThresholdOperator[] = ['eq', 'ne']
const PRESENCE_OPERATORS: readonly ThresholdOperator[] = ['empty', 'filled', 'new']
const BOOLEAN_CHOICES = [
  { code: 'oui', label: 'Oui' },
  { code: 'non', label: 'Non' },
]

/** "En recul" only where values have an order: numbers, oui / non, ranked statuses. */
function operatorsOf(column: GridColumn | undefined): readonly ThresholdOperator[] {
  if (!column) return [...NUMBER_OPERATORS, ...PRESENCE_OPERATORS]
  const compared = column.quantitative ? NUMBER_OPERATORS : VALUE_OPERATORS
  return [...compared, ...PRESENCE_OPERATORS, ...(canGetWorse(column) ? (['worse'] as const) : [])]
}

interface Props {
  thresholds: Threshold[]
  /** The columns the user may filter on. */
  columns: readonly GridColumn[]
  onChange: (thresholds: Threshold[]) => void
}

export function ThresholdFields({ thresholds, columns, onChange }: Props) {
  const update = (index: number, change: Partial<Threshold>) =>
    onChange(
      thresholds.map((t, i) => {
        if (i !== index) return t
        const next = { ...t, ...change }
        if (!operatorsOf(findGridColumn(next.key)).includes(next.op)) next.op = 'eq'
        next.value = needsValue(next.op) ? (next.value ?? '') : null
        return next
      }),
    )
  const first = columns.find((c) => c.quantitative) ?? columns[0]
  const add = () => first && onChange([...thresholds, { key: first.key, op: 'gte', value: '' }])
  return (
    <fieldset className={fr.cx('fr-fieldset', 'fr-mt-2w', 'fr-mb-0')} aria-describedby="seuils-aide">
      <legend className={fr.cx('fr-fieldset__legend', 'fr-text--regular')}>Seuils sur les indicateurs</legend>
      <p id="seuils-aide" className={fr.cx('fr-hint-text', 'fr-fieldset__element')}>
        Par exemple : appels au téléservice INSi inférieurs à 100.
      </p>
      {thresholds.map((threshold, index) => {
        const column = findGridColumn(threshold.key)
        const number = `${index + 1}`
        const choices = column?.statuses ?? (column?.kind === 'boolean' ? BOOLEAN_CHOICES : null)
        return (
          <div key={index} className={fr.cx('fr-fieldset__element')}>
            <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
              <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
                <Select
                  label={`Indicateur du seuil ${number}`}
                  nativeSelectProps={{
                    value: threshold.key,
                    onChange: (e) => update(index, { key: e.target.value }),
                  }}
                >
                  {GRID_THEMES.map((theme) => {
                    const ofTheme = columns.filter((c) => c.theme === theme)
                    return ofTheme.length ? (
                      <optgroup key={theme} label={GRID_THEME_INFO[theme].label}>
                        {ofTheme.map((c) => (
                          <option key={c.key} value={c.key}>
                            {c.label}
                          </option>
                        ))}
                      </optgroup>
                    ) : null
                  })}
                </Select>
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                <Select
                  label={`Condition du seuil ${number}`}
                  nativeSelectProps={{
                    value: threshold.op,
                    onChange: (e) => update(index, { op: e.target.value as ThresholdOperator }),
                  }}
                >
                  {operatorsOf(column).map((op) => (
                    <option key={op} value={op}>
                      {OPERATOR_LABELS[op]}
                    </option>
                  ))}
                </Select>
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
                {!needsValue(threshold.op) ? null : choices ? (
                  <Select
                    label={`Valeur du seuil ${number}`}
                    nativeSelectProps={{
                      value: threshold.value ?? '',
                      required: true,
                      onChange: (e) => update(index, { value: e.target.value }),
                    }}
                  >
                    <option value="">Choisir</option>
                    {choices.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.label}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    label={`Valeur du seuil ${number}`}
                    nativeInputProps={{
                      value: threshold.value ?? '',
                      required: true,
                      inputMode: column?.quantitative ? 'decimal' : 'text',
                      maxLength: 100,
                      autoComplete: 'off',
                      onChange: (e) => update(index, { value: e.target.value }),
                    }}
                  />
                )}
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
                <Button
                  type="button"
                  priority="tertiary"
                  size="small"
                  iconId="fr-icon-delete-line"
                  onClick={() => onChange(thresholds.filter((_, i) => i !== index))}
                  className={fr.cx('fr-mb-3v')}
                >
                  Retirer le seuil {number}
                </Button>
              </div>
            </div>
          </div>
        )
      })}
      <div className={fr.cx('fr-fieldset__element')}>
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={add}>
          Ajouter un seuil
        </Button>
      </div>
    </fieldset>
  )
}
