import { z } from "zod";
import { messageBody } from "@/lib/chat-sessions/messages/message-schema";
import { idSchema } from "@/lib/id-schema";

const id = idSchema();
export const idParam = z.string().regex(/^\d{1,10}$/).transform(Number).pipe(id);
export const tokenRequestSchema = z.object({ email: z.string().trim().toLowerCase().max(320).pipe(z.email()), password: z.string().min(1).max(1024) }).strict();
export const startSessionSchema = z.object({ productId: id }).strict();
export const sendMessageSchema = z.object({ body: messageBody }).strict();
export const messagesQuerySchema = z.object({ before: idParam.optional() });
