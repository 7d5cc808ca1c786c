// SG2010 setuid/setgid files (privilege escalation paths) and SG2011
// world-writable files or directories without the sticky bit (anyone in the
// container can replace what the application trusts). One finding per layer:
// what a base image brings (Debian's eleven standard setuid binaries) is one
// finding on its FROM line, with the files as evidence and the count.
import type { ImageFile } from '../../image/types.js'
import type { CheckHit, ImageCheck } from '../check.js'
import { examples } from '../image-files.js'

function mode(file: ImageFile): string {
  return file.mode.toString(8).padStart(4, '0')
}

/** Files grouped by the layer that put them there, in layer order, paths sorted. */
function byLayer(files: readonly ImageFile[]): [number, ImageFile[]][] {
  const groups = new Map<number, ImageFile[]>()
  for (const file of files) {
    const list = groups.get(file.layer)
    if (list) list.push(file)
    else groups.set(file.layer, [file])
  }
  return [...groups]
    .sort(([a], [b]) => a - b)
    .map(([layer, list]) => [layer, list.sort((a, b) => a.path.localeCompare(b.path))])
}

function setBits(file: ImageFile): string {
  return [(file.mode & 0o4000) !== 0 ? 'setuid' : '', (file.mode & 0o2000) !== 0 ? 'setgid' : '']
    .filter(Boolean)
    .join(' and ')
}

export const SG2010: ImageCheck = {
  id: 'SG2010',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'setuid or setgid files',
  run: ({ index }) => {
    const flagged: ImageFile[] = []
    for (const file of index.files.values()) {
      if (file.type !== 'file' && file.type !== 'hardlink') continue
      if ((file.mode & 0o6000) !== 0) flagged.push(file)
    }
    return byLayer(flagged).map(([layer, files]): CheckHit => {
      const first = files[0]!
      const message =
        files.length === 1
          ? `${first.path} is ${setBits(first)}; remove the bit (chmod u-s,g-s) or the file unless the image must escalate privileges`
          : `${files.length} setuid or setgid files (${examples(files.map(file => file.path))}); remove the bits (chmod u-s,g-s) or the files unless the image must escalate privileges`
      return {
        message,
        path: first.path,
        layer,
        evidence: examples(
          files.map(
            file => `${file.path} (${setBits(file)}, mode ${mode(file)}, owner ${file.uid}:${file.gid})`
          ),
          files.length <= 12 ? files.length : 10
        ),
        ...(files.length > 1 ? { count: files.length } : {})
      }
    })
  }
}

export const SG2011: ImageCheck = {
  id: 'SG2011',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'World-writable files or directories without the sticky bit',
  run: ({ index }) => {
    const flagged: ImageFile[] = []
    for (const file of index.files.values()) {
      // Device nodes (/dev/null is 0666 by design), fifos and symlinks (always 0777) are not reported.
      if (file.type === 'symlink' || file.type === 'other' || (file.mode & 0o002) === 0) continue
      if (file.type === 'dir' && (file.mode & 0o1000) !== 0) continue
      flagged.push(file)
    }
    return byLayer(flagged).map(([layer, files]): CheckHit => {
      const first = files[0]!
      const what = (file: ImageFile): string =>
        file.type === 'dir' ? 'directory without the sticky bit' : 'file'
      const message =
        files.length === 1
          ? `${first.path} is a world-writable ${what(first)}; drop o+w (or add +t for a shared directory)`
          : `${files.length} world-writable files or directories without the sticky bit (${examples(files.map(file => file.path))}); drop o+w (or add +t for a shared directory)`
      return {
        message,
        path: first.path,
        layer,
        evidence: examples(
          files.map(file => `${file.path} (mode ${mode(file)})`),
          files.length <= 12 ? files.length : 10
        ),
        ...(files.length > 1 ? { count: files.length } : {})
      }
    })
  }
}
