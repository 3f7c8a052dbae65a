// Prisma's enums: a schema's `enum Feature { BLEETER TOW }` becomes, in the client Prisma generates into node_modules,
// an object whose every member's value is its own name (`Feature.TOW === 'TOW'`; a `@map("tow")` renames only the
// database's value). The generated client is never in the repository, so a key written `Feature.TOW`, imported from
// `@prisma/client`, is read from the schema instead.

// `// comment` and `/// documentation` to the end of the line.
const LINE_COMMENT = /\/\/[^\n]*/g;
const ENUM_BLOCK = /\benum\s+([A-Za-z_]\w*)\s*\{([^{}]*)\}/g;
const MEMBER = /^([A-Za-z_]\w*)(?:\s|$)/;

/** The enums the schemas declare, each with its members; a name declared twice keeps the members of both. */
export function prismaEnumsOf(schemas: readonly string[]): Map<string, Set<string>> {
  const enums = new Map<string, Set<string>>();
  for (const schema of schemas) {
    for (const [, name, body] of schema.replace(LINE_COMMENT, '').matchAll(ENUM_BLOCK)) {
      const members = enums.get(name) ?? new Set<string>();
      for (const line of body.split('\n')) {
        const member = MEMBER.exec(line.trim());
        if (member !== null) members.add(member[1]);
      }
      enums.set(name, members);
    }
  }
  return enums;
}

// The modules a Prisma client is imported from: the package, the folder it generates into by default, or a custom
// output's folder named for it (`../generated/prisma`, `@/generated/prisma/client`).
const PRISMA_CLIENT = /(?:^|\/)(?:@prisma\/client|\.prisma\/client|prisma(?:\/client)?)$/;

/** The key `Feature.TOW` names when imported from a Prisma client and the schemas declare that member; else undefined. */
export function prismaEnumKey(specifier: string, names: readonly string[], enums: ReadonlyMap<string, ReadonlySet<string>> | undefined): string | undefined {
  if (enums === undefined || names.length !== 2 || !PRISMA_CLIENT.test(specifier)) return undefined;
  const [enumName, member] = names;
  return enums.get(enumName)?.has(member) === true ? member : undefined;
}
