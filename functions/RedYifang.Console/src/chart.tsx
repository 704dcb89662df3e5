import { useEffect, useRef } from "preact/hooks";
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration,
} from "chart.js";

// Only the parts the console draws (bars), so the bundle carries no other chart type.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = '"WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';
Chart.defaults.animation = false;

/** A bar chart on a canvas; the table beside it carries the same figures for screen readers. */
export function BarChart({ config, label }: { config: ChartConfiguration<"bar">; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
