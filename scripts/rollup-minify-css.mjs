// Rollup plugin: minify the text of Lit `css` tagged templates in our own modules (comments and
// whitespace), which terser leaves as written. Expressions (`${...}`) are kept as they are.
// Conservative on purpose: it never touches ':' (a space before it is a descendant selector) or
// operators inside calc().
// Lit `html`/`svg` templates get their line breaks and indentation folded to one space (found
// through the AST, so nested templates and expressions are never mistaken for text): HTML renders
// any run of whitespace as one space, and no template of ours holds <pre> or white-space: pre.

/** Minify one literal chunk of CSS text. */
export function minifyCssText(text) {
  // quoted strings (content: "a , b") are kept exactly
  return text
    .split(/("[^"\n]*"|'[^'\n]*')/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            // a declaration's name and value (a colon right after `{` or `;` and a name is never a
            // selector's: those come after a selector's own characters, not a `{` or `;`)
            .replace(/([{;][\w-]+):\s+/g, '$1:')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/** Find `css\`` templates in `code` and minify their literal parts. */
export function minifyCssTemplates(code) {
  let out = '';
  let i = 0;
  const re = /\bcss\s*`/g;
  let m;
  while ((m = re.exec(code))) {
    const start = m.index + m[0].length;
    out += code.slice(i, start);
    let j = start;
    let chunk = '';
    const parts = [];
    while (j < code.length) {
      const c = code[j];
      if (c === '\\') {
        chunk += c + code[j + 1];
        j += 2;
        continue;
      }
      if (c === '`') break;
      if (c === '$' && code[j + 1] === '{') {
        parts.push(minifyCssText(chunk), null);
        chunk = '';
        let depth = 0;
        let k = j;
        for (; k < code.length; k++) {
          if (code[k] === '{') depth++;
          else if (code[k] === '}' && --depth === 0) break;
        }
        parts[parts.length - 1] = code.slice(j, k + 1);
        j = k + 1;
        continue;
      }
      chunk += c;
      j++;
    }
    parts.push(minifyCssText(chunk));
    // a space next to an expression may separate values (`margin: ${x} 0`): only the template's
    // own start and end are trimmed
    parts[0] = parts[0].trimStart();
    parts[parts.length - 1] = parts[parts.length - 1].trimEnd();
    out += parts.join('');
    out += '`';
    i = j + 1;
    re.lastIndex = i;
  }
  return out + code.slice(i);
}

/** Fold whitespace that holds a line break, in the literal parts of `html`/`svg` templates of `ast`. */
export function minifyHtmlTemplates(code, ast) {
  const edits = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (
      node.type === 'TaggedTemplateExpression' &&
      node.tag.type === 'Identifier' &&
      (node.tag.name === 'html' || node.tag.name === 'svg')
    ) {
      for (const q of node.quasi.quasis) edits.push([q.start, q.end]);
    }
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && key !== 'loc') visit(v);
    }
  };
  visit(ast);
  edits.sort((a, b) => b[0] - a[0]);
  let out = code;
  for (const [start, end] of edits)
    out = out.slice(0, start) + out.slice(start, end).replace(/[ \t]*\n\s*/g, ' ') + out.slice(end);
  return out;
}

export function minifyCss() {
  return {
    name: 'd1-minify-css',
    transform(code, id) {
      if (!/\/packages\/[^/]+\/dist\/.*\.js$/.test(id)) return null;
      let out = code;
      if (/\bcss\s*`/.test(out)) out = minifyCssTemplates(out);
      if (/\b(html|svg)\s*`/.test(out)) out = minifyHtmlTemplates(out, this.parse(out));
      return out === code ? null : { code: out, map: null };
    },
  };
}
