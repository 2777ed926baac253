// The WorldPlay play page: a designer picks or creates a world, opens a scene and plays it, the replies streamed over the
// scene's WebSocket (docs/studio-api.md, "Streaming protocol"). No framework, no outside requests.
"use strict";

const $ = id => document.getElementById(id);
const play = {
  token: "",
  scene: null,
  socket: null,
  lastTurn: 0,
  // Speech pieces of turns not committed yet: turn -> { speaker, pieces }.
  pending: new Map(),
  committed: new Set(),
  commands: 0,
  speechPieces: 0,
};

function report(error) { $("status").textContent = error ? String(error.message || error) : ""; }

function html(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The token from the URL fragment (#token=...): a fragment never reaches the server or its logs. */
function tokenFromFragment() {
  const match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : "";
}

function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (play.token) headers.Authorization = `Bearer ${play.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["Idempotency-Key"] = idempotencyKey();
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let answer = null;
  try { answer = text ? JSON.parse(text) : null; } catch { answer = null; }
  if (!response.ok) {
    const why = answer && (answer.detail || answer.title);
    throw new Error(`${response.status} ${why || response.statusText}`);
  }
  return answer;
}

const scenePath = key => `/api/scenes/${encodeURIComponent(key)}`;

async function loadWorlds(wanted) {
  const worlds = await api("GET", "/api/worlds");
  $("world").replaceChildren(...worlds.map(w => new Option(`${w.name} (${w.key}, ${w.turn} turns)`, w.key)));
  if (wanted && worlds.some(w => w.key === wanted)) $("world").value = wanted;
  if (worlds.length) await chooseWorld($("world").value);
  else $("scene").replaceChildren();
}

async function chooseWorld(key) {
  const overview = await api("GET", `/api/worlds/${encodeURIComponent(key)}`);
  const scenes = overview.scenes || [];
  $("scene").replaceChildren(...scenes.map(s => new Option(`${s.id} at ${s.place} (${s.turn} turns)`, s.key)));
  $("join").disabled = scenes.length === 0;
}

async function createWorld(event) {
  event.preventDefault();
  const key = $("new-key").value.trim();
  const world = await api("POST", "/api/worlds", { key, sample: $("sample").value });
  await loadWorlds(world.key || key);
}

async function openScene() {
  const world = $("world").value;
  if (!world) throw new Error("Pick or create a world first.");
  const seed = Number.parseInt($("seed").value, 10);
  const scene = await api("POST", `/api/worlds/${encodeURIComponent(world)}/scenes`, { seed: Number.isNaN(seed) ? 1 : seed });
  await chooseWorld(world);
  connect(scene, 0);
}

async function joinScene() {
  const key = $("scene").value;
  if (!key) throw new Error("This world has no open scene: open a new one.");
  const scene = await api("GET", scenePath(key));
  // The last hundred turns are enough to see where the scene stands.
  connect(scene, Math.max(0, scene.turn - 100));
}

function showScene(scene) {
  play.scene = scene;
  $("scene-title").textContent = `${scene.scene} at ${scene.place}`;
  const rows = [["place", scene.place], ["present", scene.present.join(", ")], ["cast", scene.cast.join(", ")],
    ["you play", scene.user || "nobody"], ["turn", String(scene.turn)]];
  $("scene-info").replaceChildren(...rows.flatMap(([name, value]) => [html("dt", "", name), html("dd", "", value)]));
}

function setConnection(state, text) {
  $("connection").dataset.state = state;
  $("connection").textContent = text;
  const open = state === "open";
  $("line").disabled = !open;
  $("send").disabled = !open || play.busy === true;
}

/** Opens the scene's WebSocket, asking for the committed turns after <after>; a new scene starts a new transcript. */
function connect(scene, after) {
  if (play.socket) {
    const old = play.socket;
    play.socket = null;
    old.close(1000, "another scene");
  }
  if (!play.scene || play.scene.scene !== scene.scene) {
    $("transcript").replaceChildren();
    $("events").replaceChildren();
    play.pending.clear();
    play.committed.clear();
  }
  showScene(scene);
  play.lastTurn = after;
  const protocols = ["worldplay.v1"];
  if (play.token) protocols.push(`worldplay.bearer.${play.token}`);
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}${scenePath(scene.scene)}/ws?after=${after}`, protocols);
  play.socket = socket;
  setConnection("connecting", "connecting");
  socket.onmessage = message => { if (play.socket === socket) receive(JSON.parse(message.data)); };
  socket.onclose = closed => {
    if (play.socket !== socket) return;
    play.socket = null;
    setConnection("closed", "not connected");
    if (closed.code !== 1000) {
      report(closed.reason ? `The stream closed: ${closed.reason}` : "The stream closed; reconnecting.");
      // A reconnect says the last turn seen, so nothing comes twice and nothing is missed.
      setTimeout(() => { if (!play.socket && play.scene) connect(play.scene, play.lastTurn); }, 1000);
    }
  };
}

