// Promise: nothing outside the app can drive it, and nothing it is sent can break it. Every call in
// the contract, fuzzed with fast-check (seeded, bounded), through the real router on a real library
// and over browser mode's HTTP server: payloads shaped like the call's schema with adversarial
// values swapped in, and plain garbage (wrong types, `__proto__` / `constructor` / `prototype`
// keys, deep nesting, 10 MB strings, NaN and ±Infinity, negative and huge numbers). Every answer
// must be a typed result (ok, or ok:false with a known code and a message), nothing may throw, no
// prototype may be polluted, the library must stay sound and the server must keep answering.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { callNames, contract, type ErrorCode } from '../../shared/contract';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../main/web/server';
import { tempDir, tempLibrary } from '../unit/helpers';
import { fillLibrary } from './support';

const SEED = 0x5eed;
const KNOWN_CODES = new Set<ErrorCode>(['unknown_call', 'invalid_input', 'not_found', 'conflict', 'unsupported', 'too_large', 'damaged', 'unreachable', 'internal']);
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const TEN_MB_WORDS = 'Seoul Tokyo labor talks '.repeat((10 * 1024 * 1024) / 24);

const adversarialKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', 'polluted', 'id', 'name', 'doc', 'type', 'content', ''];
const adversarialNumbers = [Number.NaN, Infinity, -Infinity, -1, 0, -0, 0.5, -1e308, 1e308, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, 1e9, 1e9 + 1];
const adversarialStrings = ['', ' ', '\u0000', '\uFFFF', '\uD800', 'null', 'undefined', '__proto__', 'javascript:alert(1)', '<script>window.__xss=1</script>', '../../etc/passwd', "'; DROP TABLE articles; --", '"*"', 'NEAR(a b)', 'a OR b AND NOT c', '-', '#zzzzzz', '2020-13-45', '9999-99-99', 'https://', 'http://x'.repeat(300), '\u202E\u0041', '🧨'.repeat(1000)];

/** Adversarial values of every kind, the big ones rarely. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...adversarialNumbers) },
  { weight: 5, arbitrary: fc.constantFrom(...adversarialStrings) },
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, key: fc.oneof(fc.string(), fc.constantFrom(...adversarialKeys)), withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }) },
  { weight: 1, arbitrary: fc.constantFrom(TEN_MB, TEN_MB_WORDS) },
  { weight: 1, arbitrary: fc.constant(deep(1000)) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, [[]], Object.create(null)) },
);

function deep(levels: number): unknown {
  let v: unknown = { type: 'paragraph' };
  for (let i = 0; i < levels; i++) v = { type: 'doc', content: [v], attrs: { id: i } };
  // fast-check prints a failing input recursively; give it a short name instead.
  return Object.defineProperty(v as object, fc.toStringMethod, { value: () => `<doc nested ${levels} levels>`, enumerable: false });
}

/** Values the call's schema would accept (roughly), so fuzzing reaches past validation into the services. */
function plausible(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const s = schema as unknown as { def: { type: string; valueType?: z.ZodType }; unwrap(): z.ZodType; element: z.ZodType; shape: Record<string, z.ZodType>; options: string[] };
  switch (s.def.type) {
    case 'optional':
      return fc.option(plausible(s.unwrap(), depth), { nil: undefined });
    case 'nullable':
      return fc.option(plausible(s.unwrap(), depth), { nil: null });
    case 'enum':
      return fc.constantFrom(...s.options);
    case 'number':
      return fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(...adversarialNumbers));
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.oneof(
        fc.constantFrom('Kim Jung Han', 'Wartime labor compensation', '2020-10-29', 'https://example.com/a', '#aa3366', 'sincerity', 'pasted text', 'note.md', 'page.html', 'a.txt'),
        fc.string({ maxLength: 40 }),
        fc.constantFrom(...adversarialStrings),
      );
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(plausible(s.element, depth + 1), { maxLength: 3 });
    case 'object': {
      const entries = Object.entries(s.shape).map(([k, v]) => [k, plausible(v, depth + 1)] as const);
      return fc.record(Object.fromEntries(entries), { requiredKeys: [] });
    }
    case 'record':
      return fc.oneof(fc.constant(briefingLike()), fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }));
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

