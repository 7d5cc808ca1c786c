// SG2008: RUN in the final stage. A minimal final stage only assembles
// (COPY, USER, ENTRYPOINT ...); a RUN there means the runtime image needed a
// shell and tools to build itself. One finding for all of the final stage's
// RUNs: on the first, the others as related lines.
import type { ImageCheck } from '../check.js'

export const SG2008: ImageCheck = {
  id: 'SG2008',
  aliases: [],
  severity: 'note',
  phase: 'image',
  summary: "RUN in the final stage's history",
  run: ({ attribution, model }) => {
    if (!model) return []
    const runs = attribution.filter(
      entry =>
        entry.instruction?.keyword === 'RUN' &&
        entry.stage.index === model.finalStage &&
        entry.via?.image === undefined
    )
    const first = runs[0]
    if (!first) return []
    const lines = [...new Set(runs.map(entry => entry.line))]
    return [
      {
        message: `The final stage runs ${runs.length === 1 ? 'a command (RUN)' : `${runs.length} commands (RUN)`}, so the runtime image carries whatever they needed; do the work in a build stage and COPY the result`,
        layer: first.layer,
        alsoLayers: runs.slice(1).map(entry => entry.layer),
        evidence: `RUN on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`,
        ...(runs.length > 1 ? { count: runs.length } : {})
      }
    ]
  }
}
