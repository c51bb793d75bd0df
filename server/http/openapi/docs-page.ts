// Renders the OpenAPI document as one plain HTML page (no scripts, no CDN): operations grouped by tag
// with their parameters, bodies and answers, and every named schema, linked by anchors.
import { COMPONENTS, type JsonSchema } from './convert.js';

type Doc = {
  info: { title: string; version: string; description?: string };
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { description?: string; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema?: JsonSchema }> } | { $ref: string }
  >;
};

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The little Markdown the descriptions use: `code` and **bold**. */
const md = (s: string) =>
  esc(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');

const schemaLink = (ref: string) => {
  const name = ref.slice(COMPONENTS.length);
  return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
};

/** A one-line summary of a parameter's schema: type, allowed values, range, default. */
function typeText(s: JsonSchema | undefined): string {
  if (!s) return '';
  if (typeof s.$ref === 'string') return schemaLink(s.$ref);
  const parts: string[] = [];
  if (s.type === 'array') {
    const items = s.items as JsonSchema | undefined;
    parts.push(
      Array.isArray(s.prefixItems)
        ? `list of ${s.prefixItems.length} numbers, comma-separated`
        : `comma-separated list of ${typeText(items) || 'values'}`,
    );
  } else if (typeof s.type === 'string') parts.push(esc(s.type));
  if (Array.isArray(s.enum))
    parts.push(`one of ${s.enum.map((v) => `<code>${esc(String(v))}</code>`).join(', ')}`);
  // A format (date-time, uuid) says it better than zod's long pattern for it.
  if (typeof s.pattern === 'string' && !s.format) parts.push(`pattern <code>${esc(s.pattern)}</code>`);
  if (s.minimum !== undefined || s.maximum !== undefined)
    parts.push(`${s.minimum ?? '…'} to ${Number(s.maximum) > 1e15 ? '…' : (s.maximum ?? '…')}`);
  if (s.format) parts.push(esc(String(s.format)));
  if (s.default !== undefined) parts.push(`default <code>${esc(JSON.stringify(s.default))}</code>`);
  return parts.join('; ');
}

/** A schema as indented JSON with its $refs as links. */
const schemaBlock = (s: unknown) =>
  `<pre>${esc(JSON.stringify(s, null, 2)).replace(/&quot;(#\/components\/schemas\/[\w-]+)&quot;/g, (_m, ref: string) => `"${schemaLink(ref)}"`)}</pre>`;

function contentText(content: Record<string, { schema?: JsonSchema }> | undefined): string {
  if (!content) return '';
  return Object.entries(content)
    .map(([type, media]) => {
      const s = media.schema;
      const what =
        s && typeof s.$ref === 'string'
          ? schemaLink(s.$ref)
          : s && s.type !== 'string'
            ? schemaBlock(s)
            : 'file';
      return `<div><code>${esc(type)}</code>: ${what}</div>`;
    })
    .join('');
}

function operationHtml(method: string, path: string, op: Operation, doc: Doc): string {
  const params = op.parameters?.length
    ? `<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>about</th></tr></thead><tbody>${op.parameters
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code>${p.required ? ' <em>required</em>' : ''}</td><td>${esc(p.in)}</td><td>${typeText(p.schema)}</td><td>${md(p.description ?? '')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const body = op.requestBody
    ? `<h4>Request body</h4>${op.requestBody.description ? `<p>${md(op.requestBody.description)}</p>` : ''}${contentText(op.requestBody.content)}`
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const resolved =
        '$ref' in r
          ? (
              doc as unknown as {
                components: {
                  responses: Record<
                    string,
                    { description: string; content?: Record<string, { schema?: JsonSchema }> }
                  >;
                };
              }
            ).components.responses[r.$ref.split('/').pop() as string]
          : r;
      return `<tr><td>${esc(status)}</td><td>${md(resolved?.description ?? '')}</td><td>${contentText(resolved?.content)}</td></tr>`;
    })
    .join('');
  return `<section class="op" id="op-${esc(op.operationId)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${md(op.summary)}</p>${(op.description ?? '')
    .split('\n\n')
    .map((p) => `<p>${md(p)}</p>`)
    .join('')}
${params}${body}<h4>Answers</h4><table><thead><tr><th>status</th><th>meaning</th><th>content</th></tr></thead><tbody>${responses}</tbody></table>
</section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#1d2733}
h2{border-bottom:2px solid #cfd8e3;margin-top:2.5rem}h3{margin-bottom:.2rem}code,pre{font:13px/1.4 ui-monospace,monospace}
pre{background:#f4f6f9;padding:.6rem;overflow:auto;max-height:28rem}table{border-collapse:collapse;margin:.4rem 0;width:100%}
td,th{border:1px solid #d5dce5;padding:.25rem .5rem;text-align:left;vertical-align:top}.m{border-radius:3px;color:#fff;padding:0 .4rem}
.get{background:#2b6cb0}.post{background:#2f855a}.put,.patch{background:#b7791f}.delete{background:#c53030}
.op{border-top:1px solid #e2e8f0;padding-top:.5rem}nav ul{columns:2}`;

export function renderDocsPage(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op, doc)]);
      toc.set(tag, [
        ...(toc.get(tag) ?? []),
        `<li><a href="#op-${esc(op.operationId)}">${esc(method.toUpperCase())} ${esc(path)}</a></li>`,
      ]);
    }
  const sections = doc.tags
    .map(
      (t) =>
        `<h2 id="tag-${esc(t.name.replace(/\W+/g, '-'))}">${esc(t.name)}</h2><p>${md(t.description ?? '')}</p>${(byTag.get(t.name) ?? []).join('\n')}`,
    )
    .join('\n');
  const nav = doc.tags
    .map((t) => `<h4>${esc(t.name)}</h4><ul>${(toc.get(t.name) ?? []).join('')}</ul>`)
    .join('');
  const schemas = Object.entries(doc.components.schemas)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, s]) => `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${schemaBlock(s)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}</title><style>${STYLE}</style></head>
<body><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${md(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="openapi.json">/api/openapi.json</a> (OpenAPI 3.1; JSON Schema 2020-12).</p>
<nav>${nav}</nav>
${sections}
<h2 id="schemas">Schemas</h2>
${schemas}
</body></html>`;
}
