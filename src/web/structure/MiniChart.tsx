// A small line chart of one column over the months, drawn by ECharts loaded on first use. It is hidden from
// assistive technologies: the table beside it holds the same values and is the content.
import { fr } from '@codegouvfr/react-dsfr'
import { useEffect, useRef, useState } from 'react'

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })

interface Props {
  title: string
  labels: string[]
  values: (number | null)[]
}

export function MiniChart({ title, labels, values }: Props) {
  const element = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let dispose: (() => void) | undefined
    let cancelled = false
    import('./echarts-setup')
      .then(({ drawLine }) => {
        if (cancelled || !element.current) return
        dispose = drawLine(element.current, { labels, values, formatNumber: (v) => NUMBER.format(v) })
      })
      // Without the chart the table still says everything: no error to show beyond a quiet note.
      .catch(() => setFailed(true))
    return () => {
      cancelled = true
      dispose?.()
    }
  }, [labels, values])
  return (
    <div className={fr.cx('fr-mb-2w')}>
      <p className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-1v')} aria-hidden="true">
        {title}
      </p>
      {failed ? (
        <p className={fr.cx('fr-text--xs')}>Graphique indisponible : les valeurs sont dans le tableau.</p>
      ) : (
        <div ref={element} aria-hidden="true" style={{ width: '100%', height: '10rem' }} />
      )}
    </div>
  )
}
