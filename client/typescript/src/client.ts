import { randomUUID } from "node:crypto";
import { WorldPlayError } from "./errors.js";
import type {
  ChooseRequest, ConverseRequest, CreateWorldRequest, ForkRequest, MintedToken, MintTokenRequest, NextRequest,
  OpenSceneRequest, SayRequest, SceneView, TranscriptPage, TriggerRequest, TurnsAnswer, WorldOverview,
} from "./messages.js";
import { SceneStream, type SceneStreamOptions } from "./stream.js";

/** Where the server is and who calls it: an API key (the game's backend), a player token, or nothing (`serve --dev`). */
export interface WorldPlayClientOptions {
  baseUrl: string | URL;
  apiKey?: string;
  token?: string;
  /** How often a call that failed on the network (or found its first attempt still running) is sent again. Default 3. */
  retries?: number;
  /** The first wait between retries in milliseconds, doubled each time. Default 200. */
  retryDelayMs?: number;
  /** The fetch to call (default: the global one). */
  fetch?: typeof fetch;
}

/** Per call: the idempotency key of a mutating call (default: a new one, reused by every retry of this call). */
export interface CallOptions {
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** The studio API over HTTP: every REST call of docs/studio-api.md, and {@link stream} for a scene's WebSocket. */
export class WorldPlayClient {
  readonly baseUrl: URL;
  private readonly options: WorldPlayClientOptions;
  private readonly fetch: typeof fetch;

