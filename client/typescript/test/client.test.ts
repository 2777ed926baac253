import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { WorldPlayClient, WorldPlayError } from "../src/index.js";
import { startStudio, unique, type Studio } from "./studio.js";

describe("WorldPlayClient against worldplay serve", { timeout: 300_000 }, () => {
  let studio: Studio;
  before(async () => {
    studio = await startStudio();
  });
  after(async () => {
    await studio?.stop();
  });

  test("mintToken with the API key answers a token of the tenant, player and scopes asked for", async () => {
    const minted = await studio.backend().mintToken({ player: "p-42", scopes: ["read", "play"], lifetimeSeconds: 600 });

    assert.deepEqual(
      { tenant: minted.tenant, player: minted.player, scopes: [...minted.scopes].sort(), isToken: minted.token.length > 20 },
      { tenant: "acme", player: "p-42", scopes: ["play", "read"], isToken: true });
  });

  test("createWorld then openScene answers the scene of that world at its first turn", async () => {
    const game = await studio.player();
    const world = unique("harbor");
    await game.createWorld({ key: world, sample: "harbor" });

    const scene = await game.openScene(world, { seed: 7 });

    assert.deepEqual({ world: scene.world, scene: scene.scene.startsWith(`${world}/`), turn: scene.turn },
      { world, scene: true, turn: 0 });
  });

  test("say answers the player's turn then the replies, and the transcript holds exactly those turns", async () => {
    const game = await studio.player();
    const scene = await openHarbor(game);

    const answer = await game.say(scene, { text: "Good evening. Any news from the boats?" });
    const transcript = await game.transcript(scene);

    assert.deepEqual(transcript.turns.map((t) => t.turn), answer.turns.map((t) => t.turn));
  });

  test("a say whose answer was lost on the network is retried under the same key and plays nothing twice", async () => {
    const token = (await studio.backend().mintToken({ player: unique("p"), scopes: ["read", "play", "create"] })).token;
    const sent: string[] = [];
    let dropped = false;
    // The server answers the first say; the network loses that answer, so the client sees a failed fetch and retries.
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith("/say")) {
        sent.push(new Headers(init?.headers).get("idempotency-key") ?? "none");
        if (!dropped) {
          dropped = true;
          await response.arrayBuffer();
          throw new TypeError("fetch failed");
        }
      }
      return response;
    };
    const game = new WorldPlayClient({ baseUrl: studio.url, token, fetch: lossy, retryDelayMs: 10 });
    const scene = await openHarbor(game);

    const answer = await game.say(scene, { text: "Is the harbormaster in?" });
    const transcript = await game.transcript(scene);

    assert.deepEqual(
      { keys: new Set(sent).size, attempts: sent.length, transcript: transcript.turns.map((t) => t.turn) },
      { keys: 1, attempts: 2, transcript: answer.turns.map((t) => t.turn) });
  });

  test("the same idempotency key twice answers the same turns and plays them once", async () => {
    const game = await studio.player();
    const scene = await openHarbor(game);

    const first = await game.say(scene, { text: "Who saw the letter?" }, { idempotencyKey: "say-once-1" });
    const again = await game.say(scene, { text: "Who saw the letter?" }, { idempotencyKey: "say-once-1" });
    const transcript = await game.transcript(scene);

    assert.deepEqual({ again: again.turns, transcript: transcript.turns }, { again: first.turns, transcript: first.turns });
  });

  test("a call without credentials is a WorldPlayError with status 401 and problem details", async () => {
    const anonymous = new WorldPlayClient({ baseUrl: studio.url });

    const error = await rejection(anonymous.worlds());

    assert.deepEqual({ status: error.status, titled: error.title.length > 0 }, { status: 401, titled: true });
  });

  test("a forged token is a WorldPlayError with status 401", async () => {
    const forged = new WorldPlayClient({ baseUrl: studio.url }).withToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

    const error = await rejection(forged.worlds());

    assert.equal(error.status, 401);
  });

  test("opening more scenes than a player may hold is a WorldPlayError 429 with Retry-After", async () => {
    const game = await studio.player();

    // A player may hold 5 open scenes by default (docs/studio-api.md, Limits): the sixth, in a sixth world, is refused.
    let refusal: WorldPlayError | undefined;
    for (let opened = 0; refusal === undefined && opened < 10; opened++) {
      refusal = await openHarbor(game).then(() => undefined, (error: unknown) => asWorldPlayError(error));
    }

    assert.deepEqual({ status: refusal?.status, waits: (refusal?.retryAfter ?? -1) >= 0 }, { status: 429, waits: true });
  });
});

async function openHarbor(game: WorldPlayClient): Promise<string> {
  const world = unique("harbor");
  await game.createWorld({ key: world, sample: "harbor" });
  return (await game.openScene(world, { seed: 7 })).scene;
}

async function rejection(call: Promise<unknown>): Promise<WorldPlayError> {
  return call.then(() => assert.fail("the call succeeded"), (error: unknown) => asWorldPlayError(error));
}

function asWorldPlayError(error: unknown): WorldPlayError {
  assert.ok(error instanceof WorldPlayError, `expected a WorldPlayError, got ${String(error)}`);
  return error;
}
