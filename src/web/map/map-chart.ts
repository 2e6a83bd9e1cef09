// The choropleth itself: Apache ECharts with only its map series and tooltip, and the shapes of
// france-geometry.json (scripts/build-map-geometry.ts), imported on demand by MapFigure so that the library
// and the shapes are a chunk of their own, off the first page.
import { MapChart } from 'echarts/charts'
import { TooltipComponent } from 'echarts/components'
import { init, registerMap, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { MapLevel } from '../../domain/contract/map'
import geometry from './france-geometry.json'

use([MapChart, TooltipComponent, SVGRenderer])

export interface MapShape {
  code: string
  colour: string
  /** No site or no value: hatched. */
  empty: boolean
  /** Plain text lines of the tooltip (escaped here). */
  tooltip: string[]
}

export interface MapDrawing {
  level: MapLevel
  shapes: MapShape[]
  /** Called with the code of the area clicked. */
  onSelect: (code: string) => void
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * Only the areas asked for are drawn (a région's départements fill the frame); registered under a name of
 * their own, so that each view keeps its shapes.
 */
function register(level: MapLevel, codes: ReadonlySet<string>): string {
  const collection = geometry[level]
  const name = `jalon-${level}-${[...codes].sort().join('-')}`
  registerMap(name, {
    type: 'FeatureCollection',
    features: collection.features.filter((f) => codes.has(f.properties.code)),
  } as Parameters<typeof registerMap>[1])
  return name
}

const HATCHED = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [2, 4],
  rotation: Math.PI / 4,
  color: 'rgba(0, 0, 0, 0.18)',
}

/** Draws the map into `element`; returns what frees it. */
export function drawMap(element: HTMLElement, drawing: MapDrawing): () => void {
  const chart = init(element, null, { renderer: 'svg' })
  const byCode = new Map(drawing.shapes.map((s) => [s.code, s]))
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: { name: string }) =>
        (byCode.get(params.name)?.tooltip ?? []).map(escapeHtml).join('<br>'),
    },
    series: [
      {
        type: 'map',
        map: register(drawing.level, new Set(byCode.keys())),
        nameProperty: 'code',
        selectedMode: false,
        label: { show: false },
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.8 },
        emphasis: { label: { show: false }, itemStyle: { borderColor: '#161616', borderWidth: 1.5 } },
        data: drawing.shapes.map((s) => ({
          name: s.code,
          itemStyle: { areaColor: s.colour, ...(s.empty ? { decal: HATCHED } : {}) },
        })),
      },
    ],
  })
  chart.on('click', (params) => drawing.onSelect(params.name))
  const resize = () => chart.resize()
  window.addEventListener('resize', resize)
  return () => {
    window.removeEventListener('resize', resize)
    chart.dispose()
  }
}
