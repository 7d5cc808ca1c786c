// An ELF whose dynamic section repeats DT_NEEDED and DT_RUNPATH entries (was
// 476 MB and more than 120 s for one binary: every repeat multiplied the
// directories searched for every name). Repeats are read once, and a binary
// past the limits is noted as unverified, never searched without end.
import { ELF_LIMITS, parseElf } from '../../src/checks/elf.js'
import { SG2012 } from '../../src/checks/rules/dynamic-libs.js'
import { ImageBuilder, exe } from '../checks/support/image-builder.js'
import { runOne, where } from '../checks/support/run-one.js'
import { indexWithRepeatedElfs, repeatedDynamicElf } from '../support/growth-jobs.js'
import { measureGrowth } from '../support/growth.js'

const LOADER = '/lib64/ld-linux-x86-64.so.2'

describe('parseElf reads repeated entries once', () => {
  it('1,500 repeats of one DT_NEEDED and one 20-directory DT_RUNPATH', () => {
    const elf = parseElf(repeatedDynamicElf(1500, 20))
    expect(elf?.needed).toEqual(['libc.so.6'])
    expect(elf?.runpath).toEqual(Array.from({ length: 20 }, (_, i) => `/d${i}`))
    expect(elf?.unreadable).toBeUndefined()
  })

  it('a RUNPATH past the directory limit leaves the libraries unknown, with the reason', () => {
    const elf = parseElf(repeatedDynamicElf(1500, 2000))
    expect(elf?.interpreter).toBe(LOADER)
    expect(elf?.needed).toBeUndefined()
    expect(elf?.unreadable).toBe(
      `its RPATH/RUNPATH lists more than the ${ELF_LIMITS.runpathDirs} directories checked`
    )
  })
})

describe('SG2012 on crafted binaries', () => {
  it('still reports the missing library of a binary with repeated entries', () => {
    const index = new ImageBuilder()
      .layer('COPY app /app # buildkit', {
        [LOADER]: exe('ld'),
        '/app/bin': exe(repeatedDynamicElf(1500, 20))
      })
      .build()
    const findings = runOne(SG2012, index)
    expect(where(findings)).toEqual([{ ruleId: 'SG2012', severity: 'error', path: '/app/bin', layer: 0 }])
    expect(findings[0]?.message).toMatch(/needed library libc\.so\.6 missing/)
  })

  it('notes binaries past the limits as unverified, once', () => {
    const findings = runOne(SG2012, indexWithRepeatedElfs(3))
    expect(where(findings)).toEqual([{ ruleId: 'SG2012', severity: 'note' }])
    expect(findings[0]?.message).toMatch(/^3 dynamic executables' needed libraries could not be verified/)
  })

  it('does not report a library as missing when ld.so.conf names more directories than are searched', () => {
    const conf = Array.from({ length: 300 }, (_, i) => `/conf${i}`).join('\n')
    const index = new ImageBuilder()
      .layer('COPY app /app # buildkit', {
        [LOADER]: exe('ld'),
        '/etc/ld.so.conf': conf,
        '/conf299/libc.so.6': exe('c'),
        '/app/bin': exe(repeatedDynamicElf(2, 1))
      })
      .build()
    expect(where(runOne(SG2012, index))).toEqual([{ ruleId: 'SG2012', severity: 'note' }])
  })

  it('checks them in time linear in the binaries', async () => {
    const growth = await measureGrowth('repeatedElfEntries', 200, 400, { bound: 2.5 })
    expect(growth.ratio).toBeLessThan(2.5)
  }, 300_000)
})
