// History `created_by` strings as engines write them, reduced to what
// attribution and the secret checks need. BuildKit: `RUN |1 TOKEN=x /bin/sh
// -c make # buildkit`, `COPY /out/app /app # buildkit`, `ENV A=b`, `USER 1000`.
// The classic builder: `/bin/sh -c #(nop)  ENV A=b`, `/bin/sh -c make`,
// `|1 TOKEN=x /bin/sh -c make`. Imports: `""`.

const KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR'
])
const NOP = /^\/bin\/sh -c #\(nop\)\s*/
const BUILD_ARGS = /^\|(\d+) /
const SHELL_RUN = /^(?:\|\d+ .*?)?\/bin\/sh -c /

/** The Dockerfile keyword a history entry came from (`RUN`, `COPY` ...), or '' when it cannot tell. */
export function historyKeyword(createdBy: string): string {
  const text = createdBy.trim()
  if (text === '') return ''
  const nop = NOP.exec(text)
  if (nop) return firstWord(text.slice(nop[0].length))
  if (BUILD_ARGS.test(text) || SHELL_RUN.test(text)) return 'RUN'
  const word = firstWord(text)
  return KEYWORDS.has(word) && text.slice(0, word.length) === word ? word : ''
}

function firstWord(text: string): string {
  const match = /^[A-Za-z]+/.exec(text)
  return match ? match[0].toUpperCase() : ''
}

/**
 * Build arguments a RUN history entry records (`|2 A=1 TOKEN=abc /bin/sh -c …`).
 * BuildKit writes `|N` then N `key=value` words; values with spaces are
 * ambiguous there, so a value is read up to the next space.
 */
export function historyBuildArgs(createdBy: string): { name: string; value: string }[] {
  let text = createdBy.trim()
  if (text.startsWith('RUN ')) text = text.slice(4)
  const match = BUILD_ARGS.exec(text)
  if (!match) return []
  const count = Number(match[1])
  const words = text.slice(match[0].length).split(' ')
  const result: { name: string; value: string }[] = []
  for (const word of words.slice(0, count)) {
    const eq = word.indexOf('=')
    if (eq <= 0) break
    result.push({ name: word.slice(0, eq), value: word.slice(eq + 1) })
  }
  return result
}
