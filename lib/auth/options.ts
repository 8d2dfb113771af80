import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { signInSchema } from "./sign-in-schema";
import { verifyPassword } from "./password";
import { sharedSignInThrottle as throttle } from "./shared-sign-in-throttle";
import { ACCOUNT_RULE, ADDRESS_RULE, SIGN_IN_LOCKED } from "./sign-in-throttle";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? (forwarded.split(",")[0]?.trim() ?? "unknown") : "local";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
        return { id: String(user.id), name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = Number(user.id);
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.userId, role: token.role };
      return session;
    },
  },
};
