/** An `application/problem+json` answer, as every studio error is. */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  [field: string]: unknown;
}

/** The server refused a call: its status, title and detail, and for 429 (and 409) how long to wait. */
export class WorldPlayError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** Seconds to wait before trying again (`Retry-After`), when the server said. */
  readonly retryAfter: number | undefined;
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails, retryAfter?: number) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`);
    this.name = "WorldPlayError";
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.retryAfter = retryAfter;
    this.problem = problem;
  }

  /** The error an HTTP answer carries, problem details or not. */
  static async from(response: Response): Promise<WorldPlayError> {
    const text = await response.text();
    let problem: ProblemDetails = { status: response.status, title: response.statusText || `HTTP ${response.status}` };
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === "object") {
        problem = { ...problem, ...(parsed as Partial<ProblemDetails>), status: response.status };
      }
    } catch {
      if (text) {
        problem.detail = text;
      }
    }
    return new WorldPlayError(problem, retryAfterSeconds(response.headers.get("retry-after")));
  }
}

/** `Retry-After` in seconds, from either of its forms (seconds, or an HTTP date). */
export function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null || header.trim() === "") {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds);
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
