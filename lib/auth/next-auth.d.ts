import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionEpoch: number;
  }
  interface Session {
    user: { id: number; role: Role; sid: string; epoch: number; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: number;
    role: Role;
    sid: string;
    epoch: number;
  }
}
