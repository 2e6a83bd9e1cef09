// The progress of a running import: a native <progress> (indeterminate until the server names a step),
// a visible label, and the step with the values loaded so far in a polite live region.
import { fr } from '@codegouvfr/react-dsfr'
import type { Ref } from 'react'
import { progressView } from './import-format'

interface Props {
  title: string
  step: string
  rows: number
  containerRef: Ref<HTMLDivElement>
}

export function ImportProgress({ title, step, rows, containerRef }: Props) {
  const view = progressView(step, rows)
  return (
    <div
      ref={containerRef}
      tabIndex={-1}
      className={fr.cx('fr-p-3w', 'fr-mb-4w')}
      style={{
        background: 'var(--background-alt-blue-france)',
        borderLeft: '0.25rem solid var(--border-default-blue-france)',
      }}
    >
      <p id="import-progress-label" className={fr.cx('fr-text--bold', 'fr-mb-1w')}>
        {title}
      </p>
      <progress
        aria-labelledby="import-progress-label"
        aria-describedby="import-progress-step"
        max={view.value === null ? undefined : view.max}
        value={view.value ?? undefined}
        style={{
          display: 'block',
          width: '100%',
          height: '1rem',
          accentColor: 'var(--background-action-high-blue-france)',
        }}
      />
      <p
        id="import-progress-step"
        aria-live="polite"
        aria-atomic="true"
        className={fr.cx('fr-mt-1w', 'fr-mb-0')}
      >
        {view.text}
      </p>
    </div>
  )
}