function receive(message) {
  switch (message.type) {
    case "ready":
      showScene(message.scene);
      setConnection("open", "connected");
      report();
      break;
    case "speech":
      speech(message);
      break;
    case "turn":
      committed(message.turn);
      break;
    case "game":
      game(message);
      break;
    case "done":
      if (message.scene) showScene(message.scene);
      idle();
      break;
    case "error":
      report(`${message.status} ${message.detail || message.title}`);
      if (message.id) idle();
      break;
    case "ping":
      send({ type: "pong" });
      break;
    default:
      break;
  }
}

/** Puts a turn's item in the transcript in turn order: the next speaker's pieces may come before the previous turn. */
function placeInOrder(item, turn) {
  const later = [...$("transcript").children].find(other => Number(other.dataset.turn) > turn);
  $("transcript").insertBefore(item, later || null);
}

function pendingItem(turn) {
  let item = document.querySelector(`#transcript li.pending[data-turn="${turn}"]`);
  if (!item) {
    item = html("li", "pending");
    item.dataset.turn = String(turn);
    item.append(html("span", "who"), html("span", "speech"));
    placeInOrder(item, turn);
  }
  return item;
}

/** A piece of a turn still being spoken: shown at once, replaced by the committed turn. */
function speech(message) {
  if (play.committed.has(message.turn)) return;
  play.speechPieces += 1;
  document.body.dataset.speechPieces = String(play.speechPieces);
  const entry = play.pending.get(message.turn) || { speaker: message.speaker, pieces: [] };
  if (message.restart) entry.pieces = [];
  entry.speaker = message.speaker;
  entry.pieces[message.index] = message.text;
  play.pending.set(message.turn, entry);
  const item = pendingItem(message.turn);
  item.querySelector(".who").textContent = `${message.turn}. ${entry.speaker}`;
  item.querySelector(".speech").textContent = entry.pieces.join("");
  scrollDown();
}

function committed(turn) {
  if (play.committed.has(turn.turn)) return;
  play.committed.add(turn.turn);
  play.pending.delete(turn.turn);
  play.lastTurn = Math.max(play.lastTurn, turn.turn);
  const item = html("li", "turn");
  item.dataset.turn = String(turn.turn);
  item.dataset.role = turn.role;
  item.dataset.speaker = turn.speaker;
  item.append(html("span", "who", `${turn.turn}. ${turn.speakerName}`), html("span", "speech", turn.speech));
  if (turn.narration) item.append(html("span", "narration", turn.narration));
  for (const e of turn.events || []) item.append(html("span", "happened", e.text));
  for (const reason of turn.rejected || []) item.append(html("span", "rejected", `refused: ${reason}`));
  const pending = document.querySelector(`#transcript li.pending[data-turn="${turn.turn}"]`);
  if (pending) pending.replaceWith(item);
  else placeInOrder(item, turn.turn);
  scrollDown();
}

function game(message) {
  const parts = [`turn ${message.turn}:`, message.who, message.event, message.item, message.to && `to ${message.to}`,
    message.place && `at ${message.place}`];
  const item = html("li", "game", parts.filter(Boolean).join(" "));
  item.dataset.event = message.event;
  $("events").append(item);
  $("events").scrollTop = $("events").scrollHeight;
}

function scrollDown() { $("transcript").scrollTop = $("transcript").scrollHeight; }

function send(message) {
  if (play.socket && play.socket.readyState === WebSocket.OPEN) play.socket.send(JSON.stringify(message));
}

function idle() {
  play.busy = false;
  $("send").disabled = !play.socket;
  $("line").focus();
}

async function say(event) {
  event.preventDefault();
  const text = $("line").value.trim();
  if (!text || !play.scene) return;
  play.busy = true;
  $("send").disabled = true;
  $("line").value = "";
  play.commands += 1;
  if (play.socket && play.socket.readyState === WebSocket.OPEN) {
    send({ type: "say", id: `c${play.commands}`, idempotencyKey: idempotencyKey(), text });
    return;
  }
  // Without the stream, the REST call plays the same turns and answers them all at once.
  try {
    const answer = await api("POST", `${scenePath(play.scene.scene)}/say`, { text });
    for (const turn of answer.turns) committed(turn);
    showScene(answer.scene);
  } finally {
    idle();
  }
}

function guarded(action) {
  return async event => {
    try {
      report();
      await action(event);
    } catch (error) {
      report(error);
    }
  };
}

function start() {
  play.token = tokenFromFragment();
  $("token").value = play.token;
  $("token").addEventListener("change", guarded(async () => {
    play.token = $("token").value.trim();
    await loadWorlds();
  }));
  $("world").addEventListener("change", guarded(() => chooseWorld($("world").value)));
  $("create").addEventListener("submit", guarded(createWorld));
  $("open").addEventListener("click", guarded(openScene));
  $("join").addEventListener("click", guarded(joinScene));
  $("say").addEventListener("submit", guarded(say));
  guarded(() => loadWorlds())();
}

start();
