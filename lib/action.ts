import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { typedValues, type FormState } from "./form-state";
import { getViewer, type Viewer } from "./auth";
import { ActionError } from "./errors";

export { ActionError, NotFoundError } from "./errors";

/**
 * Every server action is a public POST endpoint, so each one is built with this wrapper: it reads the
 * session and the viewer from the database (never from the client), parses the input with zod, and only
 * then runs the handler. Rules about roles and tenants are re-checked inside the handler's transaction.
 */
export function authAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, context: { viewer: Viewer; formData: FormData }) => Promise<FormState | void>,
) {
  return async function action(_previous: FormState, formData: FormData): Promise<FormState> {
    const viewer = await getViewer();
    if (!viewer) return { message: "Your session has ended. Sign in again to carry on." };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return { errors: z.flattenError(parsed.error).fieldErrors as FormState["errors"], message: "Check the highlighted fields.", values: typedValues(formData) };
    }
    try {
      return (await handler(parsed.data, { viewer, formData })) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are not errors
      if (error instanceof ActionError) return { message: error.message, values: typedValues(formData) };
      console.error("Server action failed", { action: handler.name, viewer: viewer.id, error });
      return { message: "Something went wrong and nothing was changed. Please try again.", values: typedValues(formData) };
    }
  };
}

/**
 * The wrapper for the few actions a visitor may call (accepting an invitation by its link): the same
 * zod parsing and error handling as authAction, but no session to read. Anyone can call such an
 * action, so its handler must prove the right to act some other way (a single-use token).
 */
export function visitorAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, context: { formData: FormData }) => Promise<FormState | void>,
) {
  return async function action(_previous: FormState, formData: FormData): Promise<FormState> {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return { errors: z.flattenError(parsed.error).fieldErrors as FormState["errors"], message: "Check the highlighted fields.", values: typedValues(formData) };
    }
    try {
      return (await handler(parsed.data, { formData })) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ActionError) return { message: error.message, values: typedValues(formData) };
      console.error("Server action failed", { action: handler.name, error });
      return { message: "Something went wrong and nothing was changed. Please try again.", values: typedValues(formData) };
    }
  };
}
