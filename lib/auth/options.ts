import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "./sign-in-schema";
import { checkSignIn } from "./sign-in";
import { SIGN_IN_LOCKED } from "./sign-in-throttle";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
