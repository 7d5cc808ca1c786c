import { filesUnderEach } from '../../src/checks/image-files.js'
import { ImageBuilder, dir, symlink } from './support/image-builder.js'

// One image for every case: nested, sibling, prefix-alike and linked directories.
const index = new ImageBuilder()
  .layer('', {
    '/root/.cache': dir(),
    '/root/.cache/pip/a.whl': 'a',
    '/root/.cache/pip/http/b': 'b',
    '/root/.cache-old/c': 'c',
    '/root/.cachex': 'x',
    '/var/cache/apt/archives/d.deb': 'd',
    '/var/cache/apt/archives/partial': dir(),
    '/var/cache/apt/archives/lock': 'l',
    '/opt/link': symlink('/root/.cache'),
    '/opt/hard': { type: 'hardlink', linkTarget: '/root/.cache/pip/a.whl' }
  })
  .layer('', { '/root/.cache/pip/late': 'late' })
  .build()

const paths = (files: readonly { path: string }[]): string[] => files.map(file => file.path)

describe('filesUnderEach: regular files and hard links under each directory, from one walk', () => {
  it.each([
    [
      'a directory with nested files, not its prefix-alike siblings',
      ['/root/.cache'],
      {
        '/root/.cache': ['/root/.cache/pip/a.whl', '/root/.cache/pip/http/b', '/root/.cache/pip/late']
      }
    ],
    [
      'a nested directory and its parent both get the file',
      ['/root/.cache/pip/http', '/root/.cache/pip'],
      {
        '/root/.cache/pip/http': ['/root/.cache/pip/http/b'],
        '/root/.cache/pip': ['/root/.cache/pip/a.whl', '/root/.cache/pip/http/b', '/root/.cache/pip/late']
      }
    ],
    [
      'a trailing slash reads as the directory',
      ['/var/cache/apt/archives/'],
      {
        '/var/cache/apt/archives/': ['/var/cache/apt/archives/d.deb', '/var/cache/apt/archives/lock']
      }
    ],
    ['a directory twice is one entry', ['/opt', '/opt'], { '/opt': ['/opt/hard'] }],
    ['a missing directory is an empty list', ['/nope'], { '/nope': [] }],
    ['no directories, no walk result', [], {}]
  ] as [string, string[], Record<string, string[]>][])('%s', (_name, dirs, expected) => {
    const result = filesUnderEach(index, dirs)
    expect(Object.fromEntries([...result].map(([key, files]) => [key, paths(files)]))).toEqual(expected)
  })
})
