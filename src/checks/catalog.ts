// Every image check, in id order. `stagegate rules`, SARIF's rule list and
// the runner all read this one list.
import type { ImageCheck } from './check.js'
import { SG2014 } from './rules/attestations.js'
import { SG2012 } from './rules/dynamic-libs.js'
import { SG2008 } from './rules/final-run.js'
import { SG2015 } from './rules/node-dev-deps.js'
import { SG2010, SG2011 } from './rules/permissions.js'
import { SG2000 } from './rules/reader-warnings.js'
import { SG2001, SG2002, SG2007 } from './rules/runtime-tools.js'
import { SG2004, SG2005 } from './rules/secrets.js'
import { SG2009, SG2016 } from './rules/size.js'
import { SG2006 } from './rules/source-files.js'
import { SG2003, SG2013 } from './rules/user.js'
import { STARTUP_CHECKS } from './startup/checks.js'
import { SG2017, SG2018, SG2019, SG2022 } from './rules/hardening.js'
import { SG2020, SG2021 } from './rules/accounts.js'

export const IMAGE_CHECKS: readonly ImageCheck[] = [
  SG2000,
  SG2001,
  SG2002,
  SG2003,
  SG2004,
  SG2005,
  SG2006,
  SG2007,
  SG2008,
  SG2009,
  SG2010,
  SG2011,
  SG2012,
  SG2013,
  SG2014,
  SG2015,
  SG2016,
  SG2017,
  SG2018,
  SG2019,
  SG2020,
  SG2021,
  SG2022,
  ...STARTUP_CHECKS
]

const IMAGE_CHECK_NAMES = new Set(
  IMAGE_CHECKS.flatMap(check => [check.id, ...check.aliases]).map(name => name.toLowerCase())
)

/** True for an image check's id or alias (case-insensitive): pragmas and config may name them. */
export function isImageCheckName(name: string): boolean {
  return IMAGE_CHECK_NAMES.has(name.toLowerCase())
}
