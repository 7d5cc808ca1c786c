// SG2008: a RUN in the final stage. A minimal final stage only assembles
// (COPY, USER, ENTRYPOINT ...); a RUN there means the runtime image needed a
// shell and tools to build itself.
import type { ImageCheck } from '../check.js'

export const SG2008: ImageCheck = {
  id: 'SG2008',
  aliases: [],
  severity: 'note',
  phase: 'image',
  summary: "A RUN in the final stage's history",
  run: ({ attribution, model }) => {
    if (!model) return []
    return attribution
      .filter(
        entry =>
          entry.instruction?.keyword === 'RUN' &&
          entry.stage.index === model.finalStage &&
          entry.via?.image === undefined
      )
      .map(entry => ({
        message:
          'The final stage runs a command (RUN), so the runtime image carries whatever it needed; do the work in a build stage and COPY the result',
        layer: entry.layer
      }))
  }
}
