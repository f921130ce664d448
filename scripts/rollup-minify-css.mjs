// Rollup plugin: minify the text of Lit `css` tagged templates in our own modules (comments and
// whitespace), which terser leaves as written. Expressions (`${...}`) are kept as they are.
// Conservative on purpose: it never touches ':' (a space before it is a descendant selector) or
// operators inside calc().

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

export function minifyCss() {
  return {
    name: 'd1-minify-css',
    transform(code, id) {
      if (!/\/packages\/[^/]+\/dist\/.*\.js$/.test(id) || !/\bcss\s*`/.test(code)) return null;
      return { code: minifyCssTemplates(code), map: null };
    },
  };
}
