#!/usr/bin/env node
// `npm run bench -- NAME [options]` runs bench/NAME.ts; with no name, every benchmark in turn.
import { register } from 'tsx/esm/api'
import { readdirSync } from 'node:fs'

register()
const [name, ...args] = process.argv.slice(2)
const dir = new URL('.', import.meta.url)
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
const selected = name ? [name] : available
for (const bench of selected) {
  if (!available.includes(bench)) {
    console.error(`Benchmark inconnu : ${bench}. Disponibles : ${available.join(', ')}`)
    process.exit(2)
  }
  const mod = await import(new URL(`./${bench}.ts`, dir).href)
  console.log(`\n=== bench ${bench} ===`)
  await mod.default(args)
}
