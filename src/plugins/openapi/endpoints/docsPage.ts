import type {
  HttpMethod,
  OpenAPIDocument,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '../oas.js'

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char)

/** Inline Markdown the descriptions use: `code` and **bold**, on escaped text. */
const inline = (text: string): string =>
  escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')

/** Block Markdown the descriptions use: paragraphs, `## ` headings and `- ` lists. */
const markdown = (text: string, headingLevel: number): string =>
  text
    .split(/\n{2,}/)
    .map((block) => {
      if (block.startsWith('## ')) return `<h${headingLevel}>${bilingual(block.slice(3))}</h${headingLevel}>`
      const lines = block.split('\n')
      if (lines.every((line) => line.startsWith('- '))) {
        return `<ul>${lines.map((line) => `<li>${inline(line.slice(2))}</li>`).join('')}</ul>`
      }
      return `<p>${inline(block)}</p>`
    })
    .join('\n')

/** `Tham số · Parameters`: the English half marked as English for screen readers. */
const bilingual = (text: string): string => {
  const at = text.indexOf(' · ')
  return at < 0 ? inline(text) : `${inline(text.slice(0, at))} · <span lang="en">${inline(text.slice(at + 3))}</span>`
}

const anchorOf = (name: string) => `schema-${name.replace(/[^\w-]/g, '-')}`

const componentOf = ($ref: string) => $ref.split('/').pop() ?? $ref

const resolve = <T>(document: OpenAPIDocument, item: ReferenceObject | T): T => {
  if (!item || typeof item !== 'object' || !('$ref' in item) || typeof item.$ref !== 'string') return item as T
  const [, , kind, name] = item.$ref.split('/')
  const components = document.components as unknown as Record<string, Record<string, T>>
  return components[kind]?.[name] as T
}

/** A schema's type in one line: `string (date-time)`, `enum: a, b`, links for components. */
const typeOf = (schema: SchemaObject | undefined): string => {
  if (!schema || !Object.keys(schema).length) return '<span class="type">any</span>'
  if (schema.$ref) return `<a href="#${anchorOf(componentOf(schema.$ref))}">${escape(componentOf(schema.$ref))}</a>`
  const union = schema.oneOf ?? schema.anyOf
  if (union) return union.map(typeOf).join(' | ')
  if (schema.const !== undefined) return `<code>${escape(JSON.stringify(schema.const))}</code>`
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object']).map((type) => {
    if (type === 'array') return `array&lt;${typeOf(schema.items)}&gt;`
    if (type === 'null') return 'null'
    if (schema.enum && type === 'string') {
      const values = schema.enum.filter((value) => value !== null).map((value) => `<code>${escape(String(value))}</code>`)
      return `enum: ${values.join(', ')}`
    }
    const details = [schema.format, schema.pattern ? `/${schema.pattern}/` : undefined].filter(Boolean)
    return `${type}${details.length ? ` (${escape(details.join(', '))})` : ''}`
  })
  return types.join(' | ')
}

/** Inline objects whose properties are worth listing under their parent. */
const nestedObjects = (schema: SchemaObject | undefined): SchemaObject[] => {
  if (!schema) return []
  if (schema.properties) return [schema]
  if (schema.items) return nestedObjects(schema.items)
  return [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].flatMap(nestedObjects)
}

const required = '<span class="required">bắt buộc · <span lang="en">required</span></span>'

/** The properties of an object schema as a nested list; components are linked, not repeated. */
const outline = (schema: SchemaObject | undefined, depth = 0): string => {
  if (!schema) return ''
  if (!schema.properties) return `<p class="type-line">${typeOf(schema)}</p>`
  const items = Object.entries(schema.properties).map(([name, property]) => {
    const nested = depth < 4 ? nestedObjects(property).map((each) => outline(each, depth + 1)).join('') : ''
    return (
      `<li><code>${escape(name)}</code> <span class="type">${typeOf(property)}</span>` +
      `${schema.required?.includes(name) ? ` ${required}` : ''}` +
      `${property.description ? ` — ${inline(property.description)}` : ''}${nested}</li>`
    )
  })
  return `<ul class="outline">${items.join('')}</ul>`
}

const parametersTable = (parameters: ParameterObject[]): string =>
  parameters.length
    ? `<h5>${bilingual('Tham số · Parameters')}</h5>
<table><thead><tr><th>${bilingual('Tên · Name')}</th><th>${bilingual('Vị trí · In')}</th><th>${bilingual('Kiểu · Type')}</th><th>${bilingual('Mô tả · Description')}</th></tr></thead><tbody>
${parameters
  .map(
    (parameter) =>
      `<tr><td><code>${escape(parameter.name)}</code>${parameter.required ? ` ${required}` : ''}</td><td>${parameter.in}</td>` +
      `<td>${typeOf(parameter.schema)}${parameter.schema.default !== undefined ? ` = <code>${escape(JSON.stringify(parameter.schema.default))}</code>` : ''}</td>` +
      `<td>${parameter.description ? inline(parameter.description) : ''}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : ''

const operationId = (operation: OperationObject) => `op-${operation.operationId}`

