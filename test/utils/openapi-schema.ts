import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Checks real answers against the OpenAPI document the app serves, so a schema that says
 * something the code does not do fails a test. Component schemas are registered under their
 * `#/components/schemas/...` ids so every `$ref` resolves as in the document.
 */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, object> };
}

export class OpenApiSchemas {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    // strict: false because OpenAPI adds keywords of its own (example, nullable is handled by
    // ajv's option), which are annotations, not rules.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    this.ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');
    this.document = document;
  }

  private readonly document: OpenApiDocument;

  /** The schema of an operation's JSON answer with this status. */
  responseSchema(method: string, path: string, status: number): object {
    const operation = this.document.paths[path]?.[method.toLowerCase()] as
      { responses?: Record<string, { content?: Record<string, { schema?: object }> }> } | undefined;
    const schema = operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
    if (!schema) {
      throw new Error(`${method.toUpperCase()} ${path} documents no JSON answer for ${status}`);
    }
    return schema;
  }

  /** The validation errors of `value` against `schema` (empty when it matches). */
  errors(schema: object, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema));
      this.cache.set(key, validate);
    }
    return validate(value)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
  }

  /** Errors of a real answer against what the document says the operation answers. */
  answerErrors(method: string, path: string, status: number, body: unknown): string[] {
    return this.errors(this.responseSchema(method, path, status), body);
  }
}

/** `#/components/...` inside the document becomes `openapi#/components/...` for ajv. */
function rewriteRefs(schema: unknown): object {
  return JSON.parse(
    JSON.stringify(schema).replace(/"\$ref":"#\/components\//g, '"$ref":"openapi#/components/'),
  ) as object;
}
