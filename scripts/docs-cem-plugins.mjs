// Plugins for @custom-elements-manifest/analyzer (used by custom-elements-manifest.config.mjs):
// - statesAreNotAttributes: private reactive state declared in `static properties` is not listed
//   as an attribute.
// - tagNamesFromDefineModules: an element whose class has no `@tag` JSDoc still gets its tag name,
//   read from its two-line define module (`customElements.define('d1-x', D1X)`), so Storybook
//   finds it by tag (controls, autodocs) and editors learn it.
// - vscodeCustomData: VS Code editor data written next to the manifest whenever it is generated:
//   vscode.html-custom-data.json (tags, attributes, descriptions) and vscode.css-custom-data.json
//   (the elements' custom properties and ::part() names). Settings: see docs/designer-guide.md.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Tag names by class name, from packages/<pkg>/src/define/*.ts. */
export function definedTags(root = '.') {
  const tags = new Map();
  const pkgs = join(root, 'packages');
  for (const pkg of readdirSync(pkgs)) {
    const dir = join(pkgs, pkg, 'src', 'define');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const src = readFileSync(join(dir, file), 'utf8');
      for (const m of src.matchAll(
        /customElements\.define\(\s*['"]([a-z][\w-]*-[\w-]*)['"]\s*,\s*(\w+)\s*\)/g,
      )) {
        tags.set(m[2], m[1]);
      }
    }
  }
  return tags;
}

/** Every custom-element declaration of a manifest, with its module path. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({ path: mod.path, decl: d })),
  );
}

export function tagNamesFromDefineModules() {
  return {
    name: 'd1-tag-names-from-define-modules',
    packageLinkPhase({ customElementsManifest }) {
      const tags = definedTags();
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class' || decl.tagName || !tags.has(decl.name)) continue;
          decl.customElement = true;
          decl.tagName = tags.get(decl.name);
        }
      }
    },
  };
}

/**
 * Private reactive state (`static properties = { _open: { state: true } }`) is no attribute: the
 * analyzer lists every `static properties` entry as one, so drop those backing private fields.
 */
export function statesAreNotAttributes() {
  return {
    name: 'd1-states-are-not-attributes',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement || !decl.attributes) continue;
          const hidden = new Set(
            (decl.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
          );
          decl.attributes = decl.attributes.filter((a) => !hidden.has(a.fieldName));
          for (const m of decl.members ?? []) if (hidden.has(m.name)) delete m.attribute;
        }
      }
    },
  };
}

const oneLine = (s) => (s ?? '').replace(/\s*\n\s*/g, ' ').trim();

/** VS Code `html.customData` from a custom elements manifest. */
export function htmlCustomData(manifest) {
  return {
    version: 1.1,
    tags: elementsOf(manifest)
      .map(({ path, decl }) => ({
        name: decl.tagName,
        description:
          [decl.summary, decl.description].filter(Boolean).map(oneLine).join('\n\n') + `\n\nSource: ${path}`,
        attributes: (decl.attributes ?? []).map((a) => {
          const values = [...(a.type?.text ?? '').matchAll(/'([^']+)'/g)].map((m) => ({ name: m[1] }));
          return {
            name: a.name,
            description: oneLine(a.description) + (a.type?.text ? `\n\nType: ${a.type.text}` : ''),
            ...(values.length ? { values } : {}),
          };
        }),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** VS Code `css.customData`: the elements' custom properties and parts. */
export function cssCustomData(manifest) {
  const properties = new Map();
  const pseudoElements = new Map();
  for (const { decl } of elementsOf(manifest)) {
    for (const p of decl.cssProperties ?? []) {
      if (!properties.has(p.name))
        properties.set(p.name, { name: p.name, description: `${decl.tagName}: ${oneLine(p.description)}` });
    }
    for (const p of decl.cssParts ?? []) {
      const name = `::part(${p.name})`;
      const prev = pseudoElements.get(name);
      const line = `${decl.tagName}: ${oneLine(p.description)}`;
      pseudoElements.set(name, { name, description: prev ? `${prev.description}\n${line}` : line });
    }
  }
  const byName = (a, b) => a.name.localeCompare(b.name);
  return {
    version: 1.1,
    properties: [...properties.values()].sort(byName),
    pseudoElements: [...pseudoElements.values()].sort(byName),
  };
}

/** The files VS Code reads (`html.customData`, `css.customData`), written beside the manifest. */
export const VSCODE_FILES = { html: 'vscode.html-custom-data.json', css: 'vscode.css-custom-data.json' };

export function vscodeCustomData({ html = VSCODE_FILES.html, css = VSCODE_FILES.css } = {}) {
  return {
    name: 'd1-vscode-custom-data',
    packageLinkPhase({ customElementsManifest }) {
      writeFileSync(html, JSON.stringify(htmlCustomData(customElementsManifest), null, 2) + '\n');
      writeFileSync(css, JSON.stringify(cssCustomData(customElementsManifest), null, 2) + '\n');
    },
  };
}
