/**
 * Checks the access matrix (matrix.ts) on the given surfaces: one boot and one world per suite
 * file, every row as one test. Each surface has a file of its own so jest runs them side by side.
 */
import { bootPayload, shutdownPayload } from '../helpers/boot.js'
import { matrix, matrixCollections } from './matrix.js'
import { observe, type Surface } from './surfaces.js'
import { buildWorld, type World } from './world.js'

export const describeMatrix = (suite: string, surfaces: Surface[]): void => {
  let world: World

  beforeAll(async () => {
    const payload = await bootPayload(suite)
    // Thousands of refusals are provoked on purpose and Payload logs each one; an unexpected
    // error still shows in the failing assertion, with its status and message.
    payload.logger.level = process.env.MATRIX_LOG_LEVEL ?? 'fatal'
    world = await buildWorld(payload)
  })
  afterAll(async () => shutdownPayload(world.payload))

  describe.each(surfaces)('through the $name', (surface) => {
    // A collection the surface cannot reach at all (Payload's migrations: Local API only) has no tests there.
    const reachable = matrixCollections.filter((collection) => matrix.some((row) => row.collection === collection && !surface.cannot?.(row)))
    describe.each(reachable)('on %s', (collection) => {
      const rows = matrix.filter((row) => row.collection === collection && !surface.cannot?.(row))

      it.each(rows)('$name', async (row) => {
        const { call, restore, written } = await world.arrange(row)
        try {
          const answer = await surface.answer(world.payload, call, world.sessions[row.actor])
          expect(observe(call, answer, await written?.())).toBe(row.outcome)
        } finally {
          await restore?.()
        }
      })
    })
  })
}
