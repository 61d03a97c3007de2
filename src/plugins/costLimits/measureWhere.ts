import type { FlattenedField } from 'payload'

import { crossesRelation } from '../../lib/fieldPaths.js'

export type WhereMeasure = {
  conditions: number
  conditionsAcrossRelations: number
  /** Levels of `and`/`or`; one past the cap at most, since the walk stops there. */
  nesting: number
  values: number
}

const listOperators = new Set(['all', 'in', 'not_in'])

/** Payload splits a `like` into words, and a string given to a list operator at its commas. */
const valuesIn = (operator: string, operand: unknown): number => {
  if (Array.isArray(operand)) return operand.length
  if (typeof operand === 'string' && operator === 'like') return operand.split(' ').length
  if (typeof operand === 'string' && listOperators.has(operator)) return operand.split(',').length
  return 1
}

/** `qs` turns a list longer than its array limit into an object with numeric keys. */
const entriesOf = (branches: unknown): unknown[] =>
  Array.isArray(branches) ? branches : branches && typeof branches === 'object' ? Object.values(branches) : []

/**
 * What a `where` filter asks of the database. The walk stops below `maxNesting` levels of
 * `and`/`or`, so a filter nested thousands deep costs no more to measure than one nested a little
 * too deep.
 */
export const measureWhere = (where: unknown, fields: FlattenedField[], maxNesting: number): WhereMeasure => {
  const measure: WhereMeasure = { conditions: 0, conditionsAcrossRelations: 0, nesting: 0, values: 0 }
  const walk = (node: unknown, level: number): void => {
    if (!node || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
        measure.nesting = Math.max(measure.nesting, level + 1)
        if (level + 1 > maxNesting) return
        for (const branch of entriesOf(value)) walk(branch, level + 1)
        continue
      }
      const operators = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [['equals', value]]
      const acrossRelation = crossesRelation(fields, key)
      for (const [operator, operand] of operators) {
        measure.conditions++
        if (acrossRelation) measure.conditionsAcrossRelations++
        measure.values += valuesIn(operator, operand)
      }
    }
  }
  walk(where, 0)
  return measure
}
