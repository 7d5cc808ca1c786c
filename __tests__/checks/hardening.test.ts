// The checks dockle, trivy and dive users expect, each with the cases it
// catches and the cases it passes: SG2017-SG2022 (image) and SG1017-SG1020
// (Dockerfile), the dive CI file, and paths that are not secrets.
import { SG2020, SG2021, duplicateIds, emptyPasswordAccounts } from '../../src/checks/rules/accounts.js'
import { SG2017, SG2018, SG2019, SG2022, imageTag } from '../../src/checks/rules/hardening.js'
import { SG2007 } from '../../src/checks/rules/runtime-tools.js'
import { SG2005 } from '../../src/checks/rules/secrets.js'
import { isFilePathValue, redactCreatedBy, secretAssignment } from '../../src/checks/secrets.js'
import { parseDiveBytes, parseDiveCi } from '../../src/checks/dive-ci.js'
import { isSensitiveVolume, isSystemWorkdir } from '../../src/lint/rules/hardening.js'
import type { ImageIndex } from '../../src/image/types.js'
import { lintText } from '../lint/sg-helpers.js'
import { DELETE, ImageBuilder } from './support/image-builder.js'
import { runOne, where } from './support/run-one.js'

const ids = (text: string, only: string[]): string[] =>
  lintText(text, { only }).map(finding => `${finding.ruleId}@${finding.line}`)

describe('SG1017 VOLUME on a host-sensitive path', () => {
  it.each([
    ['/proc', true],
    ['/sys/fs/cgroup', true],
    ['/dev', true],
    ['/etc', true],
    ['/etc/ssl', true],
    ['/etc/ssh/', true],
    ['/etc/passwd', true],
    ['/etc/sudoers.d', true],
    // An application's own configuration directory is its business (authelia's VOLUME /etc/authelia).
    ['/etc/nginx', false],
    ['/etc/authelia', false],
    ['/var/run/docker.sock', true],
    ['/run/docker.sock', true],
    ['"/etc/"', true],
    ['/data', false],
    ['/var/lib/postgresql/data', false],
    ['/etcetera', false],
    ['/devices', false]
  ])('%s → %s', (path, sensitive) => expect(isSensitiveVolume(path)).toBe(sensitive))

  it('reports each sensitive path of a VOLUME, shell and JSON form, on its line', () => {
    expect(
      ids('FROM x\nVOLUME /data /etc\nVOLUME ["/var/run/docker.sock"]\nVOLUME /srv\n', ['SG1017'])
    ).toEqual(['SG1017@2', 'SG1017@3'])
  })
})

describe('SG1018 distribution upgrade', () => {
  it.each([
    ['RUN apt-get update && apt-get upgrade -y', 1],
    ['RUN apt-get -y dist-upgrade', 1],
    ['RUN apt full-upgrade', 1],
    ['RUN apk upgrade --no-cache', 1],
    ['RUN yum -y update', 1],
    ['RUN dnf upgrade', 1],
    ['RUN zypper -n dup', 1],
    ['RUN yum update -y openssl', 0],
    ['RUN apt-get install -y upgrade-helper', 0],
    ['RUN apt-get update && apt-get install -y curl', 0],
    ['RUN pip install --upgrade pip', 0]
  ])('%s → %i', (run, count) => {
    expect(ids(`FROM debian\n${run}\n`, ['SG1018'])).toEqual(count === 1 ? ['SG1018@2'] : [])
  })
})

describe('SG1019 EXPOSE 22', () => {
  it.each([
    ['EXPOSE 22', true],
    ['EXPOSE 80 22/tcp', true],
    ['EXPOSE 22/TCP', true],
    ['EXPOSE 2222', false],
    ['EXPOSE 8022', false],
    ['EXPOSE 22/udp', false]
  ])('%s → %s', (expose, caught) => {
    expect(ids(`FROM x\n${expose}\n`, ['SG1019'])).toEqual(caught ? ['SG1019@2'] : [])
  })
})

