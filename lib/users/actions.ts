"use server";
import { defineAction } from "@/lib/actions/define-action";
import { createUser, deleteUser, signOutEverywhere, updateUser } from "./manage-users";
import { createUserSchema, deleteUserSchema, signOutEverywhereSchema, updateUserSchema } from "./user-schema";

// Error messages are keys of the `userForm` catalog.
export const createUserAction = defineAction("users.manage", createUserSchema, createUser);

export const updateUserAction = defineAction("users.manage", updateUserSchema, updateUser);

export const deleteUserAction = defineAction("users.manage", deleteUserSchema, deleteUser);

export const signOutEverywhereAction = defineAction("users.manage", signOutEverywhereSchema, signOutEverywhere);
