/**
 * Also found by the review: `GET /api/media/file/`, a file route with an empty name, answered 500
 * on the running server. The empty name, and a name that cannot be decoded (`%`), answer a clear
 * 4xx in Vietnamese, through the server as a browser reaches it.
 */
import { type RunningServer, startServer, stopServer } from '../helpers/server.js'

let server: RunningServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await stopServer(server)
})

it.each([
  ['/api/media/file/', 404, /^Hãy cho biết tệp cần mở/],
  ['/api/media/file', 404, /^Hãy cho biết tệp cần mở/],
  ['/api/media/file//', 404, /^Hãy cho biết tệp cần mở/],
  ['/api/media/file/%', 400, /^Địa chỉ không hợp lệ/],
  ['/api/media/file/%E0%A4%A', 400, /^Địa chỉ không hợp lệ/],
])('GET %s answers %i with a message in Vietnamese', async (path, status, message) => {
  const response = await fetch(`${server.url}${path}`)
  const body = (await response.json()) as { errors: Array<{ message: string }> }
  expect({ status: response.status, message: body.errors[0]?.message }).toEqual({ status, message: expect.stringMatching(message) })
})
