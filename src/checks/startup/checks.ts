// The startup checks (SG2040–SG2059), in id order, for the image catalog.
import type { ImageCheck } from '../check.js'
import { SG2043 } from './binary-platform.js'
import { SG2041 } from './command-permission.js'
import { SG2040 } from './command-resolves.js'
import { SG2046 } from './non-root-writes.js'
import { SG2042 } from './script-interpreter.js'
import { SG2045 } from './time-zones.js'
import { SG2044 } from './tls-roots.js'

export const STARTUP_CHECKS: readonly ImageCheck[] = [SG2040, SG2041, SG2042, SG2043, SG2044, SG2045, SG2046]
