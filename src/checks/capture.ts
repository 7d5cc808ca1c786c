// Which files' leading bytes the image reader keeps for the checks, and how
// many. Bounded per file (and by being few files) so memory stays small:
// executables' first 64 KiB (ELF header, program headers, PT_INTERP and, for
// small binaries, the dynamic section: SG2012), candidate secret files
// (SG2004), /etc/passwd, /etc/group and /etc/shadow (SG2013, SG2020, SG2021),
// settings.py (SG2018), the dynamic linker's search
// path config (SG2012) and applications' package.json (SG2015).
import type { CapturePolicy, ImageFile, ImageIndex } from '../image/types.js'
import { contentKey } from '../image/types.js'

export const CAPTURE_LIMITS = {
  executable: 64 * 1024,
  /** Executables in package-managed trees: the header, program headers and PT_INTERP, and small binaries whole. */
  packagedExecutable: 16 * 1024,
  secretFile: 64 * 1024,
  configFile: 16 * 1024,
  accounts: 64 * 1024,
  linkerConfig: 4 * 1024,
  packageJson: 64 * 1024
} as const

/** Files named like credentials, wherever they are. */
const SECRET_NAMES = new Set([
  '.npmrc',
  '.pypirc',
  '.env',
  '.git-credentials',
  '.netrc',
  '_netrc',
  'credentials',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519'
])
const SECRET_NAME_PATTERNS = [/\.(pem|key|p8)$/, /^\.env\..+$/, /^id_(rsa|dsa|ecdsa|ed25519)/]
/** Text config files outside package-managed trees can carry pasted tokens. */
const CONFIG_EXTENSIONS = /\.(json|ya?ml|toml|ini|cfg|conf|properties|xml|sh)$/
const SYSTEM_TREES =
  /^\/(usr|lib|lib32|lib64|bin|sbin|proc|sys|var\/lib)\/|\/node_modules\/|\/site-packages\/|\/dist-packages\//

/** Package-managed trees: their binaries arrive with their libraries, so only the start is kept. */
export const DISTRO_TREES =
  /^\/(bin|sbin|usr\/bin|usr\/sbin|usr\/lib|usr\/lib64|usr\/libexec|lib|lib64|usr\/share)\//

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function isSecretCandidate(path: string): boolean {
  const name = basenameOf(path)
  if (SECRET_NAMES.has(name) || SECRET_NAME_PATTERNS.some(pattern => pattern.test(name))) return true
  return name === 'config.json' && path.endsWith('/.docker/config.json')
}

export const IMAGE_CAPTURE: CapturePolicy = (path, size, mode) => {
  if (size <= 0) return 0
  const name = basenameOf(path)
  if (path === '/etc/passwd' || path === '/etc/group' || path === '/etc/shadow')
    return Math.min(size, CAPTURE_LIMITS.accounts)
  // SG2018: a settings.py outside package trees counts only when it sets a password.
  if (name === 'settings.py' && !SYSTEM_TREES.test(path)) return Math.min(size, CAPTURE_LIMITS.configFile)
  if (path === '/etc/ld.so.conf' || (path.startsWith('/etc/ld.so.conf.d/') && name.endsWith('.conf')))
    return Math.min(size, CAPTURE_LIMITS.linkerConfig)
  if (/^\/etc\/ld-musl-[^/]+\.path$/.test(path)) return Math.min(size, CAPTURE_LIMITS.linkerConfig)
  if (isSecretCandidate(path)) return Math.min(size, CAPTURE_LIMITS.secretFile)
  if (name === 'package.json' && !path.includes('/node_modules/'))
    return Math.min(size, CAPTURE_LIMITS.packageJson)
  // Tiny executables too: a 20-byte `#!/bin/bash` entrypoint script needs its first line read (SG2042).
  if ((mode & 0o111) !== 0 && size >= 3)
    return Math.min(
      size,
      DISTRO_TREES.test(path) ? CAPTURE_LIMITS.packagedExecutable : CAPTURE_LIMITS.executable
    )
  // Only small, shallow config files (/app/config.yml, /srv/app/settings.json): few, so memory stays bounded.
  if (size <= CAPTURE_LIMITS.configFile && isShallowConfigFile(path)) return size
  return 0
}

/** Small text config outside package-managed trees (/app/config.yml, /srv/app/settings.json): few per image. */
export function isShallowConfigFile(path: string): boolean {
  return (
    CONFIG_EXTENSIONS.test(basenameOf(path)) &&
    path.split('/').length <= 4 &&
    !SYSTEM_TREES.test(path) &&
    !path.startsWith('/etc/')
  )
}

/** Captured files SG2004 scans: credential-named files and small config files, not executables. */
export function isSecretScanTarget(path: string, mode: number): boolean {
  return isSecretCandidate(path) || ((mode & 0o111) === 0 && isShallowConfigFile(path))
}

/** The captured leading bytes of this version of a file, if the reader kept them. */
export function capturedContent(
  index: ImageIndex,
  file: Pick<ImageFile, 'layer' | 'path'>
): Buffer | undefined {
  return index.contents.get(contentKey(file.layer, file.path))
}