const renderOperation = (document: OpenAPIDocument, path: string, method: HttpMethod, operation: OperationObject): string => {
  const item = document.paths[path]
  const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((each) => resolve<ParameterObject>(document, each))
  const body = operation.requestBody?.content['application/json']?.schema
  const responses = Object.entries(operation.responses).map(([status, each]) => {
    const response = resolve<ResponseObject>(document, each)
    const schema = response.content?.['application/json']?.schema
    const shape = !schema ? '' : schema.$ref ? ` → ${typeOf(schema)}` : outline(schema)
    return `<dt><code>${status}</code></dt><dd>${bilingual(response.description)}${shape}</dd>`
  })
  return `<article id="${operationId(operation)}" class="operation">
<h4><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h4>
<p class="summary">${bilingual(operation.summary)}</p>
${operation.description ? markdown(operation.description, 5) : ''}
${operation.security?.length === 1 && !Object.keys(operation.security[0]).length ? `<p>${bilingual('Không cần đăng nhập · No sign-in needed')}</p>` : ''}
${parametersTable(parameters)}
${body ? `<h5>${bilingual('Nội dung gửi · Request body')}</h5>${outline(body)}` : ''}
<h5>${bilingual('Phản hồi · Responses')}</h5>
<dl>${responses.join('')}</dl>
</article>`
}

const operationsOf = (document: OpenAPIDocument) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
      const operation = item[method]
      return operation ? [{ method, operation, path }] : []
    }),
  )

const styles = `
body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d2430;background:#fbfbf8}
header,main,nav{max-width:64rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}
h1{margin-bottom:.25rem} h2{border-bottom:2px solid #dfe3ea;padding-bottom:.25rem;margin-top:2.5rem}
h4{margin:0 0 .25rem;font-size:1.05rem} h5{margin:1rem 0 .25rem;font-size:.95rem}
code{font:.9em ui-monospace,monospace;background:#eef1f5;padding:.05em .3em;border-radius:3px}
.operation{border:1px solid #dfe3ea;border-radius:6px;padding:1rem;margin:1rem 0;background:#fff}
.method{display:inline-block;min-width:3.5rem;text-align:center;color:#fff;border-radius:3px;padding:0 .4rem;font-size:.85rem}
.get{background:#1f6f43}.post{background:#2456a6}.put,.patch{background:#8a5a00}.delete{background:#a32121}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #dfe3ea;padding:.3rem .5rem;text-align:left;vertical-align:top}
.type{color:#5a4a8a}.required{color:#a32121;font-size:.8rem}
.outline{margin:.25rem 0;padding-left:1.25rem;font-size:.92rem}
dt{float:left;clear:left;margin-right:.5rem} dd{margin:0 0 .5rem 3.5rem}
nav ul{columns:2;font-size:.92rem}
`

/**
 * The description as one self-contained HTML page: no scripts and nothing from other origins, so
 * it works under the site's Content-Security-Policy and without JavaScript.
 */
export const renderDocsPage = (document: OpenAPIDocument, { specURL }: { specURL: string }): string => {
  const operations = operationsOf(document)
  const byTag = document.tags.map((tag) => ({ tag, operations: operations.filter(({ operation }) => operation.tags?.includes(tag.name)) }))
  const schemes = Object.entries(document.components.securitySchemes)
  const { info } = document
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info.title)} — Tài liệu API · API reference</title>
<style>${styles}</style>
</head>
<body>
<header>
<h1>${escape(info.title)} <small>${escape(info.version)}</small></h1>
<p>${bilingual('Tài liệu API · API reference')}, OpenAPI ${document.openapi}: <a href="${escape(specURL)}" type="application/json">${escape(specURL)}</a></p>
</header>
<nav aria-label="Mục lục">
<h2>${bilingual('Mục lục · Contents')}</h2>
<ul>${byTag
    .filter(({ operations }) => operations.length)
    .map(
      ({ operations, tag }) =>
        `<li>${bilingual(tag.description ?? tag.name)}<ul>${operations
          .map(({ method, operation, path }) => `<li><a href="#${operationId(operation)}">${method.toUpperCase()} ${escape(path)}</a></li>`)
          .join('')}</ul></li>`,
    )
    .join('')}
<li><a href="#${anchorOf('schemas')}">${bilingual('Lược đồ dữ liệu · Schemas')}</a></li></ul>
</nav>
<main>
<section id="gioi-thieu">
<h2>${bilingual('Giới thiệu · About')}</h2>
${markdown(info.description ?? '', 3)}
<p>${bilingual('Máy chủ · Servers')}: ${document.servers.map((server) => `<code>${escape(server.url)}</code>`).join(', ')}</p>
</section>
<section id="xac-thuc">
<h2>${bilingual('Xác thực · Authentication')}</h2>
<table><thead><tr><th>${bilingual('Tên · Name')}</th><th>${bilingual('Cách gửi · How')}</th><th>${bilingual('Mô tả · Description')}</th></tr></thead><tbody>
${schemes
  .map(
    ([name, scheme]) =>
      `<tr><td><code>${escape(name)}</code></td><td>${scheme.type === 'apiKey' ? `${scheme.in} <code>${escape(scheme.name)}</code>` : `http ${escape(scheme.scheme)}`}</td><td>${scheme.description ? inline(scheme.description) : ''}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
</section>
<section id="duong-dan">
<h2>${bilingual('Đường dẫn · Paths')}</h2>
${byTag
  .filter(({ operations }) => operations.length)
  .map(
    ({ operations, tag }) =>
      `<h3>${bilingual(tag.description ?? tag.name)}</h3>\n${operations.map(({ method, operation, path }) => renderOperation(document, path, method, operation)).join('\n')}`,
  )
  .join('\n')}
</section>
<section id="${anchorOf('schemas')}">
<h2>${bilingual('Lược đồ dữ liệu · Schemas')}</h2>
${Object.entries(document.components.schemas)
  .map(
    ([name, schema]) =>
      `<article id="${anchorOf(name)}" class="operation"><h3>${escape(name)}</h3>${schema.description ? `<p>${bilingual(schema.description)}</p>` : ''}${outline(schema)}</article>`,
  )
  .join('\n')}
</section>
</main>
</body>
</html>
`
}
