"use client";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/lib/i18n/client";
import { directionOf } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/translate";

export type ChartPoint = { label: string; value: number; text: string };

/**
 * A small time chart for the overview. It is a picture for the eye (hidden from screen readers):
 * its figure carries the same data as a table beside it. Time runs with the reading direction,
 * so in Arabic the axis is reversed and the values sit on the right.
 */
export function OverviewChart({ kind, points, name }: { kind: "bar" | "line"; points: ChartPoint[]; name: string }) {
  const locale = useLocale();
  const rtl = directionOf(locale) === "rtl";
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
      <XAxis dataKey="label" reversed={rtl} tick={{ fontSize: 11, fill: "currentColor" }} interval="preserveStartEnd" minTickGap={16} />
      <YAxis orientation={rtl ? "right" : "left"} tick={{ fontSize: 11, fill: "currentColor" }} tickFormatter={(value: number) => formatNumber(locale, value)} width={44} allowDecimals={false} />
      <Tooltip formatter={(_value, _name, item) => [(item.payload as ChartPoint).text, name]} contentStyle={{ direction: rtl ? "rtl" : "ltr" }} />
    </>
  );
  return (
    <div aria-hidden="true" className="h-56 w-full text-slate-700 dark:text-slate-300" dir="ltr">
      <ResponsiveContainer width="100%" height="100%">
        {kind === "bar" ? (
          <BarChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            {axes}
            <Bar dataKey="value" name={name} fill="#1d4ed8" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        ) : (
          <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            {axes}
            <Line dataKey="value" name={name} stroke="#1d4ed8" strokeWidth={2} dot isAnimationActive={false} />
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
