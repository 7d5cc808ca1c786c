// Jest's test runner for `npm test`, which runs both projects at once: the
// e2e project in a lane of its own, one file at a time in one worker, beside
// the unit project in the other worker(s).
//
// Why: on a 2-core machine Jest's default is one worker, and with one worker
// it runs every file in band, one after another: the unit files waited for
// the e2e files, which mostly wait for the Docker engine. Plain
// `maxWorkers: 2` would let two e2e files run at once, and they must not:
// they share one engine, `build.test.ts` prunes its build cache and compares
// the wall time of two builds. So e2e files stay strictly serial (as before),
// and only the unit files run beside them. Nothing about a test changes, only
// which process runs it when; `--runInBand` still runs everything in band.
const { default: TestRunner, EmittingTestRunner } = require('jest-runner')

/** The project whose files share the engine and run one at a time. */
const SERIAL_PROJECT = 'e2e'

function projectName(test) {
  const name = test.context.config.displayName
  return typeof name === 'string' ? name : name?.name
}

class LanesRunner extends EmittingTestRunner {
  constructor(globalConfig, context) {
    super(globalConfig, context)
    const workers = Math.max(1, globalConfig.maxWorkers)
    this.inBand = new TestRunner(globalConfig, context)
    this.serialLane = new TestRunner({ ...globalConfig, maxWorkers: 1 }, context)
    // The other lane gets the workers the serial lane does not use.
    this.otherLane = new TestRunner({ ...globalConfig, maxWorkers: Math.max(1, workers - 1) }, context)
    this.wideLane = new TestRunner(globalConfig, context)
  }

  async runTests(tests, watcher, options) {
    if (options.serial) return this.inBand.runTests(tests, watcher, options)
    const serial = tests.filter(test => projectName(test) === SERIAL_PROJECT)
    const other = tests.filter(test => projectName(test) !== SERIAL_PROJECT)
    if (serial.length === 0) return this.wideLane.runTests(other, watcher, options)
    if (other.length === 0) return this.serialLane.runTests(serial, watcher, options)
    await Promise.all([
      this.serialLane.runTests(serial, watcher, options),
      this.otherLane.runTests(other, watcher, options)
    ])
  }

  on(eventName, listener) {
    const unsubscribes = [this.inBand, this.serialLane, this.otherLane, this.wideLane].map(runner =>
      runner.on(eventName, listener)
    )
    return () => unsubscribes.forEach(unsubscribe => unsubscribe())
  }
}

module.exports = LanesRunner
