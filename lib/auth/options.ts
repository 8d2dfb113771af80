import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { endSession } from "./session-validity";
import { signInSchema } from "./sign-in-schema";
import { checkSignIn } from "./sign-in";
import { SIGN_IN_LOCKED } from "./sign-in-throttle";

const SESSION_MAX_AGE_S = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        // Every role may sign in here: customers and vendors land on their chat.
        const outcome = await checkSignIn(parsed.data.email, parsed.data.password, () => true);
        if (outcome.kind === "locked") throw new Error(SIGN_IN_LOCKED);
        if (outcome.kind === "refused") return null;
        const { user } = outcome;
        return { id: String(user.id), name: user.name, email: user.email, role: user.role, sessionEpoch: user.sessionEpoch };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = Number(user.id);
        token.role = user.role;
        // What lets the server end this session (lib/auth/session-validity.ts).
        token.sid = randomUUID();
        token.epoch = user.sessionEpoch;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.userId, role: token.role, sid: token.sid, epoch: token.epoch };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid !== "string" || typeof token.userId !== "number") return;
      const expiresAt = typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date(Date.now() + SESSION_MAX_AGE_S * 1000);
      await endSession({ userId: token.userId, sid: token.sid, epoch: token.epoch }, expiresAt);
    },
  },
};
