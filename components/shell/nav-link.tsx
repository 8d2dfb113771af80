"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** True when `pathname` is `href`'s section: the page itself or one below it ("/" only itself). */
function isCurrentSection(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** A sidebar link that marks the section the user is in with aria-current (which app/globals.css's .nav-link shows). */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} aria-current={isCurrentSection(usePathname(), href) ? "page" : undefined} className="nav-link">
      {children}
    </Link>
  );
}
