import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { typedValues, type FormState } from "./form-state";
import { getViewer, type Viewer } from "./auth";
import { ActionError, FieldError } from "./errors";
import { logError } from "./log";


export const NOTHING_CHANGED = "Something went wrong and nothing was changed. Please try again.";
export const NOT_A_FORM = "This form could not be read. Reload the page and try again.";
export const UNUSUAL_CHARACTERS = "Remove the unusual characters from this field.";

/** Longest text any field of any form may hold (a support message is the longest, at 5,000). */
const MAX_FIELD_LENGTH = 20_000;

// Control characters other than tab, line feed and carriage return: PostgreSQL refuses NUL in text, and
// no person types the others.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type Fields = { formData: FormData; fields: Record<string, string>; bad: Record<string, string[]> };

/**
 * An action's arguments, checked for shape before anything else runs. A server action is a public POST
 * endpoint: its arguments are whatever the client encoded, not necessarily (previous state, FormData).
 * Only form data of text fields passes; a field holding characters no form can hold is answered next to it.
 */
export function readFormArguments(args: unknown[], fileFields: readonly string[] = []): Fields | null {
  const formData = args[1];
  if (args.length !== 2 || !(formData instanceof FormData)) return null;
  const fields: Record<string, string> = {};
  const bad: Record<string, string[]> = {};
  for (const [key, value] of formData) {
    // A file only where the action names the field (the handler reads it from formData and checks it);
    // a repeated file field is not a form this app makes.
    if (value instanceof File && fileFields.includes(key) && formData.getAll(key).length === 1) continue;
    if (typeof value !== "string" || key.length > 200) return null;
    if (value.length > MAX_FIELD_LENGTH || CONTROL.test(value) || !value.isWellFormed()) bad[key] = [UNUSUAL_CHARACTERS];
    else fields[key] = value;
  }
  return { formData, fields, bad };
}

function refusal(formData: FormData | null, message: string, errors?: FormState["errors"]): FormState {
  return { message, ...(errors ? { errors } : {}), ...(formData ? { values: typedValues(formData) } : {}) };
}

/**
 * The one boundary every server action goes through: shape of the arguments, the handler's own zod
 * schema, then the handler; whatever goes wrong after that (a refusal, a lost database) is answered in
 * place on the form, with one structured log line for the unexpected.
 */
function boundary<S extends z.ZodType, C extends object>(
  name: string,
  schema: S,
  context: () => Promise<C | FormState>,
  handler: (input: z.output<S>, context: C & { formData: FormData }) => Promise<FormState | void>,
  fileFields: readonly string[] = [],
) {
  return async function action(...args: unknown[]): Promise<FormState> {
    const read = readFormArguments(args, fileFields);
    if (!read) return { message: NOT_A_FORM };
    const { formData, fields, bad } = read;
    if (Object.keys(bad).length) return refusal(formData, "Check the highlighted fields.", bad);
    let ctx: C | FormState | undefined;
    try {
      ctx = await context();
      if (isFormState(ctx)) return ctx;
      const parsed = schema.safeParse(fields);
      if (!parsed.success) {
        return refusal(formData, "Check the highlighted fields.", z.flattenError(parsed.error).fieldErrors as FormState["errors"]);
      }
      return (await handler(parsed.data, { ...(ctx as C), formData })) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not errors
      if (error instanceof FieldError) return refusal(formData, "Check the highlighted fields.", { [error.field]: [error.message] });
      if (error instanceof ActionError) return refusal(formData, error.message);
      const viewer = ctx && !isFormState(ctx) ? (ctx as { viewer?: Viewer }).viewer?.id : undefined;
      // The function's name can be minified away in production; the action's id (in .next's
      // server-reference-manifest.json) always says which action it was.
      const actionId = await headers().then((h) => h.get("next-action"), () => null);
      logError("action.failed", error, { action: name || undefined, actionId, viewer });
      return refusal(formData, NOTHING_CHANGED);
    }
  };
}

const SESSION_ENDED: FormState = { message: "Your session has ended. Sign in again to carry on." };

function isFormState(value: unknown): value is FormState {
  return !!value && typeof value === "object" && "message" in value;
}

/**
 * Every server action a signed-in person calls is built with this wrapper: it reads the session and the
 * viewer from the database (never from the client), parses the input with zod, and only then runs the
 * handler. Rules about roles and tenants are re-checked inside the handler's transaction.
 */
export function authAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, context: { viewer: Viewer; formData: FormData }) => Promise<FormState | void>,
  options: { files?: readonly string[] } = {},
): (previous: FormState, formData: FormData) => Promise<FormState> {
  const context = async () => {
    const viewer = await getViewer();
    return viewer ? { viewer } : SESSION_ENDED;
  };
  return boundary(handler.name, schema, context, handler, options.files) as (previous: FormState, formData: FormData) => Promise<FormState>;
}

/**
 * The wrapper for the few actions a visitor may call (signing in, accepting an invitation by its link):
 * the same boundary and zod parsing as authAction, but no session to read. Anyone can call such an action,
 * so its handler must prove the right to act some other way (a password, a single-use token).
 */
export function visitorAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, context: { formData: FormData }) => Promise<FormState | void>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return boundary(handler.name, schema, async () => ({}), handler) as (previous: FormState, formData: FormData) => Promise<FormState>;
}
