/**
 * The parts of OpenAPI 3.1 this plugin writes. Schemas are JSON Schema 2020-12, so they are kept
 * open (`[keyword: string]: unknown`) rather than typed keyword by keyword.
 */

export type SchemaObject = {
  $ref?: string
  anyOf?: SchemaObject[]
  const?: unknown
  default?: unknown
  description?: string
  enum?: unknown[]
  examples?: unknown[]
  format?: string
  items?: SchemaObject
  maximum?: number
  maxLength?: number
  minimum?: number
  oneOf?: SchemaObject[]
  pattern?: string
  properties?: Record<string, SchemaObject>
  readOnly?: boolean
  required?: string[]
  type?: JSONType | JSONType[]
  [keyword: string]: unknown
}

export type JSONType = 'array' | 'boolean' | 'integer' | 'null' | 'number' | 'object' | 'string'

export type ReferenceObject = { $ref: string; description?: string; summary?: string }

export type ParameterObject = {
  description?: string
  explode?: boolean
  in: 'cookie' | 'header' | 'path' | 'query'
  name: string
  required?: boolean
  schema: SchemaObject
  style?: 'deepObject' | 'form' | 'simple'
}

export type MediaTypeObject = { example?: unknown; schema?: SchemaObject }

export type ResponseObject = { content?: Record<string, MediaTypeObject>; description: string }

export type RequestBodyObject = { content: Record<string, MediaTypeObject>; description?: string; required?: boolean }

export type SecurityRequirementObject = Record<string, string[]>

export type OperationObject = {
  description?: string
  operationId: string
  parameters?: Array<ParameterObject | ReferenceObject>
  requestBody?: RequestBodyObject
  responses: Record<string, ReferenceObject | ResponseObject>
  security?: SecurityRequirementObject[]
  summary: string
  tags?: string[]
}

export type HttpMethod = 'delete' | 'get' | 'patch' | 'post' | 'put'

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>> & { parameters?: ParameterObject[] }

export type SecuritySchemeObject =
  | { description?: string; in: 'cookie' | 'header' | 'query'; name: string; type: 'apiKey' }
  | { bearerFormat?: string; description?: string; scheme: string; type: 'http' }

export type ServerObject = { description?: string; url: string }

export type TagObject = { description?: string; name: string }

export type OpenAPIDocument = {
  components: {
    parameters: Record<string, ParameterObject>
    responses: Record<string, ResponseObject>
    schemas: Record<string, SchemaObject>
    securitySchemes: Record<string, SecuritySchemeObject>
  }
  info: { description?: string; summary?: string; title: string; version: string }
  jsonSchemaDialect?: string
  openapi: '3.1.0'
  paths: Record<string, PathItemObject>
  security: SecurityRequirementObject[]
  servers: ServerObject[]
  tags: TagObject[]
}

/** A `$ref` to a component of the same document. */
export const ref = (kind: 'parameters' | 'responses' | 'schemas', name: string): ReferenceObject => ({
  $ref: `#/components/${kind}/${name}`,
})
