// The geographic position, with a link to see it on OpenStreetMap.
import { fr } from '@codegouvfr/react-dsfr'
import type { StructureDetail } from '../../domain/contract/structures'
import { NOT_GIVEN } from '../format'

const DEGREES = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 5, maximumFractionDigits: 5 })

export function PositionFact({ position }: { position: StructureDetail['position'] }) {
  if (!position) return <>{NOT_GIVEN}</>
  const { latitude, longitude } = position
  const map = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`
  return (
    <>
      {`${DEGREES.format(latitude)}, ${DEGREES.format(longitude)} (WGS 84)`}{' '}
      <a className={fr.cx('fr-link', 'fr-link--sm')} href={map} target="_blank" rel="noreferrer">
        Voir sur OpenStreetMap
        <span className={fr.cx('fr-sr-only')}> (nouvelle fenêtre)</span>
      </a>
      {position.source && <span className={fr.cx('fr-hint-text')}>Source : {position.source}</span>}
    </>
  )
}
