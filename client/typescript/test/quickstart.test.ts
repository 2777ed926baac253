import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { quickstart } from "../examples/quickstart.js";
import { startStudio, unique, type Studio } from "./studio.js";

let studio: Studio;
before(async () => {
  studio = await startStudio();
});
after(async () => {
  await studio?.stop();
});

test("the quick start prints streamed speech, then the turns, then the rest again once after the reconnect", { timeout: 300_000 },
  async () => {
    const lines: string[] = [];

    await quickstart(studio.url, studio.apiKey, unique("my-harbor"), (line: string) => lines.push(line));

    const played = lines.filter((l) => /^turn \d+ /.test(l) && !l.endsWith("(again, after the reconnect)"));
    const again = lines.filter((l) => l.endsWith("(again, after the reconnect)"));
    // The player's own turn comes first; the replies are spoken (streamed) before they are committed.
    const speech = lines.findIndex((l) => l.includes(" is saying: "));
    const lastTurn = lines.indexOf(played.at(-1) ?? "");
    assert.deepEqual(
      {
        speechFirst: speech >= 0 && speech < lastTurn,
        reconnected: lines.some((l) => l.startsWith("reconnected after turn ")),
        again: again.map((l) => l.replace(" (again, after the reconnect)", "")),
      },
      { speechFirst: true, reconnected: true, again: played.slice(1) });
  });
