// A small seeded generator for the demo files: the same seed gives the same bytes on every machine, and
// each structure draws from its own stream (seed + FINESS + purpose), so that its figures do not depend on
// which other structures are generated (a test may take a subset and see the same values).

/** The demo's seed: change it and every figure changes, run after run the same. */
export const DEMO_SEED = 0x1a10_2026

/** mulberry32: 32-bit state, good enough for plausible figures, and identical in every JavaScript engine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a over the key's UTF-16 code units, mixed with the seed. */
function hashKey(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export class Random {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  /** An independent stream for one purpose: `Random.for('insi', '350000022')`. */
  static for(...keys: string[]): Random {
    return new Random(hashKey(DEMO_SEED, keys.join('\u0001')))
  }

  /** In [0, 1). */
  float(): number {
    return this.next()
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** Log-uniform in [min, max]: sizes of establishments spread over orders of magnitude. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)))
  }

  /** Multiplicative noise around 1, ± `spread`. */
  noise(spread: number): number {
    return 1 + (this.next() * 2 - 1) * spread
  }
}

/** Adoption on month `t` of a structure that starts around `start` and takes about `width` months. */
export function sCurve(t: number, start: number, width: number): number {
  return 1 / (1 + Math.exp(-(t - start) / Math.max(width, 0.5)))
}
