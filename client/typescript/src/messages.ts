// The studio API's messages as JSON carries them (docs/studio-api.md is their reference). Fields the client does not
// read itself are typed loosely, so a server that adds fields never breaks a game built against this client.

/** The scopes a player token may hold. */
export type Scope = "read" | "play" | "create";

/** `POST /api/tokens` (with an API key). */
export interface MintTokenRequest {
  player: string;
  scopes?: Scope[];
  lifetimeSeconds?: number;
}

/** A minted player token and what it allows. */
export interface MintedToken {
  token: string;
  expiresAt: string;
  tenant: string;
  player: string;
  scopes: Scope[];
}

/** `POST /api/worlds`: a sample world, or a world file's content. */
export type CreateWorldRequest = { key: string; sample: string } | { key: string; world: unknown };

/** A world at a glance. */
export interface WorldOverview {
  key: string;
  name: string;
  turn: number;
  events: number;
  scenes: { id: string; key: string; place: string; turn: number }[];
  [field: string]: unknown;
}

/** `POST /api/worlds/{world}/scenes`. */
export interface OpenSceneRequest {
  scene?: string;
  seed?: number;
  mind?: string;
  userMind?: string;
  turnTaking?: string;
}

/** A scene as a game sees it: where, who is there, whose turn, how far. */
export interface SceneView {
  scene: string;
  world: string;
  sceneId: string;
  place: string;
  cast: string[];
  present: string[];
  user: string | null;
  turn: number;
}

/** A world event a turn committed. */
export interface EventRef {
  seq: number;
  turn: number;
  actor: string;
  kind: string;
  text: string;
  causes: number[];
}

/** One committed turn: who spoke, what was said and narrated, what changed and what the laws refused. */
export interface TurnView {
  turn: number;
  speaker: string;
  speakerName: string;
  role: string;
  speech: string;
  narration: string;
  events: EventRef[];
  rejected: string[];
}

/** What a call that plays turns answers: the turns committed, in order, and the scene after them. */
export interface TurnsAnswer {
  turns: TurnView[];
  scene: SceneView;
}

/** A world change, as world files and proposals write it (`kind` and its fields). */
export interface WorldChange {
  kind: string;
  [field: string]: unknown;
}

export interface SayRequest {
  text: string;
  proposals?: unknown[];
  next?: string;
}

export interface ConverseRequest {
  turns: number;
}

export interface NextRequest {
  speaker: string;
}

export interface TriggerRequest {
  changes: WorldChange[];
  actor?: string;
  text?: string;
  reply?: boolean;
}

export interface ForkRequest {
  atTurn: number;
  key?: string;
}

export interface ChooseRequest {
  scene: string;
}

/** Recorded turns of a scene. */
export interface TranscriptPage {
  scene: string;
  world: string;
  lastTurn: number;
  turns: TurnView[];
}

// --- the scene stream ----------------------------------------------------------------------------------------------

export interface ReadyMessage {
  type: "ready";
  scene: SceneView;
  after: number;
}

export interface SpeechMessage {
  type: "speech";
  turn: number;
  speaker: string;
  index: number;
  text: string;
  restart: boolean;
}

export interface TurnMessage {
  type: "turn";
  turn: TurnView;
}

/** Something a game shows in its own world: `who` entered, left, took, gave (`to`), dropped, created (`kind`), died. */
export interface GameMessage {
  type: "game";
  turn: number;
  event: "entered" | "left" | "took" | "gave" | "dropped" | "created" | "died";
  who: string;
  item?: string | null;
  place?: string | null;
  to?: string | null;
  kind?: string | null;
}

/** A command is done: the turns it played (sent before as `turn` messages) and the scene after them. */
export interface DoneMessage {
  type: "done";
  id: string;
  turns: number[];
  scene: SceneView;
}

export interface ErrorMessage {
  type: "error";
  id?: string;
  status: number;
  title: string;
  detail?: string;
}

export interface PingMessage {
  type: "ping" | "pong";
}

/** Every message a scene stream yields. */
export type StreamMessage = ReadyMessage | SpeechMessage | TurnMessage | GameMessage | DoneMessage | ErrorMessage | PingMessage;
