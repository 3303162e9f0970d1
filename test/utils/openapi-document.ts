/**
 * The parts of an OpenAPI document that the document tests read, typed once for all of them
 * (the document is the one the app serves at /docs-json).
 */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  enum?: unknown[];
  maxLength?: number;
  example?: unknown;
}
export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: Schema;
}
export interface Media {
  schema?: Schema;
  examples?: Record<string, { summary?: string; value?: unknown }>;
}
export interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, Media>;
}
export interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, Media> };
  responses: Record<string, Response>;
  security?: unknown[];
}
export interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
