import { useMemo, useState } from "preact/hooks";
import { api } from "../api";
import { BarChart } from "../chart";
import { label, orderStates, thisMonth } from "../labels";
import { useOrgNames } from "../orgs";
import { ADMIN_ROLES, orgsWith, useSession } from "../session";
import { Empty, Show, useLoad } from "../ui";

interface Figures {
  communities: number; registeredUnits: number; linkedUnits: number; volunteerTeams: number;
  ordersByStatus: Record<string, number>; ordersPublished: number; ordersAccepted: number; beneficiaries: number;
  serviceHours: number; medianResponseHours: number | null; averageStars: number | null; completionRate: number | null;
  ordersDeclined: number; fundsGiven: number | null;
}

/** 成效统计: a scope's outcome figures for a period, orders by state as a chart. */
export function Statistics() {
  const orgs = orgsWith(useSession(), ...ADMIN_ROLES);
  const names = useOrgNames(orgs);
  const [orgId, setOrgId] = useState(orgs[0] ?? "");
  const [period, setPeriod] = useState(thisMonth());
  const [figures, reload] = useLoad(
    () => api<Figures>("GET", `/v1/stats?scopeOrgId=${encodeURIComponent(orgId)}&period=${period}`),
    [orgId, period],
  );
  if (!orgId) return <Empty>您的角色没有可统计的范围。</Empty>;
  return (
    <section>
      <h1>成效统计</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="选择范围">
        <label>
          范围
          <select name="org" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
            {orgs.map((o) => (
              <option key={o} value={o}>
                {names[o] ?? o}
              </option>
            ))}
          </select>
        </label>
        <label>
          期间
          <input name="period" value={period} pattern="[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?" required
            onChange={(e) => e.currentTarget.checkValidity() && setPeriod(e.currentTarget.value)} />
        </label>
      </form>
      <Show value={figures} retry={reload} what="统计">
        {(f) => <Dashboard f={f} />}
      </Show>
    </section>
  );
}

function Dashboard({ f }: { f: Figures }) {
  const cards: [string, string][] = [
    ["社区", String(f.communities)], ["注册单位", String(f.registeredUnits)], ["共建单位", String(f.linkedUnits)],
    ["志愿服务队", String(f.volunteerTeams)], ["发布订单", String(f.ordersPublished)], ["验收订单", String(f.ordersAccepted)],
    ["受益人次", String(f.beneficiaries)], ["服务时长（小时）", f.serviceHours.toFixed(1)],
    ["响应时间中位数（小时）", f.medianResponseHours == null ? "—" : f.medianResponseHours.toFixed(1)],
    ["平均评分", f.averageStars == null ? "—" : f.averageStars.toFixed(2)],
    ["完成率", f.completionRate == null ? "—" : `${(f.completionRate * 100).toFixed(0)}%`],
    ["资金捐赠（元）", f.fundsGiven == null ? "—" : String(f.fundsGiven)],
  ];
  const states = Object.keys(f.ordersByStatus);
  const config = useMemo(
    () => ({
      type: "bar" as const,
      data: {
        labels: states.map((s) => label(orderStates, s)),
        datasets: [{ label: "订单数", data: states.map((s) => f.ordersByStatus[s]), backgroundColor: "#c8102e" }],
      },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    }),
    [f],
  );
  return (
    <>
      <ul class="cards">
        {cards.map(([k, v]) => (
          <li key={k}>
            <span>{k}</span>
            <strong>{v}</strong>
          </li>
        ))}
      </ul>
      <h2>各状态订单</h2>
      <BarChart config={config} label="各状态订单数" />
    </>
  );
}
