// src/domain is pure (DESIGN.md): it imports nothing of the project outside itself and no node: module.
// The ESLint rule says the same; this test also catches bare builtins and deep relative paths.
/* eslint-disable no-restricted-imports -- tests may do I/O: this one reads the domain's files */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const domain = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const PACKAGES = new Set(['zod', 'decimal.js'])
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    // Tests may do I/O (this one does): only the code that ships is held to the rule.
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

describe('src/domain purity', () => {
  const files = sources(domain)

  it('finds the domain files', () => {
    expect(files.some((f) => f.endsWith(join('programmes', 'simulate.ts')))).toBe(true)
  })

  it.each(files.map((f) => [relative(domain, f), f]))(
    '%s imports only src/domain, zod and decimal.js',
    (_, file) => {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(SPECIFIER)) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? ''
        if (specifier.startsWith('.')) {
          const target = resolve(dirname(file), specifier)
          expect(relative(domain, target).startsWith('..'), `${specifier} leaves src/domain`).toBe(false)
        } else {
          expect(
            specifier.startsWith('node:') || builtinModules.includes(specifier),
            `${specifier} is a node module`,
          ).toBe(false)
          expect(PACKAGES.has(specifier), `${specifier} is not an allowed package`).toBe(true)
        }
      }
    },
  )
})
