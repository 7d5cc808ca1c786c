import { attributeHistory, attributeLayers, layerHistoryIndexes } from '../../src/checks/attribution.js'
import { historyBuildArgs, historyKeyword } from '../../src/checks/created-by.js'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { ImageBuilder } from './support/image-builder.js'

describe('historyKeyword', () => {
  it.each([
    ['RUN |1 TOKEN=abc /bin/sh -c make # buildkit', 'RUN'],
    ['RUN /bin/sh -c make # buildkit', 'RUN'],
    ['COPY /out/app /app # buildkit', 'COPY'],
    ['COPY dir /x # buildkit', 'COPY'],
    ['ADD a.txt /a2 # buildkit', 'ADD'],
    ['ENV A=b', 'ENV'],
    ['USER 1000', 'USER'],
    ['WORKDIR /app', 'WORKDIR'],
    ['EXPOSE map[80/tcp:{}]', 'EXPOSE'],
    ['ENTRYPOINT ["/bin/sh"]', 'ENTRYPOINT'],
    ['/bin/sh -c #(nop)  ENV PATH=/usr/bin', 'ENV'],
    ['/bin/sh -c #(nop) ADD file:0123abcd in / ', 'ADD'],
    ['/bin/sh -c apt-get update', 'RUN'],
    ['|1 TOKEN=x /bin/sh -c make', 'RUN'],
    ['', ''],
    ['Imported from -', '']
  ])('%j → %j', (createdBy, keyword) => {
    expect(historyKeyword(createdBy)).toBe(keyword)
  })
})

describe('historyBuildArgs', () => {
  it.each([
    ['RUN |1 TOKEN=ghp_x /bin/sh -c make # buildkit', [{ name: 'TOKEN', value: 'ghp_x' }]],
    [
      'RUN |2 A=1 NPM_TOKEN=secret /bin/sh -c npm ci # buildkit',
      [
        { name: 'A', value: '1' },
        { name: 'NPM_TOKEN', value: 'secret' }
      ]
    ],
    ['|1 PASSWORD=hunter2 /bin/sh -c make', [{ name: 'PASSWORD', value: 'hunter2' }]],
    ['RUN /bin/sh -c make # buildkit', []],
    ['ENV A=b', []]
  ])('%j', (createdBy, args) => {
    expect(historyBuildArgs(createdBy)).toEqual(args)
  })
})

const TWO_STAGE = `FROM stagegate-fixture/builder:latest AS builder
WORKDIR /src
COPY main.c .
RUN gcc -static -o /out/app main.c

FROM scratch
COPY --from=builder /out/app /app
USER 65532
ENTRYPOINT ["/app"]
`

