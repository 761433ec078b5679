"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { moneyLabel, moneyTick } from "./format";

export interface TopCustomerBar {
  name: string;
  /** Minor units. */
  spend: number;
}

/** The biggest spenders of the range as horizontal bars. */
export function TopCustomersChart({ bars, currency }: { bars: TopCustomerBar[]; currency: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 240 }}>
      <BarChart data={bars} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e5e5e5" />
        <XAxis type="number" tickFormatter={moneyTick(currency)} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip formatter={(value) => [moneyLabel(currency)(Number(value)), "Spend"]} />
        <Bar dataKey="spend" name="Spend" fill="#047857" radius={[0, 2, 2, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
