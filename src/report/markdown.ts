// Escaping for text that comes from Dockerfiles, images and rules into
// GitHub markdown (job summary, PR comment) and mermaid. Everything a user
// controls goes through one of these, so a file name can neither break a
// table, inject HTML, @-mention someone, nor end a mermaid label.

const MARKDOWN_SPECIAL = /[\\`*_[\]|~]/g

/** Inline markdown text: HTML and markdown syntax neutralised, mentions defused, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, char => `\\${char}`)
    .replace(/(^|[^\w])@(?=\w)/g, '$1@\u200b')
}

/** Text inside `<code>`: HTML-escaped, pipes safe in tables. */
export function code(text: string): string {
  const inner = text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/[\\`*_[\]]/g, char => `\\${char}`)
  // GitHub links no @mention inside <code>, so image references stay copyable.
  return `<code>${inner}</code>`
}

/** A URL for a markdown link target: parentheses and spaces percent-encoded. */
export function linkTarget(url: string): string {
  return url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29')
}

const MERMAID_ENTITY: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '|': '#124;',
  '`': '#96;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '(': '#40;',
  ')': '#41;',
  ';': '#59;',
  '%': '#37;',
  '\\': '#92;',
  '@': '#64;',
  '*': '#42;',
  _: '#95;',
  '~': '#126;'
}

/**
 * Text for a double-quoted mermaid label: every character that could end the
 * string, start markup, an entity, a comment or a markdown string becomes a
 * mermaid entity code (`#35;`), control characters and newlines a space.
 */
export function mermaidText(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x20 || code === 0x7f) out += ' '
    else out += MERMAID_ENTITY[char] ?? char
  }
  return out
}
