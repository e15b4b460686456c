// Starts the real `luister` binary for the browser tests and the web
// benchmarks: a temporary directory with a migrated SQLite database (or a
// fresh PostgreSQL database, see below), the demo desk loaded into it, and
// `luister serve` on a free loopback port serving the built web app. stop()
// ends the server and removes the directory and the database.
//
// Environment:
//   LUISTER_BIN      the luister binary (required; CTest passes it)
//   LUISTER_WEB_DIR  the built web app (default: web/dist next to this folder)
//   LUISTER_TEST_PG_DIR  the PostgreSQL test cluster's directory
//                    (scripts/pg_test_cluster.sh): each server gets a fresh
//                    database in it, dropped by stop(). CTest runs the browser
//                    tests once on SQLite and once like this.
// No other LUISTER_* variable reaches the child processes, so a developer's
// shell settings cannot change what the tests run against.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADMIN = { email: 'admin@luister.local', password: 'welkom-bij-luister', name: 'Luister Admin' };

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_DIR = path.resolve(here, '../../dist');

function luisterBinary() {
  const bin = process.env.LUISTER_BIN;
  if (!bin) throw new Error('LUISTER_BIN is not set: point it at the built server, e.g. LUISTER_BIN=build/luister');
  if (!existsSync(bin)) throw new Error(`LUISTER_BIN=${bin} does not exist; build it first (make build)`);
  return path.resolve(bin);
}

function webDir() {
  const dir = path.resolve(process.env.LUISTER_WEB_DIR ?? DEFAULT_WEB_DIR);
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing; build the web app first (make web, or npm run build in web/)`);
  }
  return dir;
}

function childEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LUISTER_')));
}

/** Runs `luister <args>` to completion; rejects with its output when it fails. */
export function runLuister(args) {
  const bin = luisterBinary();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`luister ${args[0]} failed (${signal ?? `exit ${code}`}):\n${out}`));
    });
  });
}

let databases = 0;

/**
 * A fresh database in the PostgreSQL test cluster when
 * LUISTER_TEST_PG_DIR is set: { url, drop() }; null otherwise.
 */
function postgresDatabase() {
  const clusterDir = process.env.LUISTER_TEST_PG_DIR;
  if (!clusterDir) return null;
  const port = readFileSync(path.join(clusterDir, 'port'), 'utf8').trim();
  const name = `browser_${process.pid}_${databases++}`;
  const psql = (sql) =>
    execFileSync('psql', ['-h', '127.0.0.1', '-p', port, '-U', 'luister', '-d', 'luister', '-v', 'ON_ERROR_STOP=1', '-qc', sql],
      { stdio: ['ignore', 'ignore', 'pipe'] });
  psql(`CREATE DATABASE ${name}`);
  return {
    url: `postgres://luister@127.0.0.1:${port}/${name}`,
    drop: () => {
      try {
        psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // the cluster is thrown away after the run anyway
      }
    },
  };
}

/**
 * Starts a server with a fresh demo desk. `customers` and `conversations` size
 * the demo (the defaults load in about a second).
 */
export async function startLuister({ customers = 80, conversations = 400, threads = 2 } = {}) {
  const bin = luisterBinary();
  const web = webDir();
  const dir = await mkdtemp(path.join(tmpdir(), 'luister-web-'));
  const pg = postgresDatabase();
  const db = pg ? pg.url : `sqlite:${dir}/luister.db`;
  const cleanUp = () => {
    rmSync(dir, { recursive: true, force: true });
    pg?.drop();
  };
  try {
    await runLuister(['migrate', '--db', db]);
    await runLuister(['demo', '--db', db, '--customers', String(customers), '--conversations', String(conversations),
      '--admin-password', ADMIN.password]);
  } catch (e) {
    cleanUp();
    throw e;
  }

  // --data-dir: the server's own files (the secret key that seals mailbox
  // passwords) go to the temporary directory, not the working directory.
  const child = spawn(bin, ['serve', '--db', db, '--data-dir', dir, '--listen', '127.0.0.1:0', '--web-dir', web, '--threads', String(threads)],
    { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  // Never leave a server behind: not when this process exits early, nor when
  // it is interrupted or terminated (e.g. by a test timeout).
  const killChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    cleanUp();
  };
  const onSignal = (signal) => {
    killChild();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('exit', killChild);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  void exited.then(() => {
    process.off('exit', killChild);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });

  // The server logs "... on http://127.0.0.1:PORT" once it listens.
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`luister serve did not start within 20 s:\n${log}`)), 20_000);
    const onData = (d) => {
      log += d;
      const m = /on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`luister serve exited with ${code}:\n${log}`));
    });
  }).catch(async (e) => {
    child.kill('SIGKILL');
    await exited;
    cleanUp();
    throw e;
  });

  return {
    url: `http://127.0.0.1:${port}`,
    db,
    dir,
    log: () => log,
    /** SIGTERM (SIGKILL after 10 s), then removes the directory; resolves to the exit code (or the signal's name). */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(kill);
      cleanUp();
      return code;
    },
  };
}
