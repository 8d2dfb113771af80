"use server";
import { actionOf, defineAction } from "@/lib/actions/define-action";
import { announceRevoked } from "@/lib/api/tokens";
import { listBulkAction } from "@/lib/list-engine/bulk-action";
import { usersList } from "./list";
import { usersSource } from "./list-source";
import { createUser, deleteUser, signOutEverywhere, signOutSelectedUsers, updateUser } from "./manage-users";
import { createUserSchema, deleteUserSchema, signOutEverywhereSchema, updateUserSchema } from "./user-schema";

// Error messages are keys of the `userForm` catalog.
export const createUserAction = defineAction("users.manage", createUserSchema, createUser);

export const updateUserAction = defineAction("users.manage", updateUserSchema, updateUser);

export const deleteUserAction = defineAction("users.manage", deleteUserSchema, deleteUser);

export const signOutEverywhereAction = defineAction("users.manage", signOutEverywhereSchema, signOutEverywhere);

/** The users list's bulk "sign out everywhere": the ticked users or all matching the filters. */
export const signOutSelectedUsersAction = actionOf(listBulkAction(usersList, usersSource, "signOutEverywhere", signOutSelectedUsers, ({ ids }) => announceRevoked(ids)));
