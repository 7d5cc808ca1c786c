// The action's entry: nothing but run().
import { run } from './main.js'

await run()
