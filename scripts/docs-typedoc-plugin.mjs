// typedoc plugin: a method-style member (`onConnect?(info): void`) that reaches an interface
// through Omit<>/Pick<> becomes a property whose doc comment typedoc does not find (it looks for a
// property's comment, the declaration is a method signature). Take the method's comment, so the
// API reference shows it and `validation.notDocumented` judges the real source.
// Also: Lit elements' `static styles` inherit LitElement's comment, whose `{@link css}` cannot
// resolve in our docs; show it as code instead of a broken link.
// And: with no git remote, "defined in" links point at the source file in this repository,
// relative to the page (docs/api/<kind>/<page>.html), whatever package it is in.
import { relative } from 'node:path';
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  const found = new Map();
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Property)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    if (!symbol?.declarations?.length) return;
    const decl = symbol.declarations[0];
    const comment = context.getSignatureComment(decl) ?? context.getNodeComment(decl, false);
    if (comment) found.set(reflection, comment);
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const [reflection, comment] of found) if (!reflection.hasComment()) reflection.comment = comment;
    found.clear();
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Property)) {
      if (reflection.name !== 'styles' || !reflection.flags.isStatic || !reflection.comment) continue;
      reflection.comment.summary = reflection.comment.summary.map((part) =>
        part.kind === 'inline-tag' ? { kind: 'code', text: `\`${part.text}\`` } : part,
      );
    }
  });
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      for (const source of reflection.sources ?? []) {
        if (!source.fullFileName) continue;
        const path = relative(process.cwd(), source.fullFileName).split('\\').join('/');
        source.url = `../../../${path}#L${source.line}`;
      }
    }
  });
}
