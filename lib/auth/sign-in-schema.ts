import { z } from "zod";

// Shared by the sign-in form (react-hook-form) and next-auth's authorize().
// Messages are catalog keys of the `auth` namespace.
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email({ error: "emailInvalid" })),
  password: z.string().min(1, { error: "passwordRequired" }).max(1024, { error: "passwordRequired" }),
});
export type SignInInput = z.infer<typeof signInSchema>;
