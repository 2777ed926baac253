// The WorldPlay timeline viewer: reads the silo's /api and draws one world at one turn. No framework, no outside requests.
"use strict";

const $ = id => document.getElementById(id);
const svgNs = "http://www.w3.org/2000/svg";
const view = { world: null, overview: null, turn: 0, state: null, selected: null, loading: 0 };

// A read token comes in the URL fragment (viewer#token=...), which the browser never sends to a server or writes in its logs;
// the data calls carry it as a bearer token. In development mode there is none and none is needed.
function token() { return new URLSearchParams(location.hash.slice(1)).get("token"); }

async function api(path) {
  const bearer = token();
  const response = await fetch(path, bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {});
  if (response.status === 401) throw new Error("This server needs a read token: open the viewer as /viewer#token=<token>.");
  if (response.status === 403) throw new Error("The token does not allow reading (it needs the read scope).");
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || body.title || response.statusText);
  return body;
}

function element(name, attributes = {}, text) {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function html(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function report(error) { $("status").textContent = error ? String(error.message || error) : ""; }

async function loadWorlds() {
  const worlds = await api("/api/worlds");
  $("world").replaceChildren(...worlds.map(w => new Option(`${w.name} (${w.key}, ${w.turn} turns)`, w.key)));
  view.worlds = worlds;
  const wanted = new URLSearchParams(location.search).get("world");
  if (wanted && worlds.some(w => w.key === wanted)) $("world").value = wanted;
  if (worlds.length) await chooseRoot($("world").value);
  else report("No worlds yet: simulate one (worldplay serve --dev --world harbor --turns 200).");
}

// Every user action (a world, a branch, a turn) takes a ticket when it happens; an answer for an older ticket is dropped, so
// the latest action wins even when an earlier one (the page's first load) answers after it.
async function chooseRoot(key, ticket = ++view.loading) {
  const tree = await api(`/api/worlds/${encodeURIComponent(key)}/branches`);
  if (ticket !== view.loading) return;
  const keys = [tree.root, ...tree.branches.map(b => b.key)];
  $("branch").replaceChildren(...keys.map(k => new Option(k === tree.root ? `${k} (root)` : k, k)));
  drawBranches(tree);
  await chooseWorld(tree.root, ticket);
}

async function chooseWorld(key, ticket = ++view.loading) {
  const overview = await api(`/api/worlds/${encodeURIComponent(key)}`);
  if (ticket !== view.loading) return;
  view.world = key;
  view.overview = overview;
  $("branch").value = key;
  const slider = $("turn");
  slider.max = view.overview.turn;
  slider.value = view.overview.turn;
  for (const button of document.querySelectorAll("#branches button")) button.classList.toggle("current", button.dataset.key === key);
  await showTurn(view.overview.turn, ticket);
}

async function showTurn(turn, ticket = ++view.loading) {
  $("turn-label").textContent = turn;
  const state = await api(`/api/worlds/${encodeURIComponent(view.world)}/state?turn=${turn}`);
  if (ticket !== view.loading) return; // something newer was asked for meanwhile
  view.turn = turn;
  view.state = state;
  drawGraph(state);
  await drawTranscript(turn);
  if (view.selected) await explain(view.selected);
}

// Places sit on a large circle; what stands at a place sits on a small circle around it; the rest gathers in the middle.
function layout(state) {
  const places = state.places, center = { x: 450, y: 320 }, positions = new Map(), placeSpots = [];
  const shown = new Set(state.entities.filter(e => e.kind === "character").map(e => e.id));
  for (const r of state.relationships) { shown.add(r.from); shown.add(r.to); }
  const byId = new Map(state.entities.map(e => [e.id, e]));
  const whereIs = e => e.location || (e.holder && byId.get(e.holder) && byId.get(e.holder).location) || null;
  const groups = new Map([[null, []]]);
  places.forEach(p => groups.set(p.id, []));
  for (const id of shown) {
    const e = byId.get(id);
    if (!e || e.kind === "place") continue;
    const at = groups.has(whereIs(e)) ? whereIs(e) : null;
    groups.get(at).push(e);
  }
  // Occupied places get room for their crowd near the middle; empty places and what stands nowhere ring the edge.
  const occupied = places.filter(p => groups.get(p.id).length), ring = [...places.filter(p => !groups.get(p.id).length), ...groups.get(null)];
  occupied.forEach((p, i) => {
    const members = groups.get(p.id), angle = (2 * Math.PI * i) / occupied.length - Math.PI / 2;
    const spread = occupied.length > 1 ? 1 : 0;
    const spot = { place: p, x: center.x + spread * 190 * Math.cos(angle), y: center.y + spread * 120 * Math.sin(angle) };
    spot.r = Math.min(200, Math.max(40, (150 * members.length) / (2 * Math.PI)));
    placeSpots.push(spot);
    members.forEach((e, j) => {
      const a = (2 * Math.PI * j) / members.length - Math.PI / 2, d = members.length > 1 ? spot.r - 16 : 0;
      positions.set(e.id, { x: spot.x + d * Math.cos(a), y: spot.y + d * Math.sin(a), entity: e });
    });
  });
  ring.forEach((item, i) => {
    const angle = (2 * Math.PI * i) / ring.length - Math.PI / 2, x = center.x + 400 * Math.cos(angle), y = center.y + 275 * Math.sin(angle);
    if (places.includes(item)) placeSpots.push({ place: item, x, y, r: 20 });
    else positions.set(item.id, { x, y, entity: item });
  });
  for (const p of places) if (!positions.has(p.id) && shown.has(p.id)) {
    const spot = placeSpots.find(s => s.place.id === p.id);
    positions.set(p.id, { x: spot.x, y: spot.y, entity: byId.get(p.id) });
  }
  return { placeSpots, positions };
}

// What a user or a character created in play wears a small badge: who made it and at which turn.
function originBadge(origin, x, y) {
  const g = element("g", { class: `origin-badge ${origin.source}`, "data-source": origin.source, "data-turn": origin.turn });
  g.append(
    element("text", { x, y, "text-anchor": "middle" }, `${origin.source === "user" ? "user" : origin.byName || "character"} · t${origin.turn}`),
    element("title", {}, `Created by ${origin.text}`));
  return g;
}

function edgeColor(strength) {
  if (strength > 0.05) return `rgb(46, ${Math.round(125 + 60 * (1 - strength))}, 50)`;
  if (strength < -0.05) return `rgb(${Math.round(198 - 40 * (1 + strength))}, 40, 40)`;
  return "#8a94a6";
}

function drawGraph(state) {
  const svg = $("graph");
  const { placeSpots, positions } = layout(state);
  // Labels go above every line and node so each stays readable and clickable where edges cross.
  const layers = [element("g", { class: "places" }), element("g", { class: "edges" }), element("g", { class: "entities" }), element("g", { class: "labels" })];
  const originOf = new Map(state.entities.filter(e => e.origin).map(e => [e.id, e.origin]));
  for (const spot of placeSpots) {
    const g = element("g", { class: "place" + (originOf.has(spot.place.id) ? " created" : ""), "data-id": spot.place.id });
    g.append(element("circle", { cx: spot.x, cy: spot.y, r: spot.r }), element("text", { x: spot.x, y: spot.y - spot.r - 6, "text-anchor": "middle" }, spot.place.name));
    if (originOf.has(spot.place.id)) g.append(originBadge(originOf.get(spot.place.id), spot.x, spot.y - spot.r - 20));
    layers[0].append(g);
  }
  for (const r of state.relationships) {
    const a = positions.get(r.from), b = positions.get(r.to);
    if (!a || !b || a === b) continue;
    // Bend each edge to its own side so A->B and B->A stay apart and both labels stay readable.
    const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, dx = b.x - a.x, dy = b.y - a.y, length = Math.hypot(dx, dy) || 1;
    const cx = mx - (dy / length) * 28, cy = my + (dx / length) * 28;
    const key = `${r.from}|${r.type}|${r.to}`;
    const label = `${r.type} ${r.strength >= 0 ? "+" : ""}${r.strength.toFixed(2)}`;
    const g = element("g", {
      class: "edge" + (r.sinceTurn === state.turn && state.turn > 0 ? " fresh" : "") + (view.selected === key ? " selected" : ""),
      "data-key": key, "data-strength": r.strength.toFixed(2), "data-label": label, tabindex: 0,
    });
    g.append(
      element("path", { d: `M${a.x},${a.y} Q${cx},${cy} ${b.x},${b.y}`, stroke: edgeColor(r.strength), "stroke-width": 1.5 + 3 * Math.abs(r.strength) }),
      element("title", {}, `${r.from} → ${r.to}: ${label} (since turn ${r.sinceTurn})`));
    const text = element("text", { class: "edge-label", "data-key": key, x: (mx + cx) / 2, y: (my + cy) / 2, "text-anchor": "middle", fill: edgeColor(r.strength) }, label);
    for (const target of [g, text]) target.addEventListener("click", () => explain(key).catch(report));
    layers[1].append(g);
    layers[3].append(text);
  }
  for (const { x, y, entity } of positions.values()) {
    const g = element("g", { class: `entity ${entity.kind} ${entity.status}${entity.origin ? " created" : ""}`, "data-id": entity.id });
    g.append(element("circle", { cx: x, cy: y, r: entity.kind === "character" ? 13 : 9 }), element("text", { x, y: y + 26, "text-anchor": "middle" }, entity.name));
    if (entity.origin) g.append(originBadge(entity.origin, x, y - 18));
    layers[2].append(g);
  }
  svg.setAttribute("data-turn", state.turn);
  svg.replaceChildren(...layers);
  $("graph-title").textContent = `${view.overview.name}: ${view.world} after turn ${state.turn} of ${state.lastTurn}`;
}

async function drawTranscript(turn) {
  const list = $("transcript");
  const scene = view.overview.scenes[0];
  if (!scene) { list.replaceChildren(html("li", "hint", "No scene was played in this world.")); return; }
  const page = await api(`/api/scenes/${encodeURIComponent(scene.key)}/transcript?from=${Math.max(1, turn - 4)}&count=9`);
  list.replaceChildren(...page.turns.map(t => {
    const item = html("li", t.turn === turn ? "current" : "");
    item.append(html("span", "who", `${t.turn}. ${t.speakerName}: `), document.createTextNode(t.speech));
    if (t.narration) item.append(html("div", "narration", t.narration));
    const changes = t.events.filter(e => e.kind !== "spoke").map(e => e.text);
    if (changes.length) item.append(html("div", "events", changes.join(" · ")));
    return item;
  }));
  const current = list.querySelector(".current");
  if (current) current.scrollIntoView({ block: "nearest" });
}

async function explain(key) {
  view.selected = key;
  for (const edge of document.querySelectorAll(".edge")) edge.classList.toggle("selected", edge.dataset.key === key);
  const [from, type, to] = key.split("|");
  const answer = await api(`/api/worlds/${encodeURIComponent(view.world)}/why?relationship=${from}:${to}&type=${encodeURIComponent(type)}&turn=${view.turn}`);
  const box = $("why");
  box.replaceChildren(html("p", "", `${answer.subject} as of turn ${answer.atTurn}: ${answer.values.map(v => v.value).join("; ") || "nothing holds"}`));
  for (const v of answer.values) if (v.originText) box.append(html("p", "meta origin", v.originText));
  if (!answer.chain.length) { box.append(html("p", "meta", "It came with the world: no event produced it.")); return; }
  const steps = html("ol");
  for (const step of answer.chain) {
    const item = html("li");
    item.style.marginLeft = `${step.depth * 0.8}rem`;
    item.append(html("span", "meta", `turn ${step.event.turn}, event ${step.event.seq}, ${step.event.actor}: `), document.createTextNode(step.event.text));
    steps.append(item);
  }
  box.append(steps);
  if (answer.truncated) box.append(html("p", "meta", "The chain goes on further back."));
}

function drawBranches(tree) {
  const children = new Map();
  for (const b of tree.branches) {
    if (!children.has(b.origin.parent)) children.set(b.origin.parent, []);
    children.get(b.origin.parent).push(b);
  }
  const node = (key, note) => {
    const item = html("li");
    const button = html("button", "", key);
    button.dataset.key = key;
    button.addEventListener("click", () => chooseWorld(key).catch(report));
    item.append(button);
    if (note) item.append(html("span", "meta", ` ${note}`));
    const kids = children.get(key) || [];
    if (kids.length) {
      const list = html("ul");
      kids.forEach(k => list.append(node(k.key, `${k.kind} after turn ${k.origin.turn} (event ${k.origin.seq})`)));
      item.append(list);
    }
    return item;
  };
  const root = html("ul");
  root.append(node(tree.root, "root"));
  $("branches").replaceChildren(root);
}

let pending;
$("turn").addEventListener("input", event => {
  $("turn-label").textContent = event.target.value;
  clearTimeout(pending);
  const ticket = ++view.loading;
  pending = setTimeout(() => showTurn(Number(event.target.value), ticket).catch(report), 120);
});
$("world").addEventListener("change", event => { view.selected = null; chooseRoot(event.target.value).catch(report); });
$("branch").addEventListener("change", event => { view.selected = null; chooseWorld(event.target.value).catch(report); });
loadWorlds().then(() => report(), report);
