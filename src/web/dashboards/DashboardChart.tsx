// A chart of the dashboard (lines over months or bars), drawn by ECharts loaded on first use. It is hidden
// from assistive technologies: the table beside it holds the same figures and is the content.
import { fr } from '@codegouvfr/react-dsfr'
import { useEffect, useRef, useState } from 'react'
import type { SeriesData } from '../structure/echarts-setup'

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })

export type ChartData = Omit<SeriesData, 'formatNumber'>

export function DashboardChart({ data }: { data: ChartData }) {
  const element = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let dispose: (() => void) | undefined
    let cancelled = false
    import('../structure/echarts-setup')
      .then(({ drawSeries }) => {
        if (cancelled || !element.current) return
        dispose = drawSeries(element.current, { ...data, formatNumber: (v) => NUMBER.format(v) })
      })
      // Without the chart the table still says everything: no error to show beyond a quiet note.
      .catch(() => setFailed(true))
    return () => {
      cancelled = true
      dispose?.()
    }
  }, [data])
  return failed ? (
    <p className={fr.cx('fr-text--xs')}>Graphique indisponible : les valeurs sont dans le tableau.</p>
  ) : (
    <div ref={element} aria-hidden="true" style={{ width: '100%', height: '16rem' }} />
  )
}
