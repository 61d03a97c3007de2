/**
 * Checks an API answer against a schema of the description. It knows the JSON Schema keywords
 * the generator writes (type, enum, const, properties, required, items, additionalProperties,
 * oneOf, anyOf, $ref, minimum, maximum, format date-time) and ignores the rest.
 */
import type { OpenAPIDocument, SchemaObject } from '../../src/plugins/openapi/oas.js'

const typeOf = (value: unknown): string[] => {
  if (value === null) return ['null']
  if (Array.isArray(value)) return ['array']
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number']
  return [typeof value]
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Where `value` departs from `schema`, one line per departure; empty when it conforms. */
export const departures = (document: OpenAPIDocument, schema: SchemaObject, value: unknown, at = '$'): string[] => {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '')
    const target = document.components.schemas[name]
    return target ? departures(document, target, value, at) : [`${at}: unresolved ${schema.$ref}`]
  }
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((branch) => !departures(document, branch, value, at).length).length
    if (matching !== 1) return [`${at}: matches ${matching} branches of oneOf, not 1: ${JSON.stringify(value)?.slice(0, 200)}`]
  }
  if (schema.anyOf && !schema.anyOf.some((branch) => !departures(document, branch, value, at).length)) {
    return [`${at}: matches no branch of anyOf`]
  }
  if (schema.const !== undefined && value !== schema.const) return [`${at}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`]
  if (schema.enum && !schema.enum.includes(value as never)) return [`${at}: ${JSON.stringify(value)} is not one of the enum`]
  if (schema.type) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type]
    if (!typeOf(value).some((type) => allowed.includes(type as never))) return [`${at}: ${typeOf(value)[0]} where ${allowed.join('|')} is described`]
  }
  const found: string[] = []
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) found.push(`${at}: ${value} < ${schema.minimum}`)
    if (typeof schema.maximum === 'number' && value > schema.maximum) found.push(`${at}: ${value} > ${schema.maximum}`)
  }
  if (typeof value === 'string' && schema.format === 'date-time' && Number.isNaN(Date.parse(value))) found.push(`${at}: not a date-time`)
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => found.push(...departures(document, schema.items!, item, `${at}[${index}]`)))
  }
  if (isObject(value)) {
    for (const name of schema.required ?? []) if (!(name in value)) found.push(`${at}.${name}: missing`)
    for (const [name, property] of Object.entries(value)) {
      const described = schema.properties?.[name]
      if (described) found.push(...departures(document, described, property, `${at}.${name}`))
      else if (isObject(schema.additionalProperties)) {
        found.push(...departures(document, schema.additionalProperties as SchemaObject, property, `${at}.${name}`))
      }
    }
  }
  return found
}
