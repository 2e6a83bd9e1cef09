// axe-core run in the page of an end-to-end test: its serious and critical accessibility violations, one
// readable line each, so that a test expects an empty list.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url))

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]
}

/** `include`: CSS selectors of the parts to check; the whole page when left out. */
export async function seriousViolations(page: Page, include?: string[]): Promise<string[]> {
  // The app's Content-Security-Policy refuses inline scripts (addScriptTag): axe is evaluated instead.
  await page.evaluate(readFileSync(AXE, 'utf8'))
  const result = (await page.evaluate(
    (selectors) =>
      (window as unknown as { axe: { run: (context: unknown) => Promise<unknown> } }).axe.run(
        selectors ? { include: selectors.map((s) => [s]) } : document,
      ),
    include,
  )) as AxeResult
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.help}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