describe('attributeLayers', () => {
  it('attributes a scratch final stage: COPY --from names the source stage and the COPY line', () => {
    const model = parseDockerfile(TWO_STAGE, { path: 'Dockerfile' })
    const index = new ImageBuilder()
      .layer('COPY /out/app /app # buildkit', { '/app': { content: 'x', mode: 0o755 } })
      .empty('USER 65532')
      .empty('ENTRYPOINT ["/app"]')
      .build()
    const [layer] = attributeLayers(index, model)
    expect(layer).toMatchObject({
      layer: 0,
      historyIndex: 0,
      stage: { index: 0, name: 'builder', final: false },
      line: 7,
      via: { fromStage: 0 }
    })
    expect(layer?.instruction?.keyword).toBe('COPY')
  })

  it('attributes base-image layers (a Debian import, empty created_by) to the FROM line', () => {
    const model = parseDockerfile(
      `FROM stagegate-fixture/debian:bookworm\nENV A=b\nRUN apt-get update\nCOPY app /app\nUSER app\n`,
      { path: 'Dockerfile' }
    )
    const index = new ImageBuilder()
      .layer('', { '/bin/sh': 'x' }) // docker import: created_by "" and comment "Imported from -"
      .empty('ENV A=b')
      .layer('RUN /bin/sh -c apt-get update # buildkit')
      .layer('COPY app /app # buildkit')
      .empty('USER app')
      .build()
    const layers = attributeLayers(index, model)
    expect(
      layers.map(entry => [entry.layer, entry.line, entry.instruction?.keyword, entry.via?.image])
    ).toEqual([
      [0, 1, 'FROM', 'stagegate-fixture/debian:bookworm'],
      [1, 3, 'RUN', undefined],
      [2, 4, 'COPY', undefined]
    ])
    expect(layers.every(entry => entry.stage.index === 0 && entry.stage.final)).toBe(true)
  })

  it('follows FROM <stage> recursively, with busybox base layers going to the root stage FROM', () => {
    const model = parseDockerfile(
      [
        'ARG TOKEN',
        'FROM stagegate-fixture/busybox:latest AS b',
        'ARG TOKEN',
        'RUN echo $TOKEN > /t && echo built',
        'COPY a.txt /a.txt',
        'FROM b',
        'ARG TOKEN',
        'ENV A=b',
        'WORKDIR /app',
        'RUN echo "$TOKEN" > x',
        'COPY --from=b /t /t2',
        'COPY dir /x',
        'ADD a.txt /a2',
        'USER 1000',
        'ENTRYPOINT ["/bin/sh"]',
        ''
      ].join('\n'),
      { path: 'Dockerfile' }
    )
    // Exactly the history the engine wrote for this Dockerfile (docker history --no-trunc).
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit')
      .layer('RUN /bin/busybox --install -s /bin # buildkit')
      .empty('ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
      .empty('CMD ["/bin/sh"]')
      .empty('ARG TOKEN')
      .layer('RUN |1 TOKEN=x /bin/sh -c echo $TOKEN > /t && echo built # buildkit')
      .layer('COPY a.txt /a.txt # buildkit')
      .empty('ARG TOKEN')
      .empty('ENV A=b')
      .layer('WORKDIR /app')
      .layer('RUN |1 TOKEN=x /bin/sh -c echo "$TOKEN" > x # buildkit')
      .layer('COPY /t /t2 # buildkit')
      .layer('COPY dir /x # buildkit')
      .layer('ADD a.txt /a2 # buildkit')
      .empty('USER 1000')
      .empty('ENTRYPOINT ["/bin/sh"]')
      .build()
    const layers = attributeLayers(index, model)
    expect(
      layers.map(entry => [entry.layer, entry.stage.index, entry.line, entry.instruction?.keyword])
    ).toEqual([
      [0, 0, 2, 'FROM'],
      [1, 0, 2, 'FROM'],
      [2, 0, 4, 'RUN'],
      [3, 0, 5, 'COPY'],
      [4, 1, 9, 'WORKDIR'],
      [5, 1, 10, 'RUN'],
      [6, 0, 11, 'COPY'],
      [7, 1, 12, 'COPY'],
      [8, 1, 13, 'ADD']
    ])
    expect(layers[6]?.via).toEqual({ fromStage: 0 })
    expect(layers[0]?.via).toEqual({ image: 'stagegate-fixture/busybox:latest' })
    const history = attributeHistory(index, model)
    expect(history[8]).toMatchObject({ line: 8, stage: { index: 1, final: true } }) // ENV A=b
    expect(history[4]).toMatchObject({ line: 3, stage: { index: 0 } }) // the first stage's ARG
    expect(history[3]).toMatchObject({ line: 2, via: { image: 'stagegate-fixture/busybox:latest' } }) // base CMD
  })

  it('attributes COPY --from=<external image> to the COPY line with the image named', () => {
    const model = parseDockerfile(
      'FROM scratch\nCOPY --from=stagegate-fixture/busybox:latest /bin/busybox /bb\n',
      {
        path: 'Dockerfile'
      }
    )
    const index = new ImageBuilder().layer('COPY /bin/busybox /bb # buildkit').build()
    expect(attributeLayers(index, model)[0]).toMatchObject({
      stage: { index: 0, final: true },
      line: 2,
      via: { image: 'stagegate-fixture/busybox:latest' }
    })
  })

  it('honours the target: the final stage is the targeted one', () => {
    const model = parseDockerfile('FROM scratch AS one\nCOPY a /a\nFROM scratch AS two\nCOPY b /b\n', {
      path: 'Dockerfile',
      target: 'one'
    })
    const index = new ImageBuilder().layer('COPY a /a # buildkit').build()
    expect(attributeLayers(index, model)[0]).toMatchObject({ stage: { index: 0, name: 'one' }, line: 2 })
  })

  it('matches the classic builder history (#(nop) entries) as well', () => {
    const model = parseDockerfile('FROM stagegate-fixture/debian:bookworm\nRUN make\nENV A=b\nCOPY x /x\n', {
      path: 'Dockerfile'
    })
    const index = new ImageBuilder()
      .layer('/bin/sh -c #(nop) ADD file:abc in / ')
      .empty('/bin/sh -c #(nop)  CMD ["bash"]')
      .layer('/bin/sh -c make')
      .empty('/bin/sh -c #(nop)  ENV A=b')
      .layer('/bin/sh -c #(nop) COPY file:def in /x ')
      .build()
    expect(attributeLayers(index, model).map(entry => entry.line)).toEqual([1, 2, 4])
  })

  it('matches heredocs, SHELL, HEALTHCHECK and skips ONBUILD (absent from history), as the engine wrote them', () => {
    const model = parseDockerfile(
      [
        'FROM stagegate-fixture/busybox:latest',
        'RUN <<EOT',
        'echo one > /one',
        'echo two',
        'EOT',
        'COPY <<EOT /greeting',
        'hello',
        'EOT',
        'RUN --mount=type=cache,target=/c echo cached > /c/x',
        'SHELL ["/bin/sh", "-e", "-c"]',
        'RUN echo shell',
        'HEALTHCHECK CMD true',
        'STOPSIGNAL SIGTERM',
        'VOLUME /data',
        'ONBUILD RUN echo later',
        ''
      ].join('\n'),
      { path: 'Dockerfile' }
    )
    const index = new ImageBuilder()
      .layer('COPY busybox /bin/busybox # buildkit')
      .layer('RUN /bin/busybox --install -s /bin # buildkit')
      .empty('ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
      .empty('CMD ["/bin/sh"]')
      .layer('RUN /bin/sh -c echo one > /one\necho two\n # buildkit')
      .layer('COPY <<EOT /greeting # buildkit')
      .layer('RUN /bin/sh -c echo cached > /c/x # buildkit')
      .empty('SHELL [/bin/sh -e -c]')
      .layer('RUN /bin/sh -e -c echo shell # buildkit')
      .empty(`HEALTHCHECK &{["CMD-SHELL" "true"] "0s" "0s" "0s" "0s" '\x00'}`)
      .empty('STOPSIGNAL SIGTERM')
      .empty('VOLUME [/data]')
      .build()
    expect(attributeLayers(index, model).map(entry => [entry.line, entry.endLine])).toEqual([
      [1, 1],
      [1, 1],
      [2, 5],
      [6, 8],
      [9, 9],
      [11, 11]
    ])
  })

  it('skips an instruction missing from history without shifting the others', () => {
    const model = parseDockerfile('FROM scratch\nCOPY a /a\nLABEL x=y\nCOPY b /b\n', { path: 'Dockerfile' })
    const index = new ImageBuilder().layer('COPY a /a # buildkit').layer('COPY b /b # buildkit').build()
    expect(attributeLayers(index, model).map(entry => entry.line)).toEqual([2, 4])
  })
})

describe('layerHistoryIndexes', () => {
  it('falls back to the n-th non-empty history entry when the reader gave none', () => {
    const index = new ImageBuilder().layer('A').empty('B').layer('C').build()
    const withoutMapping = { ...index, layers: index.layers.map(({ historyIndex: _h, ...layer }) => layer) }
    expect(layerHistoryIndexes(withoutMapping)).toEqual([0, 2])
  })

  it('aligns at the end when history has fewer non-empty entries than layers', () => {
    const index = new ImageBuilder().layer('A').layer('B').build()
    const short = {
      ...index,
      history: [{ createdBy: 'B', emptyLayer: false }],
      layers: index.layers.map(({ historyIndex: _h, ...layer }) => layer)
    }
    expect(layerHistoryIndexes(short)).toEqual([undefined, 0])
  })
})