  constructor(options: WorldPlayClientOptions) {
    this.options = options;
    this.baseUrl = new URL(options.baseUrl);
    if (!this.baseUrl.pathname.endsWith("/")) {
      this.baseUrl.pathname += "/";
    }
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** The same server, called with a player token instead. */
  withToken(token: string): WorldPlayClient {
    return new WorldPlayClient({ ...this.options, apiKey: undefined, token });
  }

  /** Mints a short-lived player token (needs an API key). */
  mintToken(request: MintTokenRequest, options?: CallOptions): Promise<MintedToken> {
    return this.send("POST", "api/tokens", request, { ...options, retrySafe: true });
  }

  worlds(options?: CallOptions): Promise<unknown[]> {
    return this.send("GET", "api/worlds", undefined, options);
  }

  world(world: string, options?: CallOptions): Promise<WorldOverview> {
    return this.send("GET", `api/worlds/${segment(world)}`, undefined, options);
  }

  createWorld(request: CreateWorldRequest, options?: CallOptions): Promise<WorldOverview> {
    return this.mutate("POST", "api/worlds", request, options);
  }

  /** The world's state just after `turn` (default: now). */
  state(world: string, turn?: number, options?: CallOptions): Promise<Record<string, unknown>> {
    return this.send("GET", `api/worlds/${segment(world)}/state${query({ turn })}`, undefined, options);
  }

  /** What a character remembers. */
  memory(world: string, character: string, options?: CallOptions): Promise<Record<string, unknown>> {
    return this.send("GET", `api/worlds/${segment(world)}/characters/${segment(character)}/memory`, undefined, options);
  }

  openScene(world: string, request: OpenSceneRequest = {}, options?: CallOptions): Promise<SceneView> {
    return this.mutate("POST", `api/worlds/${segment(world)}/scenes`, request, options);
  }

  scene(scene: string, options?: CallOptions): Promise<SceneView> {
    return this.send("GET", `api/scenes/${segment(scene)}`, undefined, options);
  }

  /** Closes a scene, freeing one of the tenant's and player's concurrent-scene slots. */
  closeScene(scene: string, options?: CallOptions): Promise<void> {
    return this.mutate("DELETE", `api/scenes/${segment(scene)}`, undefined, options);
  }

  transcript(scene: string, page: { from?: number; count?: number } = {}, options?: CallOptions): Promise<TranscriptPage> {
    return this.send("GET", `api/scenes/${segment(scene)}/transcript${query(page)}`, undefined, options);
  }

  /** The player speaks; the answer holds the player's turn, then the replies. */
  say(scene: string, request: SayRequest, options?: CallOptions): Promise<TurnsAnswer> {
    return this.mutate("POST", `api/scenes/${segment(scene)}/say`, request, options);
  }

  /** The characters talk among themselves for `turns` turns. */
  converse(scene: string, request: ConverseRequest, options?: CallOptions): Promise<TurnsAnswer> {
    return this.mutate("POST", `api/scenes/${segment(scene)}/converse`, request, options);
  }

  /** A named character speaks the next turn. */
  next(scene: string, request: NextRequest, options?: CallOptions): Promise<TurnsAnswer> {
    return this.mutate("POST", `api/scenes/${segment(scene)}/next`, request, options);
  }

  /** Something happened in the game's own world; the laws judge it, and refused changes carry their reason. */
  trigger(scene: string, request: TriggerRequest, options?: CallOptions): Promise<TurnsAnswer> {
    return this.mutate("POST", `api/scenes/${segment(scene)}/triggers`, request, options);
  }

  /** The alternatives of the last turn. */
  regenerate(scene: string, options?: CallOptions): Promise<unknown> {
    return this.mutate("POST", `api/scenes/${segment(scene)}/regenerate`, {}, options);
  }

  /** Keeps one alternative and goes on with it. */
  choose(scene: string, request: ChooseRequest, options?: CallOptions): Promise<SceneView> {
    return this.mutate("POST", `api/scenes/${segment(scene)}/choose`, request, options);
  }

  /** Goes on from `atTurn` on a new branch; the scene as it was stays readable. */
  fork(scene: string, request: ForkRequest, options?: CallOptions): Promise<SceneView> {
    return this.mutate("POST", `api/scenes/${segment(scene)}/fork`, request, options);
  }

  /** The scene's WebSocket, resuming after turn `after`; call {@link SceneStream.open} or iterate it to connect. */
  stream(scene: string, options: Omit<SceneStreamOptions, "url" | "headers"> = {}): SceneStream {
    const url = new URL(`api/scenes/${segment(scene)}/ws`, this.baseUrl);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    return new SceneStream({ ...options, url, headers: this.credentialHeaders() });
  }

  private credentialHeaders(): Record<string, string> {
    if (this.options.apiKey) {
      return { authorization: `ApiKey ${this.options.apiKey}` };
    }
    return this.options.token ? { authorization: `Bearer ${this.options.token}` } : {};
  }

  private mutate<T>(method: string, path: string, body: unknown, options?: CallOptions): Promise<T> {
    const idempotencyKey = options?.idempotencyKey ?? randomUUID();
    return this.send(method, path, body, { ...options, idempotencyKey, retrySafe: true });
  }

  // GETs and idempotent calls are sent again after a network error, and after a 409 whose Retry-After says the first
  // attempt is still running; every other refusal is thrown at once as a WorldPlayError.
  private async send<T>(method: string, path: string, body: unknown, options?: CallOptions & { retrySafe?: boolean }): Promise<T> {
    const retries = method === "GET" || options?.retrySafe ? (this.options.retries ?? 3) : 0;
    const headers: Record<string, string> = { accept: "application/json", ...this.credentialHeaders() };
    if (body !== undefined) {
      headers["content-type"] = "application/json";
    }
    if (options?.idempotencyKey) {
      headers["idempotency-key"] = options.idempotencyKey;
    }
    const url = new URL(path, this.baseUrl);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetch(url, {
          method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: options?.signal,
        });
      } catch (error) {
        if (attempt >= retries || options?.signal?.aborted) {
          throw error;
        }
        await delay(this.backoff(attempt));
        continue;
      }
      if (response.ok) {
        return (response.status === 204 ? undefined : await response.json()) as T;
      }
      const error = await WorldPlayError.from(response);
      if (error.status === 409 && error.retryAfter !== undefined && attempt < retries) {
        await delay(Math.max(error.retryAfter * 1000, this.backoff(attempt)));
        continue;
      }
      throw error;
    }
  }

  private backoff(attempt: number): number {
    return (this.options.retryDelayMs ?? 200) * 2 ** attempt;
  }
}

/** A key as one path segment: a scene key `world/scene` travels as `world%2Fscene`. */
function segment(key: string): string {
  return encodeURIComponent(key);
}

function query(parameters: Record<string, number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined) {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
