// From an activité combinée to the programmes priced by it: the same figure, one click away.
import { fr } from '@codegouvfr/react-dsfr'
import { Link } from '../Link'
import { SONS } from './programmes/sons'
import { SUN_ES } from './programmes/sun-es'
import { simulationHref, valuesFromParams } from './simulation-params'

export function NextSimulations({ activity }: { activity: number }) {
  const withActivity = (programme: typeof SONS) =>
    simulationHref(programme, { ...valuesFromParams(programme), activity: String(activity) })
  return (
    <div className={fr.cx('fr-mt-3w')}>
      <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Avec cette activité combinée</h3>
      <ul className={fr.cx('fr-text--sm')}>
        <li>
          <Link href={withActivity(SONS)}>Simuler le plafond SONS (DPI)</Link>
        </li>
        <li>
          <Link href={withActivity(SUN_ES)}>Simuler le forfait SUN-ES (domaine 1, fenêtre 1)</Link>
        </li>
      </ul>
    </div>
  )
}