const briefingLike = () => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fuzzed paragraph.' }] }] });

/** A plausible input, then maybe one field swapped for something nasty, an extra key, or a poisoned key. */
function inputFor(name: (typeof callNames)[number]): fc.Arbitrary<unknown> {
  const base = plausible(contract[name].input as z.ZodType);
  return fc.oneof(
    { weight: 3, arbitrary: base },
    {
      weight: 4,
      arbitrary: fc.tuple(base, fc.constantFrom(...Object.keys((contract[name].input as unknown as { shape: object }).shape), ...adversarialKeys), nasty).map(([b, key, value]) => {
        const o = { ...(b as object) } as Record<string, unknown>;
        // defineProperty, so "__proto__" becomes an own key the way JSON.parse makes it.
        Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
        return o;
      }),
    },
    { weight: 2, arbitrary: nasty },
  );
}

function assertTyped(r: unknown, where: string) {
  expect(r, where).toBeTypeOf('object');
  const res = r as { ok: unknown; value?: unknown; error?: { code: ErrorCode; message: unknown } };
  expect(typeof res.ok, where).toBe('boolean');
  if (!res.ok) {
    expect(KNOWN_CODES.has(res.error!.code), `${where}: code ${res.error?.code}`).toBe(true);
    expect(typeof res.error!.message, where).toBe('string');
  }
}

const protoSnapshot = () => [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join());

function expectNoPollution(before: string[]) {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(protoSnapshot()).toEqual(before);
}

const safeLabel = (v: unknown) => {
  try {
    const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'string' && x.length > 60 ? `${x.slice(0, 60)}…(${x.length})` : x));
    return (s ?? String(v)).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(v);
  }
};

