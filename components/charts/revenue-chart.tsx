"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { moneyLabel, moneyTick, shortDate } from "./format";

export interface RevenueChartPoint {
  period: string;
  /** Minor units. */
  revenue: number;
  payments: number;
}

/** Revenue per day or week as bars. */
export function RevenueChart({ points, currency }: { points: RevenueChartPoint[]; currency: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 240 }}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} stroke="#e5e5e5" />
        <XAxis dataKey="period" tickFormatter={shortDate} tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis tickFormatter={moneyTick(currency)} tick={{ fontSize: 11 }} width={64} />
        <Tooltip formatter={(value) => [moneyLabel(currency)(Number(value)), "Revenue"]} labelFormatter={(label) => shortDate(String(label))} />
        <Bar dataKey="revenue" name="Revenue" fill="#171717" radius={[2, 2, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
