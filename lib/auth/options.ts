import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { endSession } from "./session-validity";
import { signInSchema } from "./sign-in-schema";
import { verifyPassword } from "./password";
import { sharedSignInThrottle as throttle } from "./shared-sign-in-throttle";
import { ACCOUNT_RULE, ADDRESS_RULE, SIGN_IN_LOCKED } from "./sign-in-throttle";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? (forwarded.split(",")[0]?.trim() ?? "unknown") : "local";
}

const SESSION_MAX_AGE_S = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const accountKey = `account:${parsed.data.email}`;
        const addressKey = `address:${clientAddress(request?.headers)}`;
        const [accountLock, addressLock] = [await throttle.lockedFor(accountKey), await throttle.lockedFor(addressKey)];
        if (accountLock > 0 || addressLock > 0) {
          throw new Error(SIGN_IN_LOCKED);
        }
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
          await throttle.recordFailure(accountKey, ACCOUNT_RULE);
          await throttle.recordFailure(addressKey, ADDRESS_RULE);
          return null;
        }
        await throttle.recordSuccess(accountKey);
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