describe('SG1020 WORKDIR under a system directory', () => {
  it.each([
    ['/proc', true],
    ['/proc/self', true],
    ['/sys', true],
    ['/dev/shm', true],
    ['/boot', true],
    ['/app', false],
    ['/devel', false],
    ['/srv/boot', false]
  ])('%s → %s', (path, caught) => {
    expect(isSystemWorkdir(path)).toBe(caught)
    expect(ids(`FROM x\nWORKDIR ${path}\n`, ['SG1020'])).toEqual(caught ? ['SG1020@2'] : [])
  })
})

describe('SG2017 no HEALTHCHECK', () => {
  const dockerfile = 'FROM x\nCOPY app /app\n'
  it.each<[string, unknown, boolean]>([
    ['none set', undefined, true],
    ['HEALTHCHECK NONE', { Test: ['NONE'] }, true],
    ['a CMD healthcheck', { Test: ['CMD', '/app', '-health'] }, false],
    ['a shell healthcheck', { Test: ['CMD-SHELL', 'curl -f localhost'] }, false]
  ])('%s → %s, a note on the final FROM', (_name, healthcheck, caught) => {
    const index = new ImageBuilder().layer('COPY app /app # buildkit', { '/app': 'x' }).build()
    const config = { ...index.config }
    delete config.Healthcheck
    if (healthcheck !== undefined) config.Healthcheck = healthcheck
    expect(where(runOne(SG2017, { ...index, config }, { dockerfile }))).toEqual(
      caught ? [{ ruleId: 'SG2017', severity: 'note', line: 1, stage: 0 }] : []
    )
  })
})

describe('SG2018 credential files by name', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['password.txt', { '/app/password.txt': 'x' }, ['/app/password.txt']],
    ['credentials.json', { '/srv/credentials.json': '{}' }, ['/srv/credentials.json']],
    ['database.yml', { '/app/config/database.yml': 'a: b' }, ['/app/config/database.yml']],
    ['an OpenVPN profile', { '/etc/openvpn/client.ovpn': 'remote x' }, ['/etc/openvpn/client.ovpn']],
    [
      'settings.py with a password',
      { '/app/settings.py': "DATABASES = {'PASSWORD': 'hunter22'}" },
      ['/app/settings.py']
    ],
    ['settings.py without one', { '/app/settings.py': "DEBUG = False\nPASSWORD = ''\n" }, []],
    ['a library settings.py', { '/usr/lib/python3/dist-packages/x/settings.py': "PASSWORD = 'x1234'" }, []],
    ['an unrelated file', { '/app/passwords.py': 'x' }, []]
  ])('%s', (_name, files, paths) => {
    const index = new ImageBuilder().layer('COPY . /app # buildkit', files).build()
    expect(runOne(SG2018, index).map(finding => finding.path)).toEqual(paths.slice(0, 1))
  })

  it('reports one finding per layer with every file, and files a later layer deleted', () => {
    const index = new ImageBuilder()
      .layer('COPY . /app # buildkit', { '/app/password.txt': 'x', '/app/database.yml': 'y' })
      .layer('RUN rm /app/password.txt # buildkit', { '/app/password.txt': DELETE })
      .build()
    const findings = runOne(SG2018, index)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ count: 2, layer: { index: 0 } })
  })
})

describe('SG2019 the image is tagged :latest', () => {
  it.each<[string, string | undefined]>([
    ['app', 'latest'],
    ['app:latest', 'latest'],
    ['127.0.0.1:5000/team/app:latest', 'latest'],
    ['127.0.0.1:5000/team/app', 'latest'],
    ['registry:127.0.0.1:5000/team/app:1.2', '1.2'],
    ['app:1.2.3', '1.2.3'],
    ['app@sha256:' + 'a'.repeat(64), undefined],
    ['oci-layout:/tmp/x', undefined],
    ['sha256:' + 'b'.repeat(64), undefined]
  ])('%s → %s', (ref, tag) => expect(imageTag(ref)).toBe(tag))

  it('reads the build tags when given, else the checked reference', () => {
    const index = new ImageBuilder().build()
    expect(runOne(SG2019, { ...index, ref: 'app:latest' })).toHaveLength(1)
    expect(runOne(SG2019, { ...index, ref: 'app:1.0' })).toHaveLength(0)
  })
})

