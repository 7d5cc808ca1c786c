// bottleneck's light build (no Redis clustering), the one
// @octokit/plugin-throttling itself loads; the package types only its main entry.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
