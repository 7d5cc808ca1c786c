// The growth measure the scale tests rely on tells linear from quadratic work.
import { leastGrowth } from './support/growth.js'

function linear(n: number): number {
  let sum = 0
  for (let i = 0; i < n * 2000; i++) sum += i % 7
  return sum
}

function quadratic(n: number): number {
  let sum = 0
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) % 7
  return sum
}

test('linear work doubles in about 2x; quadratic in about 4x', () => {
  expect(leastGrowth(linear, 2000, 4000, { bound: 2.5 }).ratio).toBeLessThan(2.5)
  expect(leastGrowth(quadratic, 2000, 4000, { bound: 3 }).ratio).toBeGreaterThan(3)
})
