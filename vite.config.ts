// Builds the web app (src/web) into dist/web, which the HTTP server serves. In development, `npx vite`
// proxies /api to a `jalon serve` running on PORT (default 3000).
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The libraries every page loads, each in a chunk of its own: they change less often than the app's code,
 * so a new release of Jalon leaves them in the browser's cache. Only these and AG Grid (below) are named:
 * any other library (ECharts…) stays in the chunk of the page that imports it lazily, off the first page.
 */
const VENDOR_CHUNKS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
  { name: 'dsfr', test: /[\\/]node_modules[\\/]@codegouvfr[\\/]react-dsfr[\\/]/, priority: 2 },
  { name: 'react-query', test: /[\\/]node_modules[\\/]@tanstack[\\/]/, priority: 1 },
]

/**
 * AG Grid Community is one ES module of 2.4 MB, about 840 kB once the grid's unused features are shaken out:
 * no split can cut a module, so its chunk is over Vite's 500 kB warning. It loads only with the tracking
 * page (a lazy import in App.tsx), in a chunk of its own that outlives Jalon's releases in the cache.
 */
const GRID_CHUNK = { name: 'ag-grid', test: /[\\/]node_modules[\\/]ag-grid-(community|react)[\\/]/ }
const GRID_CHUNK_KB = 900
const FIRST_PAGE_KB = 500

/**
 * Raising Vite's warning limit for the grid must not hide a heavy first page: the chunks the entry loads
 * before anything else (its static imports, recursively) are held to 500 kB each.
 */
function firstPageBudget(): Plugin {
  return {
    name: 'jalon-first-page-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file]] : [])),
      )
      const queue = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName)
      const seen = new Set<string>()
      for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
        const chunk = chunks.get(name)
        if (!chunk || seen.has(name)) continue
        seen.add(name)
        const kB = Buffer.byteLength(chunk.code) / 1000
        if (kB > FIRST_PAGE_KB)
          this.error(`${name}: ${Math.round(kB)} kB loaded by the first page (budget ${FIRST_PAGE_KB} kB)`)
        queue.push(...chunk.imports)
      }
    },
  }
}

export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react(), firstPageBudget()],
  // The DSFR favicons, served at the site root (/favicon.ico is what browsers ask for by default).
  publicDir: fromRoot('./node_modules/@codegouvfr/react-dsfr/favicon'),
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // DSFR fonts and icons are bundled as files, so the app works without any CDN.
    assetsInlineLimit: 0,
    // Only the AG Grid chunk goes past 500 kB (see GRID_CHUNK); firstPageBudget keeps the first page under.
    chunkSizeWarningLimit: GRID_CHUNK_KB,
    rolldownOptions: {
      // Transforming DSFR's 600 kB of CSS dominates the build; the timing report says only that.
      checks: { bundlerTimings: false },
      output: {
        // A DSFR component that only a lazy page uses stays with that page (`$initial`: on the first page).
        codeSplitting: {
          groups: [...VENDOR_CHUNKS.map((group) => ({ ...group, tags: ['$initial' as const] })), GRID_CHUNK],
        },
      },
    },
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
})
