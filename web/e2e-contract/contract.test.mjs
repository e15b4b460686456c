// The checker itself: it must accept what the spec describes and name the
// route, status, JSON pointer and reason of what it does not.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Contract, toJsonSchema } from './contract.mjs';

const spec = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'openapi.yaml');
const contract = new Contract(spec);

const user = {
  id: 1, email: 'a@example.org', name: 'A', role: 'agent', language: 'en', department_id: null, active: true,
  created_at: '2026-11-27T09:00:00.000Z',
};
const session = { user, permissions: ['read_customers'], via: 'session', csrf_token: 'c' };
const get = (p, status, body, type = 'application/json') => ({ method: 'GET', path: p, status, content_type: type, body });

test('nullable becomes a null type, a null enum value or an anyOf', () => {
  assert.deepEqual(toJsonSchema({ type: 'integer', nullable: true }), { type: ['integer', 'null'] });
  assert.deepEqual(toJsonSchema({ type: 'string', enum: ['a'], nullable: true }), { type: ['string', 'null'], enum: ['a', null] });
  assert.deepEqual(toJsonSchema({ $ref: '#/x', nullable: true }), { anyOf: [{ $ref: '#/x' }, { type: 'null' }] });
  assert.deepEqual(toJsonSchema({ type: 'integer', minimum: 0, exclusiveMinimum: true }), { type: 'integer', exclusiveMinimum: 0 });
  assert.deepEqual(toJsonSchema({ properties: { example: { type: 'string', example: 'x' } } }), { properties: { example: { type: 'string' } } });
});

test('a documented response passes', () => {
  assert.deepEqual(contract.check(get('/api/v1/session', 200, session)).errors, []);
  const notFound = contract.check(get('/api/v1/users/7', 404, { type: 'about:blank', title: 'Not found', status: 404, detail: 'x' }, 'application/problem+json'));
  assert.deepEqual(notFound, { errors: [] });
});

test('a missing required field, a wrong type and a wrong enum value are named with their JSON pointer', () => {
  const noPermissions = { ...session, permissions: undefined };
  const [missing] = contract.check(get('/api/v1/session', 200, noPermissions)).errors;
  assert.match(missing, /^GET \/api\/v1\/session -> 200: at \/ must have required property 'permissions'/);
  const [type] = contract.check(get('/api/v1/session', 200, { ...session, user: { ...user, id: '1' } })).errors;
  assert.match(type, /at \/user\/id must be integer/);
  const [value] = contract.check(get('/api/v1/session', 200, { ...session, permissions: ['fly'] })).errors;
  assert.match(value, /at \/permissions\/0 must be equal to one of the allowed values/);
  const [nulled] = contract.check(get('/api/v1/session', 200, { ...session, user: { ...user, name: null } })).errors;
  assert.match(nulled, /at \/user\/name must be string/);
});

test('a member the spec does not name is reported, also inside arrays and allOf', () => {
  const [extra] = contract.check(get('/api/v1/session', 200, { ...session, user: { ...user, nickname: 'a' } })).errors;
  assert.match(extra, /GET \/api\/v1\/session -> 200: at \/user\/nickname the field is not documented/);
  const token = { id: 1, user_id: 1, name: 't', prefix: 'lst_', created_at: user.created_at, last_used_at: null, revoked_at: null };
  const created = { method: 'POST', path: '/api/v1/api-tokens', status: 201, content_type: 'application/json' };
  assert.deepEqual(contract.check({ ...created, body: { ...token, token: 'secret' } }).errors, []);
  assert.match(contract.check({ ...created, body: { ...token, token: 'secret', owner: 1 } }).errors[0], /at \/owner the field is not documented/);
  const list = get('/api/v1/users', 200, { items: [user, { ...user, extra: true }] });
  assert.match(contract.check(list).errors[0], /at \/items\/1\/extra the field is not documented/);
});

test('an undocumented status or content type fails; unknown routes answered 404 are skipped', () => {
  const [status] = contract.check(get('/api/v1/session', 418, {})).errors;
  assert.match(status, /GET \/api\/v1\/session -> 418: status 418 is not documented/);
  const [type] = contract.check(get('/api/v1/session', 200, session, 'text/html')).errors;
  assert.match(type, /content type "text\/html" is not documented/);
  assert.equal(contract.check(get('/api/v1/nothing-here', 404, null)).skipped, 'no such route');
  assert.match(contract.check(get('/api/v1/nothing-here', 200, {})).errors[0], /matches no documented route/);
});

test('a documented media range takes any type of its kind', () => {
  // Attachments are downloads of whatever type the file has ("*/*").
  const pdf = get('/api/v1/attachments/3', 200, null, 'application/pdf');
  assert.deepEqual(contract.check(pdf).errors, []);
});

test('literal path segments win over parameters', () => {
  assert.equal(contract.route('/api/v1/customers/lookup').template, '/api/v1/customers/lookup');
  assert.equal(contract.route('/api/v1/customers/12').template, '/api/v1/customers/{id}');
});
