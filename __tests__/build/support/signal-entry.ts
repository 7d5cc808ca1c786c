// The process the build signal test signals: like runBuild, it installs
// removeOnSignal over a work dir, then runs `docker buildx build` through the
// real runner (a fake `docker` that sleeps), and waits.
import { mkdirSync } from 'node:fs'
import { createDockerRunner } from '../../../src/build/buildx.js'
import { removeOnSignal } from '../../../src/build/cleanup.js'

const [docker, work] = process.argv.slice(2) as [string, string]
mkdirSync(work, { recursive: true })
const uninstall = removeOnSignal(() => [work])
void createDockerRunner(docker).exec(['buildx', 'build', '.']).finally(uninstall)
