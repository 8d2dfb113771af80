"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** True when `pathname` is `href`'s section: the page itself or one below it ("/" only itself). */
function isCurrentSection(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** A sidebar link that marks the section the user is in, for the eye and with aria-current. */
export function NavLink({ href, className, children }: { href: string; className: string; children: ReactNode }) {
  const current = isCurrentSection(usePathname(), href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`${className} ${current ? "bg-blue-50 text-blue-800 ring-1 ring-inset ring-blue-200 dark:bg-blue-950 dark:text-blue-100 dark:ring-blue-800" : ""}`}
    >
      {children}
    </Link>
  );
}
