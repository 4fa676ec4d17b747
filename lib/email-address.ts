import { z } from "zod";

/** An email address as the forms take it: trimmed, lower-cased (how User.email is stored), at most 254 characters. */
export const emailAddress = z.string().trim().toLowerCase().pipe(z.email("Enter an email address, like name@school.org.uk").max(254));
