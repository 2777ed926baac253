import assert from "node:assert/strict";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { after, before, describe, test } from "node:test";
import { WorldPlayClient, WorldPlayError, type SceneStream, type StreamMessage, type TurnView } from "../src/index.js";
import { startStudio, unique, type Studio } from "./studio.js";

describe("SceneStream against worldplay serve", { timeout: 300_000 }, () => {
  let studio: Studio;
  before(async () => {
    studio = await startStudio();
  });
  after(async () => {
    await studio?.stop();
  });

  test("say over the WebSocket streams each reply's speech before its committed turn, and every turn once", async () => {
    const game = await studio.player();
    const scene = await openHarbor(game);
    const stream = game.stream(scene.scene, { after: scene.turn });
    await stream.open();

    const done = await stream.say({ text: "Good evening. Any news from the boats?" });
    const messages = await until(stream, (m) => m.type === "done" && m.id === done.id);
    stream.close();
    const transcript = await game.transcript(scene.scene);

    const turns = messages.filter((m) => m.type === "turn").map((m) => m.turn.turn);
    const spokenLate = messages.flatMap((m, i) => m.type === "speech" && messages.slice(0, i).some((t) => committed(t, m.turn))
      ? [m.turn] : []);
    assert.deepEqual(
      { turns, speech: messages.some((m) => m.type === "speech"), spokenLate },
      { turns: transcript.turns.map((t) => t.turn), speech: true, spokenLate: [] });
  });

  test("a stream opened after the last turn seen receives the rest exactly once, then live turns", async () => {
    const game = await studio.player();
    const scene = await openHarbor(game);
    const said = await game.say(scene.scene, { text: "Who brought the sealed letter?" });
    const seen = said.turns[0]!.turn;

    const stream = game.stream(scene.scene, { after: seen });
    await stream.open();
    const more = await game.converse(scene.scene, { turns: 3 });
    const last = more.turns.at(-1)?.turn ?? said.turns.at(-1)!.turn;
    const turns = turnsOf(await until(stream, (m) => m.type === "turn" && m.turn.turn === last));
    stream.close();

    assert.deepEqual(turns, [...said.turns.slice(1), ...more.turns].map((t) => t.turn));
  });

  test("a dropped connection reconnects by itself and yields the turns missed meanwhile exactly once", async () => {
    const token = await studio.token();
    const game = new WorldPlayClient({ baseUrl: studio.url, token });
    const scene = await openHarbor(game);
    const cable = await Cable.to(new URL(studio.url));
    const viaCable = new WorldPlayClient({ baseUrl: cable.url, token }).stream(scene.scene,
      { after: scene.turn, retryDelayMs: 20 });
    await viaCable.open();
    const first = await game.say(scene.scene, { text: "Evening, all." });
    const before = await until(viaCable, (m) => m.type === "turn" && m.turn.turn === first.turns.at(-1)!.turn);

    cable.cut();
    const missed = await game.converse(scene.scene, { turns: 3 });
    const command = viaCable.say({ text: "Sorry, the wind took my words." });
    cable.mend();
    const done = await command;
    const afterwards = await until(viaCable, (m) => m.type === "done" && m.id === done.id);
    viaCable.close();
    await cable.close();
    const transcript = await game.transcript(scene.scene);

    assert.deepEqual(
      {
        turns: turnsOf([...before, ...afterwards]),
        reconnected: afterwards.some((m) => m.type === "ready"),
        missed: missed.turns.length > 0,
      },
      { turns: transcript.turns.map((t) => t.turn), reconnected: true, missed: true });
  });

  test("a stream without credentials fails to open with a WorldPlayError 401", async () => {
    const game = await studio.player();
    const scene = await openHarbor(game);

    const error = await new WorldPlayClient({ baseUrl: studio.url }).stream(scene.scene).open()
      .then(() => assert.fail("the stream opened"), (e: unknown) => e);

    assert.ok(error instanceof WorldPlayError && error.status === 401, `expected a WorldPlayError 401, got ${String(error)}`);
  });
});

async function openHarbor(game: WorldPlayClient) {
  const world = unique("harbor");
  await game.createWorld({ key: world, sample: "harbor" });
  return game.openScene(world, { seed: 7 });
}

/** The messages of `stream` up to and including the first that `last` accepts. */
async function until(stream: SceneStream, last: (message: StreamMessage) => boolean): Promise<StreamMessage[]> {
  const messages: StreamMessage[] = [];
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    assert.ok(!next.done, `the stream ended after ${JSON.stringify(messages.map((m) => m.type))}`);
    messages.push(next.value);
    if (last(next.value)) {
      return messages;
    }
  }
}

function turnsOf(messages: StreamMessage[]): number[] {
  return messages.filter((m): m is { type: "turn"; turn: TurnView } => m.type === "turn").map((m) => m.turn.turn);
}

function committed(message: StreamMessage, turn: number): boolean {
  return message.type === "turn" && message.turn.turn === turn;
}

/** A TCP cable between the client and the server that the test can cut (dropping every connection and refusing new
 * ones) and mend. */
class Cable {
  readonly url: string;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private isCut = false;

  private constructor(server: Server, url: string) {
    this.server = server;
    this.url = url;
  }

  static async to(target: URL): Promise<Cable> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    assert.ok(address !== null && typeof address === "object");
    const cable = new Cable(server, `http://127.0.0.1:${address.port}/`);
    server.on("connection", (socket) => {
      if (cable.isCut) {
        socket.destroy();
        return;
      }
      const upstream = createConnection(Number(target.port), target.hostname);
      for (const [from, to] of [[socket, upstream], [upstream, socket]] as const) {
        cable.sockets.add(from);
        from.pipe(to);
        from.on("error", () => to.destroy());
        from.on("close", () => {
          cable.sockets.delete(from);
          to.destroy();
        });
      }
    });
    return cable;
  }

  cut(): void {
    this.isCut = true;
    for (const socket of this.sockets) {
      socket.destroy();
    }
  }

  mend(): void {
    this.isCut = false;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
