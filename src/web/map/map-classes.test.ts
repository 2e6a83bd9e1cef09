import { describe, expect, it } from 'vitest'
import { CLASS_COLOURS, classOf, mapClasses } from './map-classes'

const bounds = (classes: ReturnType<typeof mapClasses>) => classes.map((c) => [c.from, c.to])

describe('map colour classes', () => {
  it('cuts shares into five fixed bands of 20 %', () => {
    const classes = mapClasses('share', [3, 97])
    expect(bounds(classes)).toEqual([
      [0, 20],
      [20, 40],
      [40, 60],
      [60, 80],
      [80, 100],
    ])
    expect(classes.map((c) => c.colour)).toEqual([...CLASS_COLOURS])
    expect(classOf(classes, 0)?.from).toBe(0)
    expect(classOf(classes, 19.99)?.from).toBe(0)
    expect(classOf(classes, 20)?.from).toBe(20)
    // The last band holds its upper bound.
    expect(classOf(classes, 100)?.from).toBe(80)
    expect(classOf(classes, null)).toBeNull()
  })

  it('cuts averages into five round bands holding every value', () => {
    const values = [880, 2500, 1234.5]
    const classes = mapClasses('average', values)
    expect(bounds(classes)).toEqual([
      [500, 1000],
      [1000, 1500],
      [1500, 2000],
      [2000, 2500],
      [2500, 3000],
    ])
    for (const v of values) expect(classOf(classes, v)).not.toBeNull()
    expect(classOf(classes, 880)?.from).toBe(500)
    expect(classOf(classes, 2500)?.from).toBe(2500)
  })

  it('widens the bands when rounding the lowest bound down leaves the highest value out', () => {
    const classes = mapClasses('average', [19, 101])
    expect(classes[0]?.from).toBeLessThanOrEqual(19)
    expect(classes.at(-1)?.to).toBeGreaterThanOrEqual(101)
    expect(classOf(classes, 101)).toBe(classes.at(-1))
  })

  it('gives a single value a band, and no values no band', () => {
    const one = mapClasses('average', [42.5])
    expect(classOf(one, 42.5)).not.toBeNull()
    expect(mapClasses('average', [])).toEqual([])
    expect(classOf([], 3)).toBeNull()
  })
})
