import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

type JsonSchema = Record<string, unknown>;
interface OpenApiResponse {
  content?: { "application/json"?: { schema: JsonSchema } };
  headers?: Record<string, unknown>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, JsonSchema> };
}

export const CHECKOUT_OPENAPI = path.join(process.cwd(), "public/openapi/checkout.json");

/**
 * Checks API answers against the OpenAPI document itself: each documented JSON schema is turned
 * into a zod schema with zod's own JSON Schema reader (OpenAPI 3.1 schemas are JSON Schema), with
 * `#/components/schemas/X` references resolved as `$defs`. No second copy of the contract exists.
 */
export function openApiChecker(file = CHECKOUT_OPENAPI) {
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as OpenApiDoc;
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/')) as Record<string, JsonSchema>;
  const seen = new Set<string>();

  function responseSpec(method: string, route: string, status: number): OpenApiResponse {
    const spec = doc.paths[route]?.[method.toLowerCase()]?.responses?.[String(status)];
    if (!spec) throw new Error(`${method} ${route} answered ${status}, which the OpenAPI document does not describe.`);
    return spec;
  }

  return {
    /** Every status documented for this operation. */
    documented(method: string, route: string): string[] {
      return Object.keys(doc.paths[route]?.[method.toLowerCase()]?.responses ?? {}).map((s) => `${method} ${route} ${s}`);
    },
    /** What `check` has validated so far, as "METHOD route status". */
    seen,
    /** Throws, naming the differences, unless the answer matches the documented response for its status. */
    check(method: string, route: string, status: number, body: unknown, headers: Record<string, string | null> = {}) {
      const spec = responseSpec(method, route, status);
      const schema = spec.content?.["application/json"]?.schema;
      if (!schema) throw new Error(`${method} ${route} ${status} documents no JSON body.`);
      const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/$defs/')) as JsonSchema;
      const result = z.fromJSONSchema({ ...rewritten, $defs: defs }).safeParse(body);
      if (!result.success) throw new Error(`${method} ${route} ${status} does not match the OpenAPI document:\n${z.prettifyError(result.error)}\n${JSON.stringify(body)}`);
      for (const name of Object.keys(spec.headers ?? {}))
        if (headers[name.toLowerCase()] == null) throw new Error(`${method} ${route} ${status} is missing the documented header ${name}.`);
      seen.add(`${method} ${route} ${status}`);
    },
  };
}
