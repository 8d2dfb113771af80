// npm run docs:permissions — prints the permission matrix as the README's Markdown table.
import { permissionsMarkdownTable } from "../lib/permissions-table";

console.log(permissionsMarkdownTable());
