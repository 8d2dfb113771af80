import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { FigureTable, FiguresTable } from "@/components/overview/figure-table";
import { OverviewChart } from "@/components/overview/overview-chart";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { formatRelativeTime } from "@/lib/i18n/relative-time";
import { formatNumber } from "@/lib/i18n/translate";
import { formatDay, formatDuration, formatShare } from "@/lib/overview/format";
import { loadOverviewFigures } from "@/lib/overview/overview-figures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("overview"))("title") };
}

const CARD = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900";
const LINK = "text-blue-700 underline underline-offset-2 dark:text-blue-300";

function Card({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={CARD}>
      <h2 id={id} className="text-sm font-semibold text-slate-700 dark:text-slate-300">
        {title}
      </h2>
      {hint ? <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      <div className="mt-2">{children}</div>
    </section>
  );
}

/** The staff's first page: what waits for an answer, how busy and how fast, and what sells. Each figure links to the list it counts, where the list has that filter (not the per-day and per-week charts, nor a conversion cohort: no such filter). */
export default async function OverviewPage() {
  await requirePagePermission("chatSessions.view");
  const [t, locale, figures] = await Promise.all([getTranslator("overview"), getLocale(), loadOverviewFigures()]);
  const number = (value: number) => formatNumber(locale, value);
  // `also`: the rest of what the figure counts, as the list's own filters
  const vendorLink = (vendorId: number, vendorName: string, text: ReactNode, also = "") => (
    <Link href={`/chat-sessions?vendor=${vendorId}${also}`} className={LINK} aria-label={t("viewSessions", { vendor: vendorName })}>
      {text}
    </Link>
  );
  const days = figures.messagesPerDay.map((day) => ({ label: formatDay(day.day, locale), value: day.messages, text: number(day.messages) }));
  const weeks = figures.firstReplyByWeek.map((week) => ({ label: formatDay(week.week, locale), value: Math.round(week.medianSeconds / 60), text: formatDuration(week.medianSeconds, locale) }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div className="grid gap-4 sm:grid-cols-3">
        <Card id="unread-total" title={t("unreadTotal")}>
          <Link href="/chat-sessions?unread=1" className="text-3xl font-semibold tabular-nums text-blue-700 dark:text-blue-300" aria-label={`${number(figures.unreadTotal)} — ${t("unreadLink")}`} data-testid="overview-unread">
            {number(figures.unreadTotal)}
          </Link>
        </Card>
        <Card id="awaiting" title={t("awaiting")} hint={t("awaitingHint")}>
          <Link href="/chat-sessions?awaiting=vendor" className="text-3xl font-semibold tabular-nums text-blue-700 dark:text-blue-300" aria-label={`${number(figures.awaiting.sessions)} — ${t("awaitingLink")}`} data-testid="overview-awaiting">
            {number(figures.awaiting.sessions)}
          </Link>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {figures.awaiting.longestWaitSince ? (
              <Link href="/chat-sessions?awaiting=vendor&sort=waiting&dir=asc" className={LINK} data-testid="overview-longest-wait">
                {t("longestWait", { since: formatRelativeTime(figures.awaiting.longestWaitSince, locale) })}
              </Link>
            ) : (
              t("noneWaiting")
            )}
          </p>
        </Card>
        <Card id="conversion" title={t("conversion")} hint={t("conversionHint")}>
          <p className="text-3xl font-semibold tabular-nums" data-testid="overview-conversion">
            {formatShare(figures.conversion.converted, figures.conversion.sessions, locale)}
          </p>
          <p className="text-sm text-slate-700 dark:text-slate-300">{t("conversionOf", { converted: figures.conversion.converted, sessions: figures.conversion.sessions })}</p>
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card id="messages-per-day" title={t("messagesPerDay")}>
          <figure aria-labelledby="messages-per-day">
            <OverviewChart kind="bar" points={days} name={t("messages")} />
            <FigureTable summary={t("showTable")} headers={[t("day"), t("messages")]} rows={days.map((day) => ({ key: day.label, cells: [day.label, day.text] }))} />
          </figure>
        </Card>
        <Card id="first-reply" title={t("firstReply")} hint={t("firstReplyHint")}>
          {weeks.length ? (
            <figure aria-labelledby="first-reply">
              <OverviewChart kind="line" points={weeks} name={t("medianMinutes")} />
              <FigureTable summary={t("showTable")} headers={[t("week"), t("median")]} rows={weeks.map((week) => ({ key: week.label, cells: [week.label, week.text] }))} />
            </figure>
          ) : (
            <p className="text-sm">{t("noData")}</p>
          )}
        </Card>
        <Card id="vendors-waiting" title={t("vendorsWaiting")}>
          {figures.vendorsMostWaiting.length ? (
            <FiguresTable
              headers={[t("vendor"), t("waiting")]}
              rows={figures.vendorsMostWaiting.map((vendor) => ({ key: vendor.vendorId, cells: [<bdi key="name">{vendor.vendorName}</bdi>, vendorLink(vendor.vendorId, vendor.vendorName, number(vendor.sessions), "&awaiting=vendor")] }))}
            />
          ) : (
            <p className="text-sm">{t("noneWaiting")}</p>
          )}
        </Card>
        <Card id="conversion-by-vendor" title={t("conversionByVendor")}>
          {figures.conversion.byVendor.length ? (
            <FiguresTable
              testId="conversion-by-vendor"
              headers={[t("vendor"), t("sessions"), t("converted"), t("share")]}
              rows={figures.conversion.byVendor.map((vendor) => ({
                key: vendor.vendorId,
                cells: [<bdi key="name">{vendor.vendorName}</bdi>, vendorLink(vendor.vendorId, vendor.vendorName, number(vendor.sessions)), number(vendor.converted), formatShare(vendor.converted, vendor.sessions, locale)],
              }))}
            />
          ) : (
            <p className="text-sm">{t("noData")}</p>
          )}
        </Card>
      </div>
    </div>
  );
}
