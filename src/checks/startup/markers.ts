// The byte strings the TLS and time-zone checks look for in the executables
// the command reaches, and which files the reader scans for them (whole
// files, streamed: the strings lie anywhere in a 30 MB Go binary).
//
// Detection is by strings, as the Go toolchain leaves them: crypto/x509's
// root_linux.go lists the CA bundle paths it tries; pclntab keeps every
// linked function's name even in stripped binaries (`time.LoadLocation`,
// `time/tzdata.` for the embedded database); the build-info section starts
// with `\xff Go buildinf:`. OpenSSL and GnuTLS hold their paths in their own
// libraries, so a program linking libssl, libcrypto or libgnutls counts as
// loading the system bundle too.
import type { MarkerScan } from '../../image/marker-scan.js'
import { contentKey, type ContainerConfig, type ImageFile, type ImageIndex } from '../../image/types.js'
import { basenameOf, DISTRO_TREES } from '../capture.js'
import { shellCommandName } from './analysis.js'

/** CA bundle files Go (crypto/x509 root_linux.go), OpenSSL (OPENSSLDIR/cert.pem) and GnuTLS try. */
export const CA_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
  '/usr/lib/ssl/cert.pem',
  '/usr/local/ssl/cert.pem',
  '/etc/pki/tls/cert.pem'
] as const

/** Hashed-certificate directories (Go's certDirectories, OpenSSL's OPENSSLDIR/certs). */
export const CA_DIRS = [
  '/etc/ssl/certs',
  '/etc/pki/tls/certs',
  '/usr/lib/ssl/certs',
  '/usr/local/ssl/certs'
] as const

/** Where Go's time package looks for the zoneinfo database (platformZoneSources). */
export const ZONEINFO_DIRS = ['/usr/share/zoneinfo', '/usr/share/lib/zoneinfo', '/usr/lib/locale/TZ'] as const

export const GO_BUILDINFO = '\xff Go buildinf:'
export const GO_LOAD_LOCATION = 'time.LoadLocation\0'
export const GO_EMBEDDED_TZDATA = 'time/tzdata.'
export const GO_ZONEINFO_PATH = '/usr/share/zoneinfo/'

export const TLS_MARKERS: readonly string[] = CA_FILES.slice(0, 6)

/** Libraries that read the system CA bundle on behalf of the program. */
export const TLS_LIBRARIES = /^lib(ssl|crypto|gnutls|curl|nss3)\.so(\.|$)/

export const STARTUP_MARKERS: readonly string[] = [
  ...TLS_MARKERS,
  GO_BUILDINFO,
  GO_LOAD_LOCATION,
  GO_EMBEDDED_TZDATA,
  GO_ZONEINFO_PATH
]

/** Names the image's command may run, to scan them wherever they are (even in /usr/bin). */
function commandNames(config: ContainerConfig): Set<string> {
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])]
  const names = new Set<string>()
  for (const list of [config.Entrypoint ?? [], config.Cmd ?? []]) {
    const first = list[0]
    if (first) names.add(basenameOf(first))
  }
  const script = argv[argv.indexOf('-c') + 1]
  if (argv.includes('-c') && script !== undefined) {
    const inner = shellCommandName(script)
    if (inner) names.add(basenameOf(inner))
  }
  return names
}

/** Executable bits on these say nothing: shared objects, archives, interpreted sources, package trees. */
const NOT_A_COMMAND =
  /\.(so(\.\d+)*|a|o|py|pyc|js|mjs|cjs|rb|pl|jar|txt|md|json)$|\/(node_modules|site-packages|dist-packages)\//

/**
 * Application executables (outside package-managed trees, not libraries)
 * and anything named like the command: few files per image, so the scan
 * stays cheap even in a multi-gigabyte image.
 */
export const STARTUP_SCAN: MarkerScan = {
  markers: STARTUP_MARKERS,
  select: (() => {
    const names = new WeakMap<ContainerConfig, Set<string>>()
    return (path: string, size: number, mode: number, config: ContainerConfig): boolean => {
      if ((mode & 0o111) === 0 || size < 52) return false
      let set = names.get(config)
      if (!set) {
        set = commandNames(config)
        names.set(config, set)
      }
      if (set.has(basenameOf(path))) return true
      return !DISTRO_TREES.test(path) && !NOT_A_COMMAND.test(path)
    }
  })()
}

/** The markers a file contains; undefined when the image was read without the scan (nothing known). */
export function markersOf(
  index: Pick<ImageIndex, 'markers'>,
  file: Pick<ImageFile, 'layer' | 'path'>
): string[] | undefined {
  if (!index.markers) return undefined
  return index.markers.get(contentKey(file.layer, file.path)) ?? []
}
