/**
 * A fault-injecting HTTP proxy between laptops and head office (one or several instances):
 * real sockets, real HTTP. For the sync requests it may drop the request before head office,
 * drop the answer after head office committed, send the request twice (one after the other or
 * at the same time), delay it, replay it later (so it arrives after newer ones), or cut the
 * answer halfway. When the chosen instance is down it answers 502, as a load balancer does, or
 * refuses the connection. Decisions come from a seeded generator.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const faultKinds = [
  'drop-request',
  'drop-response',
  'duplicate',
  'duplicate-concurrent',
  'delay',
  'replay-later',
  'cut-response',
] as const;
export type FaultKind = (typeof faultKinds)[number];

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface FaultProxyOptions {
  /** The head-office instances' base URLs now up or down; one is picked per request. */
  upstreams: () => readonly string[];
  random: () => number;
  /** Share of sync requests that get a fault (0–1). */
  faultRate: number;
}

const SYNC_PATHS = new Set(['/api/sync-push', '/api/sync-pull']);

export class FaultProxy {
  /** Faults only while true (the network "heals" when set to false). */
  faulty = true;
  readonly injected: Record<FaultKind, number> = Object.fromEntries(faultKinds.map((k) => [k, 0])) as Record<
    FaultKind,
    number
  >;
  requests = 0;
  private server: http.Server | null = null;
  private readonly replays = new Set<Promise<unknown>>();
  private readonly agent = new http.Agent({ keepAlive: false });

  constructor(private readonly options: FaultProxyOptions) {}

  async listen(): Promise<string> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.replays]);
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.agent.destroy();
  }

  /** Waits for the stale copies still on their way (so the final check sees their effect). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.replays]);
  }

  private pickFault(path: string): FaultKind | null {
    if (!this.faulty || !SYNC_PATHS.has(path)) return null;
    if (this.options.random() >= this.options.faultRate) return null;
    return faultKinds[Math.floor(this.options.random() * faultKinds.length)]!;
  }

  private pickUpstream(): string | null {
    const upstreams = this.options.upstreams();
    if (upstreams.length === 0) return null;
    return upstreams[Math.floor(this.options.random() * upstreams.length)]!;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.requests += 1;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return;
    }
    const body = Buffer.concat(chunks);
    const path = (req.url ?? '/').split('?')[0]!;
    const fault = this.pickFault(path);
    if (fault !== null) this.injected[fault] += 1;
    const upstream = this.pickUpstream();
    const send = () => (upstream === null ? Promise.resolve(null) : this.forward(upstream, req, body));

    if (fault === 'drop-request') {
      req.socket.destroy();
      return;
    }
    if (fault === 'delay') await sleep(Math.floor(this.options.random() * 400));
    let answer: Answer | null;
    if (fault === 'duplicate') {
      await send();
      answer = await send();
    } else if (fault === 'duplicate-concurrent') {
      const [first, second] = await Promise.all([send(), send()]);
      answer = this.options.random() < 0.5 ? first : second;
    } else {
      answer = await send();
    }
    if (fault === 'replay-later') {
      const delay = 50 + Math.floor(this.options.random() * 1_500);
      const replay = sleep(delay).then(() => {
        const target = this.pickUpstream();
        return target === null ? null : this.forward(target, req, body);
      });
      this.replays.add(replay);
      void replay.finally(() => this.replays.delete(replay));
    }
    if (answer === null) {
      // The instance is down: a load balancer answers 502; without one, connection refused.
      if (this.options.random() < 0.7) {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
      } else {
        req.socket.destroy();
      }
      return;
    }
    if (fault === 'drop-response') {
      req.socket.destroy();
      return;
    }
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    if (fault === 'cut-response' && answer.body.length > 1) {
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => req.socket.destroy());
      return;
    }
    res.end(answer.body);
  }

  /** One request to head office; null when it could not be reached or died answering. */
  private forward(upstream: string, req: http.IncomingMessage, body: Buffer): Promise<Answer | null> {
    const target = new URL(req.url ?? '/', upstream);
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
    delete headers.connection;
    return new Promise((resolve) => {
      const out = http.request(target, { method: req.method, headers, agent: this.agent }, (response) => {
        const parts: Buffer[] = [];
        response.on('data', (c: Buffer) => parts.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            body: Buffer.concat(parts),
          }),
        );
        response.on('error', () => resolve(null));
        response.on('aborted', () => resolve(null));
      });
      out.on('error', () => resolve(null));
      out.end(body);
    });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
