import fc from 'fast-check';
import type { MethodSpec } from '../../shared/contract/define';

type Path = (string | number)[];

/** Values of the wrong type or shape for almost any field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.constant('9'.repeat(4096)),
  fc.constant(''),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.constant("'; DROP TABLE staff; --"),
  fc.constant({ __proto__: { role: 'manager' } }),
);

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here: Path[] = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsOf(v, [...prefix, i])));
  if (value && typeof value === 'object') {
    return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])));
  }
  return here;
}

function edit(value: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1] as string | number);
  return copy;
}

/**
 * Inputs a method must refuse, generated from its schema's valid example: a field of
 * the wrong type, a required field missing, an unknown field, or not an object at all.
 * Only values the schema really rejects are kept.
 */
export function malformedInputs(spec: MethodSpec): fc.Arbitrary<unknown> {
  const example: unknown = spec.example;
  const paths = pathsOf(example);
  const inner = paths.filter((p) => p.length > 0);
  const kinds: fc.Arbitrary<unknown>[] = [
    fc.tuple(fc.constantFrom(...paths), wrongValue).map(([path, v]) =>
      path.length === 0 ? v : edit(example, path, (parent, key) => (parent[key] = v)),
    ),
    fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), wrongValue).map(([key, v]) => ({
      ...(example as object),
      [`x_${key}`]: v,
    })),
    fc.anything({ maxDepth: 2 }),
  ];
  if (inner.length > 0) {
    kinds.push(
      fc.constantFrom(...inner).map((path) =>
        edit(example, path, (parent, key) => {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        }),
      ),
    );
  }
  return fc.oneof(...kinds).filter((input) => !spec.input.safeParse(input).success);
}
