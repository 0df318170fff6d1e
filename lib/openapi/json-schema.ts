// zod → JSON Schema (2020-12, what OpenAPI 3.1 uses) for request bodies and
// query parameters, from the very schemas the services validate with. The
// shape a client sends is the schema's input side. eitherByKey schemas are
// transforms JSON Schema cannot see into: they become an explicit oneOf of
// their two shapes.
import { z } from "@/lib/zod";

import { eitherByKeyBranches } from "@/lib/validation";

export type JsonSchema = Record<string, unknown>;

function replace(target: JsonSchema, source: JsonSchema): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, source);
}

export function toJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    reused: "inline",
    override: (context) => {
      const branches = eitherByKeyBranches.get(context.zodSchema);
      if (!branches) return;
      replace(context.jsonSchema as JsonSchema, {
        description: `With \`${branches.key}\`: the first shape; without it: the second.`,
        oneOf: [toJsonSchema(branches.whenPresent), toJsonSchema(branches.whenAbsent)],
      });
    },
  }) as JsonSchema;
  return json;
}

type QueryParameter = { name: string; in: "query"; required: boolean; schema: JsonSchema; description?: string };

/** One OpenAPI query parameter per field of an object schema (query values arrive as strings and are coerced). */
export function queryParameters(schema: z.ZodObject): QueryParameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = toJsonSchema(field as z.ZodType);
    const { description, ...rest } = json;
    const optional = (field as z.ZodType).safeParse(undefined).success;
    return { name, in: "query", required: !optional, schema: rest, ...(typeof description === "string" ? { description } : {}) };
  });
}
