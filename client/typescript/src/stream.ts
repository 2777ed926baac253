import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import { retryAfterSeconds, WorldPlayError, type ProblemDetails } from "./errors.js";
import type {
  ConverseRequest, DoneMessage, NextRequest, ReadyMessage, SayRequest, StreamMessage, TriggerRequest,
} from "./messages.js";

/** How a scene stream connects, and resumes when its connection drops. */
export interface SceneStreamOptions {
  /** The scene's WebSocket address (`ws://.../api/scenes/{scene}/ws`); {@link WorldPlayClient.stream} makes it. */
  url: URL;
  /** The credential, as the client sends it. */
  headers?: Record<string, string>;
  /** The last turn the game has already seen: the stream starts with the turns after it. Default: what the server says. */
  after?: number;
  /** Connection attempts in a row that may fail before the stream gives up. Default 10. */
  retries?: number;
  /** The first wait before reconnecting in milliseconds, doubled each failed attempt (at most 5 s). Default 100. */
  retryDelayMs?: number;
}

interface PendingCommand {
  message: Record<string, unknown>;
  resolve: (done: DoneMessage) => void;
  reject: (error: Error) => void;
}

/** One scene's WebSocket: iterate it for ready, speech, turn, game, done and error messages; send say, converse, next and
 * trigger as commands. When the connection drops it reconnects with the last turn it saw, so every committed turn is
 * yielded exactly once, in order, and a command still unanswered is sent again under its idempotency key. */
export class SceneStream implements AsyncIterable<StreamMessage> {
  private readonly options: SceneStreamOptions;
  private socket: WebSocket | undefined;
  private ready = false;
  private seen: number | undefined;
  private opening: Promise<ReadyMessage> | undefined;
  private settleOpening: { resolve: (ready: ReadyMessage) => void; reject: (error: Error) => void } | undefined;
  private readonly queue: StreamMessage[] = [];
  private waiter: { resolve: (result: IteratorResult<StreamMessage>) => void; reject: (error: Error) => void } | undefined;
  private readonly pending = new Map<string, PendingCommand>();
  private commands = 0;
  private failedAttempts = 0;
  private ended = false;
  private failure: Error | undefined;

  constructor(options: SceneStreamOptions) {
    this.options = options;
    this.seen = options.after;
  }

  /** The last committed turn this stream has received (and will not yield again). */
  get lastTurn(): number | undefined {
    return this.seen;
  }

  /** Connects; resolves with the server's first `ready` message. */
  open(): Promise<ReadyMessage> {
    if (!this.opening) {
      this.opening = new Promise((resolve, reject) => {
        this.settleOpening = { resolve, reject };
      });
      this.connect();
    }
    return this.opening;
  }

  say(request: SayRequest, options?: { idempotencyKey?: string }): Promise<DoneMessage> {
    return this.command("say", request, options);
  }

  converse(request: ConverseRequest, options?: { idempotencyKey?: string }): Promise<DoneMessage> {
    return this.command("converse", request, options);
  }

  next(request: NextRequest, options?: { idempotencyKey?: string }): Promise<DoneMessage> {
    return this.command("next", request, options);
  }

  trigger(request: TriggerRequest, options?: { idempotencyKey?: string }): Promise<DoneMessage> {
    return this.command("trigger", request, options);
  }

