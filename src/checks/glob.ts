// `allow.paths` globs: `*` within one path component, `**` across
// components, `?` one character. `/etc/ssl/certs/**` also matches the
// directory itself.
const cache = new Map<string, RegExp>()

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob)
  if (cached) return cached
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!
    if (char === '*') {
      if (glob[i + 1] === '*') {
        i++
        if (source.endsWith('/') && (glob[i + 1] === undefined || glob[i + 1] === '/')) {
          // `/x/**` and `/x/**/y`: zero or more whole components
          source = source.slice(0, -1) + '(?:/.*)?'
          if (glob[i + 1] === '/') {
            i++
            source += '/'
          }
        } else source += '.*'
      } else source += '[^/]*'
    } else if (char === '?') source += '[^/]'
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  const regexp = new RegExp(`^${source}$`)
  cache.set(glob, regexp)
  return regexp
}

export function isAllowedPath(globs: readonly string[], path: string): boolean {
  return globs.some(glob => globToRegExp(glob).test(path))
}
