// Checks recorded HTTP responses against docs/openapi.yaml: the route and
// method are documented, the status code is documented for the operation,
// the content type is documented for that status, the JSON body is valid
// against the documented schema, and it has no member the schema does not
// name (unless the schema allows additionalProperties). The spec is OpenAPI 3.0, whose schemas are
// not quite JSON Schema; toJsonSchema() converts what differs (`nullable`,
// boolean `exclusiveMinimum`/`exclusiveMaximum`, annotation-only keywords).
import fs from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const SPEC_ID = 'openapi.json';
const ANNOTATIONS = new Set(['example', 'examples', 'discriminator', 'xml', 'externalDocs']);

/** An OpenAPI 3.0 schema (or any part of the document) as JSON Schema draft-07. */
export function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key === 'nullable') continue;
    // Property names are data, not keywords: keep them even when they are
    // called "example" or "nullable".
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  for (const [bool, limit] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']]) {
    if (typeof out[bool] === 'boolean') {
      if (out[bool] && limit in out) {
        out[bool] = out[limit];
        delete out[limit];
      } else {
        delete out[bool];
      }
    }
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.$ref || out.allOf || out.oneOf || out.anyOf) {
      // A `$ref` with siblings is ignored in draft-07; wrap it instead.
      const { description, ...rest } = out;
      return { ...(description ? { description } : {}), anyOf: [rest, { type: 'null' }] };
    }
  }
  return out;
}

