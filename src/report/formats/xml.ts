// XML through fast-xml-builder (already in the action's dependency tree, a
// few KiB, no DOM): it escapes `& < > " '`; what XML 1.0 cannot hold at all
// (control characters, lone surrogates) is escaped first by xmlSafe.
import XMLBuilder from 'fast-xml-builder'
import { xmlSafe } from './common.js'

/** An element: attributes (`@_name`) and children, as fast-xml-builder takes them. */
export type XmlNode = { [key: string]: string | number | XmlNode | XmlNode[] | undefined }

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true
})

/** A whole document: the declaration, then `root`. Every string in it is made XML-safe. */
export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(sanitize(root))}`
}

function sanitize(node: XmlNode): XmlNode {
  const out: XmlNode = {}
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) continue
    // Text content may span lines (each made safe); attributes are one line.
    if (typeof value === 'string')
      out[key] = key === '#text' ? value.split('\n').map(xmlSafe).join('\n') : xmlSafe(value)
    else if (typeof value === 'number') out[key] = value
    else if (Array.isArray(value)) out[key] = value.map(sanitize)
    else out[key] = sanitize(value)
  }
  return out
}
