"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { moneyLabel, moneyTick } from "@/components/charts/format";

export interface SpendChartPoint {
  /** YYYY-MM. */
  month: string;
  /** Minor units. */
  spend: number;
}

const monthLabel = (month: string) => new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));

/** The customer's spend per month as bars. */
export function SpendChart({ points, currency }: { points: SpendChartPoint[]; currency: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 200 }}>
      <BarChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: 4 }}>
        <CartesianGrid vertical={false} stroke="#e5e5e5" />
        <XAxis dataKey="month" tickFormatter={monthLabel} tick={{ fontSize: 11 }} interval="preserveStartEnd" />
        <YAxis tickFormatter={moneyTick(currency)} tick={{ fontSize: 11 }} width={56} />
        <Tooltip formatter={(value) => [moneyLabel(currency)(Number(value)), "Spend"]} labelFormatter={(label) => monthLabel(String(label))} />
        <Bar dataKey="spend" name="Spend" fill="#171717" radius={[2, 2, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
