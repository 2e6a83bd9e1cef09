// Joint targets (RULES §7 D1, §8 P1.O2): reached only when every part is. Unknown parts make the whole
// unknown, unless one part already fails: then the whole fails whatever the others say.

export type Attainment = boolean | null

export function allOf(parts: readonly Attainment[]): Attainment {
  let unknown = false
  for (const part of parts) {
    if (part === false) return false
    if (part === null) unknown = true
  }
  return unknown ? null : true
}

/** allOf of two parts, without an array: for loops that fold parts one by one. */
export function allOf2(a: Attainment, b: Attainment): Attainment {
  if (a === false || b === false) return false
  return a === null || b === null ? null : true
}