describe('SG2020 empty password and SG2021 duplicate ids', () => {
  it.each([
    ['root::19000:0:99999:7:::\nbin:*:19000::::::\n', ['root']],
    ['root:!:19000::::::\napp:!!:1::::::\n', []],
    ['root:$6$salt$hash:1::::::\ngames::1::::::\n', ['games']]
  ])('emptyPasswordAccounts(%j)', (shadow, names) => expect(emptyPasswordAccounts(shadow)).toEqual(names))

  it.each([
    [
      'root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\napp:x:1000:1000::/:/bin/sh\n',
      [[0, ['root', 'toor']]]
    ],
    ['root:x:0:0::/:/bin/sh\napp:x:1000:1000::/:/bin/sh\n', []]
  ])('duplicateIds(%j)', (passwd, duplicates) => expect([...duplicateIds(passwd)]).toEqual(duplicates))

  it('report on the file, never the hash', () => {
    const index = new ImageBuilder()
      .layer('', {
        '/etc/shadow': 'root::1::::::\napp:$6$secret$hash:1::::::\n',
        '/etc/passwd': 'root:x:0:0::/:/bin/sh\nadmin:x:0:0::/:/bin/sh\n',
        '/etc/group': 'root:x:0:\nwheel:x:10:\n'
      })
      .build()
    const empty = runOne(SG2020, index)
    expect(where(empty)).toEqual([{ ruleId: 'SG2020', severity: 'error', layer: 0, path: '/etc/shadow' }])
    expect(JSON.stringify(empty)).not.toContain('$6$secret')
    expect(runOne(SG2021, index).map(finding => [finding.path, finding.evidence])).toEqual([
      ['/etc/passwd', 'UID 0: root, admin']
    ])
  })
})

describe('SG2022 unnecessary files', () => {
  it.each<[string, Record<string, string>, string | undefined]>([
    ['docker-compose.yml', { '/app/docker-compose.yml': 'x' }, '/app/docker-compose.yml'],
    ['.vimrc', { '/root/.vimrc': 'x' }, '/root/.vimrc'],
    ['.DS_Store', { '/app/.DS_Store': 'x' }, '/app/.DS_Store'],
    ['an app cache', { '/app/.cache/x': 'x' }, '/app/.cache'],
    ['.aws', { '/app/.aws/config': 'x' }, '/app/.aws'],
    ['.idea', { '/app/.idea/workspace.xml': 'x' }, '/app/.idea'],
    ['.vscode', { '/app/.vscode/settings.json': 'x' }, '/app/.vscode'],
    ['root cache (SG2007 reports it)', { '/root/.cache/pip/x': 'x', '/root/.npm/y': 'y' }, undefined],
    ['a package tree', { '/usr/lib/node_modules/x/.idea/a': 'x' }, undefined],
    ['nothing of the kind', { '/app/main': 'x' }, undefined]
  ])('%s', (_name, files, path) => {
    const findings = runOne(SG2022, new ImageBuilder().layer('COPY . / # buildkit', files).build())
    expect(findings.map(finding => finding.path)).toEqual(path === undefined ? [] : [path])
  })
})

