"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { shortDate } from "./format";

export interface CustomersChartPoint {
  period: string;
  newCustomers: number;
  returningCustomers: number;
}

/** New and returning paying customers per day or week, stacked. */
export function CustomersChart({ points }: { points: CustomersChartPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 240 }}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e5e5e5" />
        <XAxis dataKey="period" tickFormatter={shortDate} tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
        <Tooltip labelFormatter={(label) => shortDate(String(label))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="returningCustomers" name="Returning" stackId="c" fill="#0369a1" isAnimationActive={false} />
        <Bar dataKey="newCustomers" name="New" stackId="c" fill="#f59e0b" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
