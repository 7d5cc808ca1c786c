// SG2015: devDependencies installed in the final image's node_modules
// (`npm ci` without `--omit=dev`): test frameworks, bundlers and type
// packages that add size and attack surface to production.
import type { CheckHit, ImageCheck } from '../check.js'
import { capturedContent } from '../capture.js'
import { examples } from '../image-files.js'
import { dirname } from '../resolve.js'

export const SG2015: ImageCheck = {
  id: 'SG2015',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: "Dev dependencies in the final image's node_modules",
  run: ({ index }) => {
    const hits: CheckHit[] = []
    for (const file of index.files.values()) {
      if (
        file.type !== 'file' ||
        !file.path.endsWith('/package.json') ||
        file.path.includes('/node_modules/')
      )
        continue
      const app = dirname(file.path)
      const modules = `${app === '/' ? '' : app}/node_modules`
      if (index.files.get(modules)?.type !== 'dir' && !index.files.has(modules)) continue
      const content = capturedContent(index, file)
      if (!content) continue
      let devDependencies: Record<string, unknown> = {}
      try {
        const parsed = JSON.parse(content.toString('utf8')) as { devDependencies?: unknown }
        if (parsed.devDependencies && typeof parsed.devDependencies === 'object')
          devDependencies = parsed.devDependencies as Record<string, unknown>
      } catch {
        continue // truncated or not JSON: cannot tell
      }
      const installed = Object.keys(devDependencies)
        .filter(name => !name.includes('..'))
        .map(name => ({ name, dir: `${modules}/${name}` }))
        .filter(({ dir }) => index.files.has(dir))
      if (installed.length === 0) continue
      const layers = new Map<number, number>()
      for (const { dir } of installed) {
        const layer = index.files.get(`${dir}/package.json`)?.layer ?? index.files.get(dir)!.layer
        layers.set(layer, (layers.get(layer) ?? 0) + 1)
      }
      const layer = [...layers].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0]
      hits.push({
        message: `${modules} contains ${installed.length} devDependenc${installed.length === 1 ? 'y' : 'ies'} of ${file.path}; install with \`npm ci --omit=dev\` (or prune) in the stage that feeds the final image`,
        path: modules,
        layer,
        evidence: examples(installed.map(({ name }) => name).sort(), 5)
      })
    }
    return hits
  }
}
