// The column chooser: the columns the user may read, by theme, each with its owner; applying puts the
// choice in the URL (left out when it is the default one, so that default views keep short links).
import { fr } from '@codegouvfr/react-dsfr'
import { Accordion } from '@codegouvfr/react-dsfr/Accordion'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox'
import { useState, type FormEvent } from 'react'
import { GRID_THEME_INFO, GRID_THEMES, type GridColumn } from '../../domain/grid/columns'
import { formatCount } from '../format'
import { columnMark, MARKS } from './column-marks'

interface Props {
  /** The columns the user may read, in the tracker's order. */
  available: readonly GridColumn[]
  shown: readonly GridColumn[]
  /** Undefined: the default columns. */
  onSubmit: (keys: string[] | undefined) => void
}

export function ColumnChooser({ available, shown, onSubmit }: Props) {
  const [chosen, setChosen] = useState(() => new Set(shown.map((c) => c.key)))
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen)
    if (on) next.add(key)
    else next.delete(key)
    setChosen(next)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const keys = available.filter((c) => chosen.has(c.key)).map((c) => c.key)
    const defaults = available.filter((c) => c.shownByDefault).map((c) => c.key)
    onSubmit(keys.join(',') === defaults.join(',') ? undefined : keys)
  }
  return (
    <Accordion
      label={`Colonnes affichées (${formatCount(shown.length, 'colonne')})`}
      className={fr.cx('fr-mb-3w')}
    >
      <form onSubmit={submit} aria-label="Choix des colonnes">
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          {GRID_THEMES.map((theme) => {
            const columns = available.filter((c) => c.theme === theme)
            if (!columns.length) return null
            return (
              <div key={theme} className={fr.cx('fr-col-12', 'fr-col-md-6', 'fr-col-lg-4')}>
                <Checkbox
                  legend={GRID_THEME_INFO[theme].label}
                  small
                  options={columns.map((c) => ({
                    label: c.label,
                    hintText: MARKS[columnMark(c)].word,
                    nativeInputProps: {
                      name: 'columns',
                      value: c.key,
                      checked: chosen.has(c.key),
                      onChange: (e) => toggle(c.key, e.target.checked),
                    },
                  }))}
                />
              </div>
            )
          })}
        </div>
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
          <li>
            <Button type="submit" disabled={chosen.size === 0}>
              Afficher ces colonnes
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={() => onSubmit(undefined)}>
              Colonnes par défaut
            </Button>
          </li>
        </ul>
      </form>
    </Accordion>
  )
}
