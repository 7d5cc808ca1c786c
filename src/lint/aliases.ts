// BuildKit build-check names that mean the same as a hadolint rule: the DL id
// is canonical and the BuildKit name selects it in ignore lists, severity
// overrides, pragmas and `# check=skip=`. The catalog adds these to the DL
// rules' `aliases`. One BuildKit name may stand for several DL rules
// (MultipleInstructionsDisallowed covers CMD, ENTRYPOINT and HEALTHCHECK).
export const BUILDKIT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  DL3000: ['WorkdirRelativePath'],
  DL3012: ['MultipleInstructionsDisallowed'],
  DL3024: ['DuplicateStageName'],
  DL3025: ['JSONArgsRecommended'],
  DL3064: ['SecretsUsedInArgOrEnv'],
  DL3065: ['RedundantTargetPlatform'],
  DL4000: ['MaintainerDeprecated'],
  DL4003: ['MultipleInstructionsDisallowed'],
  DL4004: ['MultipleInstructionsDisallowed']
}

/**
 * A hadolint rule and a BuildKit check that are not the same rule (so not aliases: each also
 * reports cases the other does not) but say the same thing where both fire on one line. There the
 * line is reported once, under the DL id, as for aliases; the kept finding takes the higher
 * severity of the two (so `# check=error=true` still fails on it). The pairing is applied after
 * ignores, pragmas and `# check=skip=`: silencing one of the two leaves the other's finding
 * (a hadolint user's `ignored: [DL3029]` still gets FromPlatformFlagConstDisallowed).
 */
export const SAME_LINE_OVERLAPS: readonly { kept: string; dropped: string }[] = [
  // Both fire on `FROM --platform=linux/amd64 ... AS name`. DL3029 also reports a variable other
  // than $BUILDPLATFORM/$TARGETPLATFORM and a stage named after its platform (`AS build-amd64`),
  // which FromPlatformFlagConstDisallowed accepts; silencing it by either name must not silence
  // DL3029, so the two are no aliases.
  { kept: 'DL3029', dropped: 'FromPlatformFlagConstDisallowed' }
]

/** The 22 BuildKit build checks (docs.docker.com/reference/build-checks): `# check=skip=all` and `error=true` act on these. */
export const BUILDKIT_CHECK_NAMES: readonly string[] = [
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'JSONArgsRecommended',
  'MaintainerDeprecated',
  'UndefinedArgInFrom',
  'WorkdirRelativePath',
  'UndefinedVar',
  'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat',
  'InvalidBaseImagePlatform',
  'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile',
  'InvalidDefinitionDescription',
  'ExposeProtoCasing',
  'ExposeInvalidFormat'
]
