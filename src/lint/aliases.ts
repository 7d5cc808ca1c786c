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