describe('contract fuzzing', () => {
  it('through the router on a real library: every call, typed answers only, no pollution', async () => {
    const t = await tempLibrary();
    await fillLibrary(t.services, undefined, 5);
    const before = protoSnapshot();
    const internals: string[] = [];
    let calls = 0;
    let ok = 0;
    for (const [i, name] of callNames.entries()) {
      await fc.assert(
        fc.asyncProperty(inputFor(name), async (input) => {
          calls++;
          let r;
          try {
            r = await t.router(name, input);
          } catch (err) {
            throw new Error(`${name} threw for ${safeLabel(input)}: ${(err as Error).stack}`, { cause: err });
          }
          assertTyped(r, `${name} ${safeLabel(input)}`);
          if (r.ok) ok++;
          else if (r.error.code === 'internal') internals.push(`${name} ${safeLabel(input)} -> ${r.error.message.slice(0, 200)}`);
        }),
        { seed: SEED + i, numRuns: 80, endOnFailure: true },
      );
    }
    // And the router's own door: names that are not calls.
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'articles.list ', 'ARTICLES.LIST', 'x'.repeat(10_000)]) {
      calls++;
      expect(await t.router(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
    expectNoPollution(before);
    expect(t.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await t.router('articles.list', {})).toMatchObject({ ok: true });
    console.log(`[reliability] contract-fuzz router: ${JSON.stringify({ callNames: callNames.length, calls, ok, internal: internals.length })}`);
    for (const line of internals.slice(0, 10)) console.log(`  internal: ${line}`);
    expect(internals, 'an internal error is a bug: the service should refuse with a typed code').toEqual([]);
  }, 180_000);

  it('over HTTP: every call with random and hostile bodies, and the server keeps answering', async () => {
    const t = await tempLibrary();
    await fillLibrary(t.services, undefined, 5);
    const rendererDir = path.join(tempDir(), 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Verbatim</title>');
    const server = await startWebServer({ router: t.router, rendererDir, port: 0 });
    const before = protoSnapshot();
    let calls = 0;
    const statuses = new Map<number, number>();
    const internals: string[] = [];
    try {
      const send = async (name: string, body: string, headers: Record<string, string> = {}) => {
        calls++;
        const r = await post(server, `/api/${name}`, body, headers);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        expect([200, 400, 401, 404, 405, 409, 413, 415, 500, 502, 503], `${name} ${body.slice(0, 100)}`).toContain(r.status);
        if (r.status !== 401 && r.status !== 413) {
          const parsed = JSON.parse(r.body) as unknown;
          assertTyped(parsed, `${name} ${body.slice(0, 200)}`);
          const res = parsed as { ok: boolean; error?: { code: string; message: string } };
          if (!res.ok && res.error!.code === 'internal') internals.push(`${name} ${body.slice(0, 200)} -> ${res.error!.message.slice(0, 200)}`);
        }
        return r;
      };
      const json = (v: unknown) => {
        try {
          return JSON.stringify(v) ?? 'null';
        } catch {
          return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) ?? 'null';
        }
      };

      for (const [i, name] of callNames.entries()) {
        await fc.assert(
          fc.asyncProperty(inputFor(name), async (input) => {
            await send(name, json(input));
          }),
          { seed: SEED + 1000 + i, numRuns: 12, endOnFailure: true },
        );
      }

      // Bodies a JSON serializer would never write.
      const nested = (n: number, open: string, close: string) => open.repeat(n) + close.repeat(n);
      const hostile = [
        nested(10_000, '[', ']'),
        `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
        `{"id":1,"doc":${'{"type":"doc","content":['.repeat(3000)}{"type":"paragraph"}${']}'.repeat(3000)}}`,
        '{"__proto__":{"polluted":true},"id":1}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"id":1,"id":2}',
        '{"id":NaN}',
        '{"id":Infinity}',
        '{"id":1e400}',
        '{"id":-0}',
        '{"query":"\\ud800"}',
        '',
        'null',
        '[]',
        '"string"',
        '{',
        '\u0000',
        `{"query":"${'x'.repeat(TEN_MB.length)}"}`,
        // One byte over the 10 MB limit for text: the body passes (a PDF may be 50 MB), the service refuses it by size.
        `{"file":"big.txt","encoding":"base64","data":"${Buffer.alloc(10 * 1024 * 1024 + 1, 65).toString('base64')}"}`,
      ];
      for (const name of callNames) {
        for (const body of hostile.slice(0, 11)) await send(name, body);
      }
      for (const body of hostile) await send('articles.import', body);
      for (const body of hostile) await send('articles.updateText', body);
      // NaN and Infinity become null over HTTP.
      await send('articles.get', JSON.stringify({ id: Number.NaN }));
      await send('search.query', JSON.stringify({ query: 'labor', limit: Infinity }));
      // Without the token, every call is refused before it runs.
      for (const name of callNames) expect((await send(name, '{}', { [TOKEN_HEADER]: '' })).status).toBe(401);

      const last = await send('articles.list', '{}');
      expect(last.status).toBe(200);
      expect(JSON.parse(last.body)).toMatchObject({ ok: true });
      expectNoPollution(before);
      expect(t.lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await server.close();
    }
    console.log(`[reliability] contract-fuzz http: ${JSON.stringify({ calls, statuses: Object.fromEntries(statuses), internal: internals.length })}`);
    for (const line of internals.slice(0, 10)) console.log(`  internal: ${line}`);
    expect(internals, 'an internal error is a bug: the service should refuse with a typed code').toEqual([]);
  }, 180_000);
});

function post(server: WebServer, p: string, body: string, headers: Record<string, string>) {
  const url = new URL(server.origin);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: 'POST', path: p, agent: false, headers: { host: url.host, 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: data }));
      },
    );
    req.on('error', reject);
    req.on('socket', (socket) => socket.on('error', () => {}));
    req.end(body);
  });
}
