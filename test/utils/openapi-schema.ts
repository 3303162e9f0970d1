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

/** RFC 3339 date-time, as `Date.toISOString()` writes it and clients send it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export class OpenApiSchemas {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    // strict: false because OpenAPI adds keywords of its own (example, nullable is handled by
    // ajv's option), which are annotations, not rules.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    // The formats the documents use (ajv-formats is not a dependency): checked, not ignored.
    this.ajv.addFormat('date-time', (value) => DATE_TIME.test(value) && !isNaN(Date.parse(value)));
    this.ajv.addFormat('uri', (value) => URL.canParse(value));
    this.ajv.addFormat('binary', () => true);
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

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

/** The operations of the paths `pathFilter` accepts, each named `METHOD /path`. */
export function documentOperations<T>(
  document: { paths: Record<string, Record<string, T>> },
  pathFilter: RegExp,
): Array<[string, T]> {
  return Object.entries(document.paths)
    .filter(([path]) => pathFilter.test(path))
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, operation]): [string, T] => [`${method.toUpperCase()} ${path}`, operation]),
    );
}