function pointerEscape(s) {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function resolveLocal(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported: ${ref}`);
  let node = doc;
  const path = [];
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[part];
    path.push(raw);
  }
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return { node, pointer: '/' + path.join('/') };
}

export class Contract {
  /** @param {string} specPath docs/openapi.yaml */
  constructor(specPath) {
    const doc = YAML.parse(fs.readFileSync(specPath, 'utf8'));
    if (!/^3\.0\./.test(String(doc.openapi))) {
      throw new Error(`expected OpenAPI 3.0.x (nullable is converted), got ${doc.openapi}`);
    }
    this.doc = doc;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv, ['date-time', 'uri', 'email']);
    for (const f of ['int64', 'int32', 'double', 'float', 'password', 'luister', 'binary']) this.ajv.addFormat(f, true);
    this.ajv.addSchema({ ...toJsonSchema(doc), $id: SPEC_ID });
    this.routes = Object.entries(doc.paths).map(([template, item]) => ({
      template,
      item,
      params: (template.match(/\{/g) ?? []).length,
      regex: new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+') + '$'),
    }));
    // Literal segments win over parameters (/customers/lookup before /customers/{id}).
    this.routes.sort((a, b) => a.params - b.params);
    this.validators = new Map();
    this.seen = new Set();
  }

  route(path) {
    return this.routes.find((r) => r.regex.test(path)) ?? null;
  }

  /** Every documented operation, as "METHOD /template". */
  operations() {
    const out = [];
    for (const r of this.routes)
      for (const m of Object.keys(r.item))
        if (['get', 'put', 'post', 'delete', 'patch'].includes(m)) out.push(`${m.toUpperCase()} ${r.template}`);
    return out;
  }

  validator(pointer) {
    let v = this.validators.get(pointer);
    if (!v) {
      v = this.ajv.getSchema(`${SPEC_ID}#${pointer}`);
      if (!v) throw new Error(`no schema at ${pointer}`);
      this.validators.set(pointer, v);
    }
    return v;
  }

  /** JSON pointers of object members in `data` that `schema` does not name. */
  undocumented(schema, data, at) {
    while (schema?.$ref) schema = resolveLocal(this.doc, schema.$ref).node;
    if (!schema || data === null || typeof data !== 'object') return [];
    if (Array.isArray(data)) return schema.items ? data.flatMap((d, i) => this.undocumented(schema.items, d, `${at}/${i}`)) : [];
    const parts = [schema, ...(schema.allOf ?? [])].map((p) => {
      while (p?.$ref) p = resolveLocal(this.doc, p.$ref).node;
      return p;
    });
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives) {
      // The first alternative that documents every member, if any.
      const found = alternatives.map((a) => this.undocumented(a, data, at));
      return found.find((f) => f.length === 0) ?? found[0];
    }
    const open = parts.some((p) => p.additionalProperties !== undefined && p.additionalProperties !== false);
    const properties = Object.assign({}, ...parts.map((p) => p.properties ?? {}));
    if (!parts.some((p) => p.properties)) return [];
    const out = [];
    for (const [key, value] of Object.entries(data)) {
      const here = `${at}/${pointerEscape(key)}`;
      if (key in properties) out.push(...this.undocumented(properties[key], value, here));
      else if (!open) out.push(here);
    }
    return out;
  }

  /**
   * Checks one recorded response. Returns { skipped: reason } for requests
   * the spec need not describe (an unknown path or method answered 404/405),
   * else { errors: [...] } with one line per mismatch.
   */
  check(rec) {
    const where = `${rec.method} ${rec.path} -> ${rec.status}`;
    const route = this.route(rec.path);
    if (!route) {
      if (rec.status === 404 || rec.status === 405) return { skipped: 'no such route' };
      return { errors: [`${where}: the path matches no documented route`] };
    }
    const method = rec.method.toLowerCase();
    const op = route.item[method];
    const name = `${rec.method} ${route.template}`;
    if (!op) {
      if (rec.status === 404 || rec.status === 405) return { skipped: 'method not served' };
      return { errors: [`${name} -> ${rec.status}: the method is not documented for this path`] };
    }
    this.seen.add(name);
    const base = `/paths/${pointerEscape(route.template)}/${method}/responses`;
    const status = String(rec.status);
    const key = status in op.responses ? status : `${status[0]}XX` in op.responses ? `${status[0]}XX` : 'default' in op.responses ? 'default' : null;
    if (!key) {
      return { errors: [`${name} -> ${rec.status}: status ${rec.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`] };
    }
    let response = op.responses[key];
    let pointer = `${base}/${pointerEscape(key)}`;
    if (response.$ref) ({ node: response, pointer } = resolveLocal(this.doc, response.$ref));
    const mediaType = (rec.content_type ?? '').split(';')[0].trim().toLowerCase();
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) {
      if (rec.body !== null && rec.body !== undefined) {
        return { errors: [`${name} -> ${rec.status}: the response has a ${mediaType} body, but the spec documents none`] };
      }
      return { errors: [] };
    }
    // An exact media type, or a range the spec allows ("image/*", "*/*":
    // a download of whatever type the file has).
    const documented = [mediaType, `${mediaType.split('/')[0]}/*`, '*/*'].find((k) => k in content);
    if (!documented) {
      return { errors: [`${name} -> ${rec.status}: content type "${mediaType}" is not documented (documented: ${Object.keys(content).join(', ')})`] };
    }
    if (rec.body_error) return { errors: [`${name} -> ${rec.status}: ${rec.body_error}`] };
    const media = content[documented];
    if (!media.schema || !documented.includes('json')) return { errors: [] };
    const schemaPointer = `${pointer}/content/${pointerEscape(documented)}/schema`;
    const validate = this.validator(schemaPointer);
    if (validate(rec.body)) {
      // Valid, but a field the spec does not name is drift too: the
      // generated web types would not know it.
      const schema = resolveLocal(this.doc, `#${schemaPointer}`).node;
      return { errors: this.undocumented(schema, rec.body, '').map((p) => `${name} -> ${rec.status}: at ${p} the field is not documented`) };
    }
    return {
      errors: validate.errors.map((e) => {
        const detail = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
        return `${name} -> ${rec.status}: at ${e.instancePath || '/'} ${e.message}${detail} (schema ${e.schemaPath})`;
      }),
    };
  }
}

/** The records of a LUISTER_E2E_RECORD file, one JSON object a line. */
export function readRecording(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not JSON: ${e.message}`);
      }
    });
}
