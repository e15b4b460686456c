// Validates the responses the C++ end-to-end tests recorded
// (LUISTER_E2E_RECORD, tests/e2e/http_client.cc) against docs/openapi.yaml.
// CTest runs it after the e2e suite (openapi_response_contract,
// tests/e2e/response_contract.cmake); by hand:
//   LUISTER_E2E_RECORD=/tmp/r.jsonl build/tests/e2e/luister_e2e_tests --gtest_filter='ApiTest.*:ErrorsTest.*'
//   LUISTER_E2E_RECORDING=/tmp/r.jsonl node --test e2e-contract/
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Contract, readRecording } from './contract.mjs';

const spec = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'openapi.yaml');
const recording = process.env.LUISTER_E2E_RECORDING;

test('recorded end-to-end responses match docs/openapi.yaml', { skip: !recording && 'LUISTER_E2E_RECORDING is not set' }, (t) => {
  const records = readRecording(recording);
  assert.ok(records.length > 0, `${recording} holds no responses: did the e2e tests run with LUISTER_E2E_RECORD?`);
  const contract = new Contract(spec);
  const errors = new Set();
  let skipped = 0;
  for (const rec of records) {
    const r = contract.check(rec);
    if (r.skipped) skipped += 1;
    for (const e of r.errors ?? []) errors.add(e);
  }
  const all = contract.operations();
  const unseen = all.filter((op) => !contract.seen.has(op));
  t.diagnostic(`${records.length} responses, ${skipped} to undocumented routes (404/405) skipped; ` +
    `${all.length - unseen.length} of ${all.length} operations covered`);
  if (unseen.length) t.diagnostic(`not exercised: ${unseen.join(', ')}`);
  if (errors.size) assert.fail(`${errors.size} responses disagree with docs/openapi.yaml:\n  ${[...errors].join('\n  ')}`);
});
