// A small Unleash Admin API on 127.0.0.1 for tests that need a flag service which can go down and
// come back: it answers in the shapes unleash-server 7.5 uses, for the flags it is given, and
// records every request it gets (with its Authorization header).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One flag of the fake project: enabled per environment, on for everyone where enabled. */
export interface FakeFlag {
  name: string;
  enabled: Record<string, boolean>;
  /** Per environment, a flexible rollout to this percentage of everyone; absent: on for everyone where enabled. */
  percent?: Record<string, number>;
  stale?: boolean;
}

/** What the fake does with each request. */
export type FakeMode = 'up' | 'down-500' | 'unauthorised';

export class FakeUnleash {
  readonly requests: Array<{ path: string; authorization?: string }> = [];
  mode: FakeMode = 'up';
  flags: FakeFlag[] = [];
  private server: Server | undefined;
  url = '';

  constructor(readonly token: string) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => this.answer(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

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
    if (this.mode === 'down-500') return send(500, { message: 'database is down' });
    if (this.mode === 'unauthorised' || request.headers.authorization !== this.token) return send(401, { message: 'You must log in to use Unleash.' });
    if (url.pathname === '/api/admin/search/features') {
      const archived = url.searchParams.get('archived') === 'IS:true';
      const features = archived ? [] : this.flags.map((flag) => ({
        name: flag.name,
        type: 'release',
        project: 'default',
        stale: flag.stale === true,
        archivedAt: null,
        createdAt: '2026-11-01T10:00:00.000Z',
        environments: Object.entries(flag.enabled).map(([name, enabled], sortOrder) => ({ name, enabled, sortOrder })),
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
        environments: Object.entries(flag.enabled).map(([name, enabled]) => ({ name, enabled, strategies: strategiesOf(flag, name), variants: [] })),
      });
    }
    if (url.pathname === '/api/admin/segments') return send(200, { segments: [] });
    if (url.pathname === '/api/admin/search/events') return send(200, { events: [], total: 0 });
    send(404, { message: 'not found' });
  }
}

function strategiesOf(flag: FakeFlag, environment: string): unknown[] {
  const percent = flag.percent?.[environment];
  if (percent === undefined) return [];
  const parameters = { rollout: String(percent), stickiness: 'default', groupId: flag.name };
  return [{ name: 'flexibleRollout', parameters, constraints: [], segments: [], variants: [], disabled: false }];
}
