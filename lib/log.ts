// One structured line per event on stderr, so a host's log search can count and filter them
// (`{"level":"error","event":"action.failed",...}`), instead of a multi-line dump per failure.

type Fields = Record<string, unknown>;

/** The parts of an error worth a log line: never the whole object (Prisma errors carry the query and a long stack). */
export function errorFields(error: unknown): Fields {
  if (!(error instanceof Error)) return { error: String(error).slice(0, 300) };
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? error.cause.message.slice(0, 200) : undefined;
  // Only frames: a Prisma error's message spans several lines, which the stack repeats before them.
  const stackTop = error.stack?.split("\n").map((line) => line.trim()).filter((line) => line.startsWith("at ")).slice(0, 2).join(" | ");
  return { error: error.name, message: error.message.replace(/\s+/g, " ").slice(0, 300), code, cause, at: stackTop };
}

export function logEvent(level: "info" | "warn" | "error", event: string, fields: Fields = {}) {
  const line = JSON.stringify({ level, event, time: new Date().toISOString(), ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

export function logError(event: string, error: unknown, fields: Fields = {}) {
  logEvent("error", event, { ...fields, ...errorFields(error) });
}
