// The tool's version, as reports and SARIF state it. A unit test keeps it
// equal to package.json's, so a release bump cannot forget it.
export const VERSION = '0.1.0'
