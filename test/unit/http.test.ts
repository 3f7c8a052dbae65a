// The network backends' JSON client: backoff, Retry-After, which URLs are refused, ETags, and that a
// token goes to the origin it was set for and nowhere else.

import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { JsonClient, isLoopbackHost, nextRetryDelay, parseRetryAfter, redactSecret, refuseBaseUrl } from '../../server/src/backends/http';

const TOKEN = 'user:9f8e7d6c5b4a-secret';

describe('nextRetryDelay', () => {
  const cases: Array<[attempt: number, random: number, expected: number]> = [
    [1, 0, 500],
    [1, 0.5, 750],
    [2, 0, 1_000],
    [3, 0.5, 3_000],
    [9, 0, 128_000],
    [20, 0, 150_000],
    [20, 0.999999, 300_000],
  ];
  for (const [attempt, random, expected] of cases) {
    it(`attempt ${attempt}, random ${random}: ${expected} ms`, () => assert.equal(nextRetryDelay(attempt, random), expected));
  }
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T08:00:00Z');
  const cases: Array<[header: string | null, expected: number | undefined]> = [
    ['30', 30_000],
    ['0', 0],
    ['Tue, 24 Nov 2026 08:00:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 07:59:00 GMT', 0],
    // A wait past an hour is an hour: past 2^31 - 1 ms a timer would fire at once, again and again.
    ['999999999999', 3_600_000],
    ['Fri, 24 Nov 2028 08:00:00 GMT', 3_600_000],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected}`, () => assert.equal(parseRetryAfter(header, now), expected));
  }
});

describe('which base URLs are allowed', () => {
  const loopback: Array<[host: string, expected: boolean]> = [
    ['localhost', true], ['127.0.0.1', true], ['127.1.2.3', true], ['[::1]', true], ['flags.localhost', true],
    ['10.0.0.1', false], ['unleash.example.com', false], ['127.0.0.1.nip.io', false],
  ];
  for (const [host, expected] of loopback) {
    it(`${host} is ${expected ? '' : 'not '}loopback`, () => assert.equal(isLoopbackHost(host), expected));
  }

  const urls: Array<[url: string, refusal: string | undefined]> = [
    ['https://unleash.example.com', undefined],
    ['http://localhost:4242', undefined],
    ['http://127.0.0.1:4242/unleash', undefined],
    ['http://unleash.example.com', 'refused: http:// to unleash.example.com would send flag data and the token unencrypted; use https://'],
    ['ftp://unleash.example.com', 'refused: ftp:// is not supported; use https://'],
    ['unleash.example.com', "refused: 'unleash.example.com' is not a URL"],
  ];
  for (const [url, refusal] of urls) {
    it(`${url}: ${refusal ?? 'allowed'}`, () => assert.equal(refuseBaseUrl(url), refusal));
  }

  it('masks a secret wherever it occurs', () => {
    assert.equal(redactSecret(`a ${TOKEN} b ${TOKEN}`, TOKEN), 'a *** b ***');
    assert.equal(redactSecret('nothing here', undefined), 'nothing here');
  });
});

interface Loopback {
  url: string;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

async function startLoopback(listener: RequestListener): Promise<Loopback> {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    listener(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('JsonClient', () => {
  let service: Loopback;
  let elsewhere: Loopback;
  before(async () => {
    elsewhere = await startLoopback((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"elsewhere": true}');
    });
    service = await startLoopback((request, response) => {
      if (request.url === '/moved') {
        response.writeHead(302, { Location: `${elsewhere.url}/api` });
        return void response.end();
      }
      if (request.url === '/fail') {
        response.writeHead(500);
        return void response.end(`stack trace mentioning ${TOKEN}`);
      }
      const etag = '"v1"';
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ETag: etag });
        return void response.end();
      }
      response.writeHead(200, { 'Content-Type': 'application/json', ETag: etag });
      response.end('{"flags": [1, 2]}');
    });
  });
  after(async () => {
    await service.close();
    await elsewhere.close();
  });

  it('sends If-None-Match and answers "not modified" with the cached body', async () => {
    const client = new JsonClient({ baseUrl: service.url, token: TOKEN });
    assert.deepEqual(await client.getJson('/api/flags'), { ok: true, body: { flags: [1, 2] }, notModified: false });
    assert.deepEqual(await client.getJson('/api/flags'), { ok: true, body: { flags: [1, 2] }, notModified: true });
    assert.equal(service.requests.at(-1)?.headers['if-none-match'], '"v1"');
    // `no-cache` would make Express-based servers (Unleash) answer in full instead of 304.
    assert.doesNotMatch(String(service.requests.at(-1)?.headers['cache-control']), /no-cache/);
  });

  it('sends the token to its own origin, in the form the service wants', async () => {
    await new JsonClient({ baseUrl: service.url, token: TOKEN }).getJson('/api/flags');
    assert.equal(service.requests.at(-1)?.headers.authorization, TOKEN);
    await new JsonClient({ baseUrl: service.url, token: TOKEN, authorization: (token) => `Bearer ${token}` }).getJson('/api/flags');
    assert.equal(service.requests.at(-1)?.headers.authorization, `Bearer ${TOKEN}`);
  });

  it('never sends the token to another origin', async () => {
    const client = new JsonClient({ baseUrl: service.url, token: TOKEN });
    const result = await client.getJson(`${elsewhere.url}/api/flags`);
    assert.deepEqual(result, { ok: true, body: { elsewhere: true }, notModified: false });
    assert.equal(elsewhere.requests.at(-1)?.headers.authorization, undefined);
  });

  it('does not follow a redirect to another origin, so the token cannot travel with it', async () => {
    const before = elsewhere.requests.length;
    const result = await new JsonClient({ baseUrl: service.url, token: TOKEN }).getJson('/moved');
    assert.equal(elsewhere.requests.length, before);
    assert.deepEqual(result, {
      ok: false,
      failure: { kind: 'bad response', status: 302, message: `bad response: ${service.url.slice('http://'.length)}/moved redirected to ${elsewhere.url}; use the final address as the URL` },
    });
  });

  it('sends no token when the URL moved away from the origin the token was set for', async () => {
    const client = new JsonClient({ baseUrl: service.url, token: TOKEN, tokenOrigin: 'https://unleash.example.com' });
    assert.equal(client.sendsToken(), false);
    await client.getJson('/api/flags');
    assert.equal(service.requests.at(-1)?.headers.authorization, undefined);
  });

  it('keeps the server\'s answer, and so the token, out of failure messages', async () => {
    const result = await new JsonClient({ baseUrl: service.url, token: TOKEN }).getJson('/fail');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && !result.failure.message.includes(TOKEN));
    assert.ok(!result.ok && result.failure.message.endsWith('/fail answered 500 (server error)'));
  });

  it('says "connection refused" for a port nobody listens on', async () => {
    const closed = await startLoopback(() => undefined);
    await closed.close();
    const result = await new JsonClient({ baseUrl: closed.url, token: TOKEN }).getJson('/api');
    assert.deepEqual(result, { ok: false, failure: { kind: 'unreachable', message: `unreachable: connection refused by ${closed.url.slice('http://'.length)}` } });
  });

  it('refuses http:// to another machine before connecting', async () => {
    const result = await new JsonClient({ baseUrl: 'http://unleash.example.com', token: TOKEN }).getJson('/api');
    assert.deepEqual(result, { ok: false, failure: { kind: 'refused', message: refuseBaseUrl('http://unleash.example.com') } });
  });
});

describe('JsonClient and JSON nested too deep', () => {
  it('refuses an answer nested deeper than the limit, without parsing it', async () => {
    const deep = `{"variations": [${'['.repeat(20_000)}${']'.repeat(20_000)}]}`;
    const service = await startLoopback((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(deep);
    });
    try {
      const answer = await new JsonClient({ baseUrl: service.url, timeoutMs: 2000 }).getJson('/api');
      assert.equal(answer.ok, false);
      assert.match(answer.ok ? '' : answer.failure.message, /^bad response: 127\.0\.0\.1:\d+\/api answered JSON nested deeper than 100 levels$/);
    } finally {
      await service.close();
    }
  });
});

describe('JsonClient and an answer larger than it reads', () => {
  for (const declared of [true, false]) {
    it(`stops reading past maxResponseBytes (${declared ? 'Content-Length given' : 'streamed'}), and says so`, async () => {
      const chunk = `"${'x'.repeat(64 * 1024)}",`;
      const service = await startLoopback((_request, response) => {
        const body = `[${chunk.repeat(40)}0]`;
        response.writeHead(200, { 'Content-Type': 'application/json', ...(declared ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) });
        if (declared) return void response.end(body);
        // Streamed in pieces, with no length up front.
        for (let start = 0; start < body.length; start += 100_000) response.write(body.slice(start, start + 100_000));
        response.end();
      });
      try {
        const small = await new JsonClient({ baseUrl: service.url, timeoutMs: 5000, maxResponseBytes: 1024 * 1024 }).getJson('/api');
        assert.equal(small.ok, false);
        assert.match(small.ok ? '' : small.failure.message, /^bad response: 127\.0\.0\.1:\d+\/api answered more than 1 MB, the most FlagLens reads; raise "maxResponseBytes" of this backend in \.flaglens\.json if the project is that large$/);
        const large = await new JsonClient({ baseUrl: service.url, timeoutMs: 5000 }).getJson('/api');
        assert.equal(large.ok, true);
      } finally {
        await service.close();
      }
    });
  }
});
