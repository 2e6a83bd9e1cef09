// The map drawn by ECharts, loaded on first use. It is hidden from assistive technologies: the table beside
// it holds the same figures, each area a link to the grid, and is the content; a click on an area goes to
// the same place as its link.
import { fr } from '@codegouvfr/react-dsfr'
import { useEffect, useRef, useState } from 'react'
import type { MapDrawing } from './map-chart'

export function MapChartFigure({ drawing }: { drawing: MapDrawing }) {
  const element = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let dispose: (() => void) | undefined
    let cancelled = false
    import('./map-chart')
      .then(({ drawMap }) => {
        if (cancelled || !element.current) return
        dispose = drawMap(element.current, drawing)
      })
      // Without the map the table still says everything: no error to show beyond a quiet note.
      .catch(() => setFailed(true))
    return () => {
      cancelled = true
      dispose?.()
    }
  }, [drawing])
  return failed ? (
    <p className={fr.cx('fr-text--xs')}>Carte indisponible : les valeurs sont dans le tableau.</p>
  ) : (
    <div
      ref={element}
      aria-hidden="true"
      data-map-level={drawing.level}
      style={{ width: '100%', height: '34rem' }}
    />
  )
}
