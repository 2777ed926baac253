// The quick start of docs/studio-api.md with the TypeScript client: mint a player token with the API key, create a world,
// open a scene, say a line over the scene's WebSocket, print the streamed speech and then the committed turns, and
// reconnect after the first turn seen to receive the rest exactly once.
//
//   worldplay keys new --tenant acme --file studio-keys.json      # prints the key once
//   worldplay serve --keys studio-keys.json --port 5080
//   WORLDPLAY_API_KEY=wpk_... npm run quickstart                   # in client/typescript
import { fileURLToPath } from "node:url";
import { WorldPlayClient } from "../src/index.js";

export async function quickstart(baseUrl: string, apiKey: string, world = "my-harbor", print = console.log): Promise<void> {
  // The game's backend holds the key and mints a short-lived token for the player's client.
  const backend = new WorldPlayClient({ baseUrl, apiKey });
  const { token } = await backend.mintToken({ player: "p-42", scopes: ["read", "play", "create"], lifetimeSeconds: 900 });

  // The player's client plays with the token.
  const game = new WorldPlayClient({ baseUrl, token });
  await game.createWorld({ key: world, sample: "harbor" });
  const scene = await game.openScene(world, { seed: 7 });
  print(`scene ${scene.scene} at ${scene.place}: ${scene.present.join(", ")}`);

  const stream = game.stream(scene.scene, { after: scene.turn });
  await stream.open();
  const said = await stream.say({ text: "Good evening. Any news from the boats?" });
  const turns: number[] = [];
  for await (const message of stream) {
    if (message.type === "speech") {
      print(`  ${message.speaker} is saying: ${message.text}`);
    } else if (message.type === "turn") {
      turns.push(message.turn.turn);
      print(`turn ${message.turn.turn} ${message.turn.speakerName}: ${message.turn.speech}`);
    } else if (message.type === "done" && message.id === said.id) {
      break;
    }
  }

  // A client that lost its connection after the first turn says so, and receives the rest exactly once.
  const last = turns.at(-1)!;
  if (turns.length < 2) {
    return;
  }
  const resumed = game.stream(scene.scene, { after: turns[0]! });
  for await (const message of resumed) {
    if (message.type === "ready") {
      print(`reconnected after turn ${message.after}`);
    } else if (message.type === "turn") {
      print(`turn ${message.turn.turn} ${message.turn.speakerName}: ${message.turn.speech} (again, after the reconnect)`);
      if (message.turn.turn === last) {
        break;
      }
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await quickstart(process.env.WORLDPLAY_URL ?? "http://127.0.0.1:5080/", process.env.WORLDPLAY_API_KEY ?? "");
}
