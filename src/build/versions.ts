// Version checks on buildx and BuildKit with semver, as @docker/actions-toolkit
// does them (`Buildx.versionSatisfies`): a distribution suffix (`0.13.1+ds1`)
// is coerced away, and a 7-hex development build satisfies every range.
import semver from 'semver'

export function buildxSatisfies(version: string | undefined, range: string): boolean {
  if (!version) return false
  if (/^[0-9a-f]{7}$/.test(version)) return true
  const coerced = semver.coerce(version)
  if (!coerced || coerced.version === '0.0.0') return false
  return semver.satisfies(coerced, range)
}
