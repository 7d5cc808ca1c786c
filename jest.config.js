// Two suites, both run by `npm test`: `unit` needs nothing but Node; `e2e`
// drives the real Docker engine, buildx and the registry on 127.0.0.1:5000.
import { availableParallelism } from 'node:os'

const tsJest = [
  'ts-jest',
  { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } }
]
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  setupFiles: ['<rootDir>/__tests__/support/silence-workflow-commands.ts'],
  // e2e files one at a time in a lane of their own, beside the unit files (see the file).
  runner: '<rootDir>/scripts/jest-lanes-runner.cjs'
}

/** @type {import('jest').Config} */
export default {
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  // `npm test` runs with --coverage: every file under src/, the totals
  // printed (text-summary) and the four entry files held to 85 % of lines by
  // in-process tests (the e2e suite counts too: it drives the source in process).
  collectCoverageFrom: ['<rootDir>/src/**/*.ts'],
  coverageReporters: ['text-summary', ['text', { skipFull: true, maxCols: 120 }], 'json-summary'],
  coverageThreshold: {
    './src/main.ts': { lines: 85 },
    './src/pipeline.ts': { lines: 85 },
    './src/github/publish.ts': { lines: 85 },
    './src/cli/*.ts': { lines: 85 }
  },
  // At least two workers: Jest's default on 2 cores is one, and one worker runs
  // every file in band, the unit files after the e2e files. The lanes runner
  // gives the e2e project one of them (its files stay serial).
  maxWorkers: Math.max(2, availableParallelism()),
  // Jest 29 takes the timeout only here; e2e builds need far more than 5 s on a cold engine.
  testTimeout: 300000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/e2e/'],
      globalSetup: '<rootDir>/__tests__/support/unit-global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/support/unit-global-teardown.ts'
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/e2e/global-teardown.ts'
    }
  ]
}
