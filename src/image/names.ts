// Tar names are bytes, not text. Decoding them as UTF-8 with replacement
// characters would make distinct names collide (three setuid files whose
// names differ only in invalid bytes would become one path). Valid UTF-8 is
// decoded as usual; each byte of an invalid sequence becomes a lone
// surrogate U+DC80..U+DCFF (Python's "surrogateescape"), which no valid
// UTF-8 input can produce, so the mapping is one to one.
import { isUtf8 } from 'node:buffer'

export function decodeName(bytes: Buffer, start = 0, end = bytes.length): string {
  const view = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end)
  if (isUtf8(view)) return view.toString('utf8')
  let out = ''
  let i = 0
  while (i < view.length) {
    const length = sequenceLength(view, i)
    if (length > 0) {
      out += view.toString('utf8', i, i + length)
      i += length
    } else {
      out += String.fromCharCode(0xdc00 + (view[i] as number))
      i++
    }
  }
  return out
}

/** Length of the well-formed UTF-8 sequence at `i`, or 0 when the byte there does not start one. */
function sequenceLength(b: Buffer, i: number): number {
  const c = b[i] as number
  if (c < 0x80) return 1
  const cont = (k: number): boolean => i + k < b.length && ((b[i + k] as number) & 0xc0) === 0x80
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0
    const c1 = b[i + 1] as number
    if (c === 0xe0 && c1 < 0xa0) return 0 // overlong
    if (c === 0xed && c1 >= 0xa0) return 0 // UTF-16 surrogates
    return 3
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0
    const c1 = b[i + 1] as number
    if (c === 0xf0 && c1 < 0x90) return 0
    if (c === 0xf4 && c1 >= 0x90) return 0
    return 4
  }
  return 0
}
