// Apache ECharts with only what the establishment page draws (a line over months, its axes, SVG output):
// imported on demand by MiniChart, so that the chart library is a chunk of its own, not in the main bundle.
import { LineChart } from 'echarts/charts'
import { GridComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([LineChart, GridComponent, SVGRenderer])

export interface LineData {
  /** Axis labels, oldest first. */
  labels: string[]
  /** One value per label; null where the month has none (the line breaks there). */
  values: (number | null)[]
  /** Axis numbers in French. */
  formatNumber: (value: number) => string
}

/** Draws the line into `element`; returns what frees it. */
export function drawLine(element: HTMLElement, data: LineData): () => void {
  const chart = init(element, null, { renderer: 'svg' })
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 12, top: 12, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: data.formatNumber } },
    series: [
      {
        type: 'line',
        data: data.values,
        connectNulls: false,
        symbolSize: 6,
        // DSFR's "bleu France".
        itemStyle: { color: '#000091' },
        lineStyle: { color: '#000091', width: 2 },
      },
    ],
  })
  const resize = () => chart.resize()
  window.addEventListener('resize', resize)
  return () => {
    window.removeEventListener('resize', resize)
    chart.dispose()
  }
}
