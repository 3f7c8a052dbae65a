// A small Unleash Admin API on 127.0.0.1, run inside the extension host by services.test.ts. It answers
// in the shapes of test/server/fakeUnleash.ts (unleash-server 7.5), plus the `flexibleRollout` strategy
// that a rollout below 100% needs, and records the Authorization header of every request it gets.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One flag of the fake's `default` project: per environment, the percentage of everyone it is on for (0: disabled). */
export interface FakeRollout {
  name: string;
  percentByEnvironment: Record<string, number>;
}

export class FakeUnleash {
  /** Every request, in order; `authorization` is undefined when none was sent. */
  readonly requests: Array<{ path: string; authorization?: string }> = [];
  url = '';
  private server: Server | undefined;

  constructor(readonly token: string, readonly flags: FakeRollout[]) {}

  async start(): Promise<void> {
    const server = createServer((request, response) => this.answer(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Stops listening and drops open connections, so the next request finds nothing there. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    this.requests.push({ path: url.pathname, authorization: request.headers.authorization });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    // Unleash takes the bare token as the Authorization header.
    if (request.headers.authorization !== this.token) return send(401, { message: 'You must log in to use Unleash.' });
    if (url.pathname === '/api/admin/search/features') {
      const features = url.searchParams.get('archived') === 'IS:true' ? [] : this.flags.map((flag) => ({
        name: flag.name,
        type: 'release',
        project: 'default',
        stale: false,
        archivedAt: null,
        createdAt: '2026-11-01T10:00:00.000Z',
        environments: Object.entries(flag.percentByEnvironment).map(([name, percent], sortOrder) => ({ name, enabled: percent > 0, sortOrder })),
        tags: [],
      }));
      return send(200, { features, total: features.length });
    }
    const details = url.pathname.match(/^\/api\/admin\/projects\/default\/features\/([^/]+)$/);
    if (details) {
      const flag = this.flags.find((candidate) => candidate.name === decodeURIComponent(details[1]));
      if (!flag) return send(404, { message: 'not found' });
      return send(200, {
        name: flag.name,
        environments: Object.entries(flag.percentByEnvironment).map(([name, percent]) => ({
          name,
          enabled: percent > 0,
          strategies: percent > 0
            ? [{ name: 'flexibleRollout', parameters: { rollout: String(percent), stickiness: 'default', groupId: flag.name }, constraints: [], segments: [], variants: [], disabled: false }]
            : [],
          variants: [],
        })),
      });
    }
    if (url.pathname === '/api/admin/segments') return send(200, { segments: [] });
    if (url.pathname === '/api/admin/search/events') return send(200, { events: [], total: 0 });
    send(404, { message: 'not found' });
  }
}
