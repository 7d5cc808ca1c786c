// SG2010 setuid/setgid files (privilege escalation paths) and SG2011
// world-writable files or directories without the sticky bit (anyone in the
// container can replace what the application trusts).
import type { ImageCheck } from '../check.js'

export const SG2010: ImageCheck = {
  id: 'SG2010',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'setuid or setgid files',
  run: ({ index }) => {
    const hits = []
    for (const file of index.files.values()) {
      if (file.type !== 'file' && file.type !== 'hardlink') continue
      const bits = [
        (file.mode & 0o4000) !== 0 ? 'setuid' : '',
        (file.mode & 0o2000) !== 0 ? 'setgid' : ''
      ].filter(Boolean)
      if (bits.length === 0) continue
      hits.push({
        message: `${file.path} is ${bits.join(' and ')}; remove the bit (chmod u-s,g-s) or the file unless the image must escalate privileges`,
        path: file.path,
        layer: file.layer,
        evidence: `mode ${file.mode.toString(8).padStart(4, '0')}, owner ${file.uid}:${file.gid}`
      })
    }
    return hits
  }
}

export const SG2011: ImageCheck = {
  id: 'SG2011',
  aliases: [],
  severity: 'warning',
  phase: 'image',
  summary: 'World-writable files or directories without the sticky bit',
  run: ({ index }) => {
    const hits = []
    for (const file of index.files.values()) {
      // Device nodes (/dev/null is 0666 by design), fifos and symlinks (always 0777) are not reported.
      if (file.type === 'symlink' || file.type === 'other' || (file.mode & 0o002) === 0) continue
      if (file.type === 'dir' && (file.mode & 0o1000) !== 0) continue
      const what = file.type === 'dir' ? 'directory' : 'file'
      hits.push({
        message: `${file.path} is a world-writable ${what}${file.type === 'dir' ? ' without the sticky bit' : ''}; drop o+w (or add +t for a shared directory)`,
        path: file.path,
        layer: file.layer,
        evidence: `mode ${file.mode.toString(8).padStart(4, '0')}`
      })
    }
    return hits
  }
}
