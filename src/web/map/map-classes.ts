// The map's colour classes: shares of sites in five fixed bands of 20 % (so that two maps compare at a
// glance), averages in five bands of equal width between the lowest and highest area, on round bounds.
// Pure, to be tested and shared by the map, its legend and its table.

/** From light to DSFR's "bleu France", each step distinct from the next for colour-blind readers too. */
export const CLASS_COLOURS = ['#e3e3fd', '#b8b8f8', '#8585f6', '#4a4ad9', '#000091'] as const
/** Areas without a site or a value: grey, hatched on the map and in the legend (not told by colour alone). */
export const NO_DATA_COLOUR = '#dddddd'

export interface MapClass {
  /** Inclusive lower bound. */
  from: number
  /** Upper bound, inclusive for the last class only. */
  to: number
  colour: string
}

/** A round step near `span / count`: 1, 2, 2.5 or 5 times a power of ten. */
function roundStep(span: number, count: number): number {
  const raw = span / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)
  return step ?? 10 * power
}

/** Five classes: of shares (0–100 %), or over the values given (averages), on round bounds. */
export function mapClasses(kind: 'share' | 'average', values: readonly number[]): MapClass[] {
  const count = CLASS_COLOURS.length
  let from = 0
  let step = 20
  if (kind === 'average') {
    if (values.length === 0) return []
    const low = Math.min(...values)
    const high = Math.max(...values)
    step = high === low ? Math.max(1, roundStep(Math.abs(high) || 1, count)) : roundStep(high - low, count)
    from = Math.floor(low / step) * step
    // Rounding the lowest bound down can leave the highest value past the last class: widen the step.
    while (from + step * count < high) step = roundStep(step * count * 1.01, count)
  }
  return CLASS_COLOURS.map((colour, i) => ({ from: from + i * step, to: from + (i + 1) * step, colour }))
}

/** The class a value falls in; null without value or class. */
export function classOf(classes: readonly MapClass[], value: number | null): MapClass | null {
  if (value === null || classes.length === 0) return null
  return classes.find((c, i) => value < c.to || i === classes.length - 1) ?? null
}
