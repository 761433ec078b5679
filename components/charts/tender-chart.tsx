"use client";

import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { moneyLabel } from "./format";

export interface TenderChartSlice {
  name: string;
  /** Minor units. */
  revenue: number;
}

const COLOURS: Record<string, string> = { Card: "#171717", "Gift card": "#f59e0b", Other: "#0369a1" };

/** Gift card vs card vs other tenders, as a share of revenue. */
export function TenderChart({ slices, currency }: { slices: TenderChartSlice[]; currency: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 240 }}>
      <PieChart>
        <Pie data={slices} dataKey="revenue" nameKey="name" innerRadius="50%" outerRadius="80%" paddingAngle={1} isAnimationActive={false}>
          {slices.map((s) => (
            <Cell key={s.name} fill={COLOURS[s.name] ?? "#a3a3a3"} />
          ))}
        </Pie>
        <Tooltip formatter={(value) => moneyLabel(currency)(Number(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
      </PieChart>
    </ResponsiveContainer>
  );
}
