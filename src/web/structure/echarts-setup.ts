// Apache ECharts with only what Jalon draws (lines over months, bars, their axes and legend, SVG output):
// imported on demand by MiniChart and the dashboards' charts, so that the chart library is a chunk of its
// own, not in the main bundle.
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer])

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

/** Colours of several series: DSFR's illustrative palette, "bleu France" first. */
const PALETTE = [
  '#000091',
  '#c9191e',
  '#18753c',
  '#b34000',
  '#6a6af4',
  '#a558a0',
  '#009099',
  '#716043',
  '#3a3a3a',
]

export interface SeriesData {
  /** Category labels (months, statuses, categories), in order. */
  labels: string[]
  series: { name: string; values: (number | null)[] }[]
  kind: 'line' | 'bar'
  formatNumber: (value: number) => string
}

/** Draws lines or bars, one per series, with a legend when there are several; returns what frees it. */
export function drawSeries(element: HTMLElement, data: SeriesData): () => void {
  const chart = init(element, null, { renderer: 'svg' })
  const legend = data.series.length > 1
  chart.setOption({
    animation: false,
    color: PALETTE,
    legend: legend ? { type: 'plain', bottom: 0 } : undefined,
    grid: { left: 8, right: 12, top: 12, bottom: legend ? 48 : 8, containLabel: true },
    xAxis: { type: 'category', data: data.labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: data.formatNumber } },
    series: data.series.map((s) => ({
      type: data.kind,
      name: s.name,
      data: s.values,
      connectNulls: false,
      symbolSize: 6,
    })),
  })
  const resize = () => chart.resize()
  window.addEventListener('resize', resize)
  return () => {
    window.removeEventListener('resize', resize)
    chart.dispose()
  }
}
