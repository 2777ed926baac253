// Starts the live server the tests play against: `worldplay serve --keys FILE --port 0`, with a key for tenant "acme"
// made by `worldplay keys new`, from the CLI that ./test.sh builds (Release).
//
//   WORLDPLAY_CLI=path/worldplay.dll   another build of the CLI
//   WORLDPLAY_URL=... WORLDPLAY_API_KEY=...   a server that is already running (nothing is started)
//   WORLDPLAY_TS_DEV=1                 `serve --dev` without keys (the tests of keys, tokens and 401 then fail)
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { WorldPlayClient } from "../src/index.js";

export interface Studio {
  url: string;
  apiKey: string;
  /** A client of tenant "acme" holding the API key. */
  backend(): WorldPlayClient;
  /** A fresh token of player `player` with every scope ("" in development mode, which needs none). */
  token(player?: string): Promise<string>;
  /** A client holding such a token. */
  player(player?: string): Promise<WorldPlayClient>;
  stop(): Promise<void>;
}

// dist/test/studio.js lives four folders below the repository root.
const repository = resolve(fileURLToPath(import.meta.url), "../../../../..");
const cli = process.env.WORLDPLAY_CLI ?? join(repository, "client/WorldPlay.Cli/bin/Release/net10.0/worldplay.dll");

export async function startStudio(): Promise<Studio> {
  if (process.env.WORLDPLAY_URL) {
    return studio(process.env.WORLDPLAY_URL, process.env.WORLDPLAY_API_KEY ?? "", () => Promise.resolve());
  }
  if (!existsSync(cli)) {
    throw new Error(`No WorldPlay CLI at ${cli}: build it with 'dotnet build client/WorldPlay.Cli -c Release' (./test.sh does).`);
  }
  if (process.env.WORLDPLAY_TS_DEV === "1") {
    return serve(["--dev"], "", undefined);
  }
  const folder = mkdtempSync(join(tmpdir(), "worldplay-ts-"));
  const keys = join(folder, "studio-keys.json");
  const { stdout } = await promisify(execFile)("dotnet", [cli, "keys", "new", "--tenant", "acme", "--file", keys, "--json"]);
  return serve(["--keys", keys], keyIn(stdout), folder);
}

async function serve(credentials: string[], apiKey: string, folder: string | undefined): Promise<Studio> {
  const server = spawn("dotnet", [cli, "serve", ...credentials, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const stop = async () => {
    await stopProcess(server);
    if (folder) {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  try {
    return studio(await servingAt(server), apiKey, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A name no other test uses, for worlds and players. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

function studio(url: string, apiKey: string, stop: () => Promise<void>): Studio {
  const backend = () => new WorldPlayClient({ baseUrl: url, apiKey: apiKey || undefined });
  const token = async (player = unique("p")) => apiKey
    ? (await backend().mintToken({ player, scopes: ["read", "play", "create"], lifetimeSeconds: 900 })).token
    : "";
  return {
    url,
    apiKey,
    backend,
    token,
    async player(player) {
      const minted = await token(player);
      return minted ? backend().withToken(minted) : backend();
    },
    stop,
  };
}

// `keys new --json` prints the new key once; it is the only string in the answer that looks like one.
function keyIn(output: string): string {
  const answer = JSON.parse(output) as Record<string, unknown>;
  const key = typeof answer.key === "string"
    ? answer.key
    : Object.values(answer).find((v) => typeof v === "string" && v.startsWith("wpk_"));
  if (typeof key !== "string") {
    throw new Error(`'worldplay keys new --json' printed no key: ${Object.keys(answer).join(", ")}`);
  }
  return key;
}

function servingAt(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let errors = "";
    server.stderr?.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const lines = createInterface({ input: server.stdout! });
    lines.on("line", (line) => {
      const match = /WorldPlay is serving at (\S+)/.exec(line);
      if (match) {
        resolve(match[1]!);
      }
    });
    server.on("exit", (code) => reject(new Error(`worldplay serve exited (${code}) before it served:\n${errors}`)));
    server.on("error", reject);
  });
}

function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill("SIGKILL"), 15_000);
    server.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    server.kill("SIGTERM");
  });
}
