// What runs after the pipeline when the image was built: the base images'
// supply chain per stage (`verify-base-images`) and signing what was pushed
// (`sign`). Both write into the Report; the returned `error` is the one line
// the step fails with when `sign: true` could not sign.
import type { Inputs } from '../inputs.js'
import type { PipelineResult } from '../pipeline.js'
import { checkStageBases } from '../verify/base-images.js'
import { signPushed } from './step.js'

export interface AfterBuildDeps {
  env: NodeJS.ProcessEnv
  info: (line: string) => void
  notice: (message: string) => void
  warning: (message: string) => void
}

export interface AfterBuildResult {
  outputs: { 'attestation-id': string; 'attestation-url': string; signature: string }
  error?: string
}

type AfterBuildInputs = Pick<
  Inputs,
  'sign' | 'signing-key' | 'signing-password' | 'github-token' | 'verify-base-images' | 'push' | 'tags'
>

export async function afterBuild(
  inputs: AfterBuildInputs,
  result: PipelineResult,
  deps: AfterBuildDeps
): Promise<AfterBuildResult> {
  const report = result.report
  if (inputs['verify-base-images'] && report.stages.length > 0) {
    report.stages = await checkStageBases(report.stages)
    for (const stage of report.stages) {
      const chain = stage.supplyChain
      if (!chain) continue
      const state = (value: boolean | null, yes: string, no: string): string =>
        value === null ? `${yes} unknown` : value ? yes : no
      deps.info(
        `stage ${stage.name ?? stage.index} FROM ${chain.image}: ${chain.pinned ? 'pinned' : 'not pinned'}, ${state(chain.signed, 'signed', 'unsigned')}, ${state(chain.provenance, 'provenance', 'no provenance')}${chain.detail ? ` (${chain.detail})` : ''}`
      )
    }
  }
  const build = result.build
  const pushed =
    inputs.push && build?.ok === true && build.digest !== undefined && inputs.tags[0] !== undefined
  const signing = await signPushed(inputs, pushed ? { image: inputs.tags[0], digest: build?.digest } : {}, {
    env: deps.env,
    info: deps.info
  })
  const outputs = { 'attestation-id': '', 'attestation-url': '', signature: '' }
  if (!signing) return { outputs }
  report.signing = signing
  outputs['attestation-id'] = signing.attestationId ?? ''
  outputs['attestation-url'] = signing.attestationUrl ?? ''
  outputs.signature = signing.signature ?? ''
  if (signing.message) {
    if (signing.level === 'error') return { outputs, error: signing.message }
    if (signing.level === 'warning') deps.warning(signing.message)
    else deps.notice(signing.message)
  }
  return { outputs }
}