  /** Closes the connection for good; iteration ends after the messages already received. */
  close(): void {
    this.finish(undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<StreamMessage> {
    void this.open().catch(() => undefined);
    return {
      next: () => {
        const message = this.queue.shift();
        if (message) {
          return Promise.resolve({ value: message, done: false });
        }
        if (this.failure) {
          return Promise.reject(this.failure);
        }
        if (this.ended) {
          return Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => {
          this.waiter = { resolve, reject };
        });
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  private command(type: string, body: object, options?: { idempotencyKey?: string }): Promise<DoneMessage> {
    if (this.ended) {
      return Promise.reject(this.failure ?? new Error("The scene stream is closed."));
    }
    const id = `c${++this.commands}`;
    const message = { ...body, type, id, idempotencyKey: options?.idempotencyKey ?? randomUUID() };
    const done = new Promise<DoneMessage>((resolve, reject) => this.pending.set(id, { message, resolve, reject }));
    if (this.ready) {
      this.socket?.send(JSON.stringify(message));
    } else {
      void this.open().catch(() => undefined);
    }
    return done;
  }

  private connect(): void {
    const url = new URL(this.options.url);
    if (this.seen !== undefined) {
      url.searchParams.set("after", String(this.seen));
    }
    const socket = new WebSocket(url, ["worldplay.v1"], { headers: this.options.headers });
    let refusal: WorldPlayError | undefined;
    this.socket = socket;
    this.ready = false;
    socket.on("message", (data) => this.receive(socket, JSON.parse(data.toString()) as StreamMessage));
    socket.on("unexpected-response", (_request, response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        let problem: ProblemDetails = { status, title: response.statusMessage ?? `HTTP ${status}` };
        try {
          problem = { ...problem, ...(JSON.parse(Buffer.concat(chunks).toString()) as Partial<ProblemDetails>), status };
        } catch {
          // Not problem details: the status line says enough.
        }
        refusal = new WorldPlayError(problem, retryAfterSeconds(String(response.headers["retry-after"] ?? "")));
        socket.terminate();
      });
    });
    // Every failure also closes the socket; the close decides what comes next.
    socket.on("error", () => undefined);
    socket.on("close", (code, reason) => {
      if (this.socket !== socket || this.ended) {
        return;
      }
      this.socket = undefined;
      this.ready = false;
      // A refusal of the connection itself (401, 403, 404, 400) stands; anything else, even a normal close (the server
      // stopping) or 1008 (this client fell behind), is resumed where it stopped.
      if (refusal && refusal.status < 500 && refusal.status !== 429 && refusal.status !== 408) {
        this.finish(refusal);
      } else {
        this.reconnect(refusal ?? new Error(`The scene stream closed (${code}${reason.length ? `: ${reason.toString()}` : ""}).`));
      }
    });
  }

  private reconnect(cause: Error): void {
    this.failedAttempts++;
    if (this.failedAttempts > (this.options.retries ?? 10)) {
      this.finish(new Error(`Lost the scene stream and could not reconnect in ${this.failedAttempts - 1} attempts; last: ` +
        cause.message, { cause }));
      return;
    }
    const wait = Math.min(5000, (this.options.retryDelayMs ?? 100) * 2 ** (this.failedAttempts - 1));
    const asked = cause instanceof WorldPlayError ? (cause.retryAfter ?? 0) * 1000 : 0;
    setTimeout(() => {
      if (!this.ended) {
        this.connect();
      }
    }, Math.max(wait, asked));
  }

  private receive(socket: WebSocket, message: StreamMessage): void {
    switch (message.type) {
      case "ready":
        this.ready = true;
        this.failedAttempts = 0;
        this.seen ??= message.after;
        this.settleOpening?.resolve(message);
        this.settleOpening = undefined;
        for (const command of this.pending.values()) {
          socket.send(JSON.stringify(command.message));
        }
        break;
      case "turn":
        if (this.seen !== undefined && message.turn.turn <= this.seen) {
          return;
        }
        this.seen = message.turn.turn;
        break;
      case "speech":
        if (this.seen !== undefined && message.turn <= this.seen) {
          return;
        }
        break;
      case "done":
        this.pending.get(message.id)?.resolve(message);
        this.pending.delete(message.id);
        break;
      case "error":
        if (message.id !== undefined) {
          this.pending.get(message.id)?.reject(new WorldPlayError({ ...message }));
          this.pending.delete(message.id);
        }
        break;
      case "ping":
        socket.send(JSON.stringify({ type: "pong" }));
        return;
      case "pong":
        return;
      default:
        break;
    }
    this.push(message);
  }

  private push(message: StreamMessage): void {
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter.resolve({ value: message, done: false });
    } else {
      this.queue.push(message);
    }
  }

  // Ends the stream: closed by the game (no error) or given up (the error the iteration and every open command get).
  private finish(error: Error | undefined): void {
    if (this.ended) {
      return;
    }
    this.ended = true;
    this.failure = error;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000);
    const reason = error ?? new Error("The scene stream was closed.");
    this.settleOpening?.reject(reason);
    this.settleOpening = undefined;
    for (const command of this.pending.values()) {
      command.reject(reason);
    }
    this.pending.clear();
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter && error) {
      waiter.reject(error);
    } else {
      waiter?.resolve({ value: undefined, done: true });
    }
  }
}
