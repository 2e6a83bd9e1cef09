// A list of label → value pairs, as a description list.
import { fr } from '@codegouvfr/react-dsfr'
import type { ReactNode } from 'react'

export interface Fact {
  label: string
  value: ReactNode
}

export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl className={fr.cx('fr-my-0', 'fr-pl-0')}>
      {facts.map((f) => (
        <div key={f.label} className={fr.cx('fr-mb-2v')}>
          <dt className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-0')}>{f.label}</dt>
          <dd className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-pl-0')}>{f.value}</dd>
        </div>
      ))}
    </dl>
  )
}