describe('SG2007 caches of yum, dnf and zypper', () => {
  it.each<[string, Record<string, string>, string | undefined]>([
    ['yum', { '/var/cache/yum/x86_64/7/base/packages/a.rpm': 'x' }, '/var/cache/yum'],
    ['dnf', { '/var/cache/dnf/fedora-abc/repodata/primary.xml.zst': 'x' }, '/var/cache/dnf'],
    ['zypper', { '/var/cache/zypp/solv/repo/solv': 'x' }, '/var/cache/zypp'],
    ['dnf state only', { '/var/cache/dnf/expired_repos.json': '[]' }, undefined]
  ])('%s', (_name, files, path) => {
    const findings = runOne(SG2007, new ImageBuilder().layer('RUN install # buildkit', files).build())
    expect(findings.map(finding => finding.path)).toEqual(path === undefined ? [] : [path])
  })
})

describe('a path to a file is not a secret', () => {
  it.each([
    ['/var/run/secrets/gcp/key.json', true],
    ['./certs/key.pem', true],
    ['~/.aws/credentials', true],
    ['/abc123', false],
    ['hunter22', false],
    ['/a b/c', false]
  ])('isFilePathValue(%s) → %s', (value, isPath) => expect(isFilePathValue(value)).toBe(isPath))

  it('ENV GOOGLE_APPLICATION_CREDENTIALS=<path> is neither reported nor redacted', () => {
    const value = '/var/run/secrets/gcp/key.json'
    expect(secretAssignment('GOOGLE_APPLICATION_CREDENTIALS', value)).toBeUndefined()
    expect(secretAssignment('DB_PASSWORD', 'hunter22')).toBeDefined()
    const index: ImageIndex = {
      ...new ImageBuilder().empty(`ENV GOOGLE_APPLICATION_CREDENTIALS=${value}`).build(),
      config: { Env: [`GOOGLE_APPLICATION_CREDENTIALS=${value}`] }
    }
    expect(runOne(SG2005, index)).toEqual([])
    expect(redactCreatedBy(`RUN |1 GOOGLE_APPLICATION_CREDENTIALS=${value} /bin/sh -c x`)).toContain(value)
  })
})

describe('.dive-ci', () => {
  it.each<[string, number | undefined]>([
    ['20MB', 20_000_000],
    ['20MiB', 20 * 1024 * 1024],
    ['1.5 GB', 1_500_000_000],
    ['1,000', 1000],
    ['512', 512],
    ['20kb', 20_000],
    ['lots', undefined],
    ['20XB', undefined]
  ])('parseDiveBytes(%s) → %s', (text, bytes) => expect(parseDiveBytes(text)).toBe(bytes))

  it('reads the three rules with dive defaults for the rest', async () => {
    expect(
      await parseDiveCi('rules:\n  lowestEfficiency: 0.95\n  highestWastedBytes: 20MB\n', '.dive-ci')
    ).toEqual({
      lowestEfficiency: 0.95,
      highestWastedBytes: 20_000_000,
      highestUserWastedPercent: 0.1
    })
    expect(await parseDiveCi('rules:\n  highestUserWastedPercent: disabled\n', '.dive-ci')).toEqual({
      lowestEfficiency: 0.9,
      highestWastedBytes: 'disabled',
      highestUserWastedPercent: 'disabled'
    })
    expect((await parseDiveCi('', '.dive-ci')).lowestEfficiency).toBe(0.9)
  })

  it.each([
    [
      'rules:\n  lowestEfficiency: high\n',
      '.dive-ci: rules.lowestEfficiency must be a ratio between 0 and 1 or "disabled", got "high"'
    ],
    [
      'rules:\n  highestWastedBytes: lots\n',
      '.dive-ci: rules.highestWastedBytes must be a size such as 20MB, 1GiB or 1000, or "disabled", got "lots"'
    ],
    [
      'rules:\n  lowestEfficency: 0.9\n',
      '.dive-ci: unknown rule "lowestEfficency" (dive knows lowestEfficiency, highestWastedBytes, highestUserWastedPercent)'
    ],
    ['rules: [\n', /^\.dive-ci: invalid YAML: /]
  ])('refuses %j with one clear line', async (text, message) => {
    await expect(parseDiveCi(text, '.dive-ci')).rejects.toThrow(message)
  })
})
