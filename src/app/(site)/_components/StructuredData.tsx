import { type JsonLd, jsonLdScript } from '@/site/structuredData.js'

/** A schema.org description of the page for search engines and other sites. */
export function StructuredData({ data }: { data: JsonLd }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(data) }} />
}
