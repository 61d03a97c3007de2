import type { Payload } from 'payload'

import { execFile, execFileSync } from 'node:child_process'
import express from 'express'
import type { Server } from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'

import { standardsRoutes } from '../../src/plugins/standards/routes.js'

const schemas = path.resolve('src/plugins/standards/oai/schemas')

/**
 * The open-standards routes over real HTTP, mounted on express as the server mounts them, without
 * building the web app: Debian's harvester needs a URL to call.
 */
export const serveStandards = async (payload: Payload): Promise<{ url: string; close: () => Promise<void> }> => {
  const app = express()
  app.use(standardsRoutes(payload))
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/**
 * Validates one answer with Debian's xmllint against the official OAI-PMH and oai_dc schemas kept in
 * the repository, offline (the catalog points their network imports at the local copies).
 * Resolves with xmllint's complaints, empty when the answer is valid.
 */
export const schemaProblems = (xml: string): string => {
  try {
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', path.join(schemas, 'responses.xsd'), '-'], {
      input: xml,
      env: { PATH: process.env.PATH, XML_CATALOG_FILES: path.join(schemas, 'catalog.xml') } as Record<string, string | undefined> as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    return ''
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error)
  }
}

/**
 * What xmllint finds wrong with an Atom document against RFC 4287's RELAX NG schema (empty when
 * valid), and the schema's two Schematron rules, which RELAX NG validators skip, checked by XPath.
 */
export const atomProblems = (xml: string): string => {
  let problems = ''
  try {
    execFileSync('xmllint', ['--nonet', '--noout', '--relaxng', path.resolve('src/plugins/standards/schemas/atom.rng'), '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] })
  } catch (error) {
    problems += String((error as { stderr?: Buffer }).stderr ?? error)
  }
  const atom = (name: string) => `*[local-name()='${name}']`
  const count = (expression: string) => xpath(xml, `count(${expression})`)[0]
  if (count(`/${atom('feed')}[not(${atom('author')})]/${atom('entry')}[not(${atom('author')})]`) !== '0') problems += 'an entry has no author, and neither has the feed\n'
  if (count(`//${atom('entry')}[not(${atom('link')}[@rel='alternate' or not(@rel)]) and not(${atom('content')})]`) !== '0') problems += 'an entry has neither an alternate link nor content\n'
  return problems
}

/** The text of every node an XPath selects (namespaces ignored through `local-name()`). */
export const xpath = (xml: string, expression: string): string[] => {
  try {
    const out = execFileSync('xmllint', ['--nonet', '--xpath', expression, '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] }).toString()
    return out.split('\n').filter((line) => line !== '')
  } catch {
    // xmllint exits 10 when the expression selects nothing.
    return []
  }
}

/** The OAI-PMH element named `name`, whatever prefix the document gives it. */
export const oai = (name: string): string => `*[local-name()='${name}']`

export type Harvested = Map<string, { deleted: boolean; datestamp: string; sets: string[]; dc: Record<string, string[]> }>

/**
 * Harvests with Debian's libhttp-oai-perl (`oai_pmh`), an independent client that follows
 * resumption tokens itself, and folds what it printed into identifier → record. It prints each
 * record as header lines (`identifier: …`, `status: deleted`, `setSpec: …`), a blank line and the
 * metadata's XML, records separated by form feeds.
 */
export const harvest = async (baseUrl: string, options: { from?: string; set?: string } = {}): Promise<Harvested> => {
  const args = ['-X', 'ListRecords', '--metadataPrefix', 'oai_dc']
  if (options.from) args.push('--from', options.from)
  if (options.set) args.push('--set', options.set)
  const { stdout } = await promisify(execFile)('oai_pmh', [...args, `${baseUrl}/oai`], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME } as Record<string, string | undefined> as NodeJS.ProcessEnv,
    maxBuffer: 64 * 1024 * 1024,
  })
  const records: Harvested = new Map()
  for (const chunk of stdout.split('\f')) {
    const blank = chunk.indexOf('\n\n')
    const head = blank === -1 ? chunk : chunk.slice(0, blank)
    const fields = head.split('\n').map((line) => line.match(/^(\w+): ?(.*)$/)).filter((match) => match !== null)
    const value = (name: string) => fields.filter(([, key]) => key === name).map(([, , text]) => text)
    const identifier = value('identifier')[0]
    if (!identifier) continue
    const metadata = blank === -1 ? '' : chunk.slice(blank + 2).trim()
    const dc: Record<string, string[]> = {}
    if (metadata) {
      // The harvester prints the metadata without the xsi declaration the envelope carried.
      const xml = `<wrapper xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${metadata}</wrapper>`
      for (const name of ['title', 'creator', 'subject', 'description', 'publisher', 'contributor', 'date', 'type', 'format', 'identifier', 'language', 'relation', 'rights']) {
        const values = xpath(xml, `//*[local-name()='dc']/*[local-name()='${name}']/text()`)
        if (values.length) dc[name] = values
      }
    }
    records.set(identifier, { deleted: value('status')[0] === 'deleted', datestamp: value('datestamp')[0], sets: value('setSpec'), dc })
  }
  return records
}
