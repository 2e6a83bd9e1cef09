// The result of a simulation: the answer in a DSFR callout (headline figure, the engine's summary, badges),
// the key figures and targets, the step-by-step explanation, what was missing, the caveats and the sources.
import { fr } from '@codegouvfr/react-dsfr'
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import { CallOut } from '@codegouvfr/react-dsfr/CallOut'
import type { Ref } from 'react'
import { Facts } from '../structure/Facts'
import { ExplanationTable } from './ExplanationTable'
import { keyFigures } from './key-figures'
import { NextSimulations } from './NextSimulations'
import { ResultNotes } from './ResultNotes'
import type { SimulatorResult } from './simulate-api'
import type { Simulation } from './simulation-params'
import { TargetsTable } from './TargetsTable'

interface Props {
  result: SimulatorResult
  simulation: Simulation
  headingRef: Ref<HTMLHeadingElement>
}

export function ResultPanel({ result, simulation, headingRef }: Props) {
  const figures = keyFigures(result)
  const mail = `mailto:?subject=${encodeURIComponent(`Simulation Jalon : ${simulation.programme.label}`)}&body=${encodeURIComponent(`${result.summary}\n\n${window.location.href}`)}`
  return (
    <section aria-labelledby="resultat" className={fr.cx('fr-mt-6w')}>
      <h2 id="resultat" ref={headingRef} tabIndex={-1} className={fr.cx('fr-h3', 'fr-mb-1w')}>
        Résultat
      </h2>
      <p className={fr.cx('fr-text--sm', 'fr-mb-2w')}>{result.programme.label}</p>
      <CallOut title={figures.headline} titleAs="h3" bodyAs="div" colorVariant="blue-ecume">
        <p className={fr.cx('fr-mb-2w')}>{result.summary}</p>
        {figures.badges.length > 0 && (
          <ul className={fr.cx('fr-badges-group')}>
            {figures.badges.map((b) => (
              <li key={b.text}>
                <Badge as="span" severity={b.severity} noIcon={b.severity === 'info'}>
                  {b.text}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </CallOut>
      {figures.facts.length > 0 && (
        <div className={fr.cx('fr-mb-3w')}>
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Chiffres clés</h3>
          <Facts facts={figures.facts} />
        </div>
      )}
      {figures.targets.length > 0 && (
        <div className={fr.cx('fr-mb-3w')}>
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Cibles</h3>
          <TargetsTable targets={figures.targets} />
        </div>
      )}
      <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Détail du calcul</h3>
      <ExplanationTable steps={result.explanation} />
      <ResultNotes
        programme={simulation.programme}
        values={simulation.values}
        missing={result.missing}
        notes={result.notes}
        references={result.references}
        version={result.programme}
      />
      {result.kind === 'activite' && result.activiteCombinee !== null && (
        <NextSimulations activity={result.activiteCombinee} />
      )}
      <p className={fr.cx('fr-mt-3w')}>
        <a className={fr.cx('fr-link')} href={mail}>
          Envoyer cette simulation par courriel
        </a>
        <span className={fr.cx('fr-hint-text')}>
          L’adresse de la page contient toutes les données saisies : elle redonne le même résultat.
        </span>
      </p>
    </section>
  )
}
