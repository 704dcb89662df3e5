import { useMemo, useState } from "preact/hooks";
import { api, download } from "../api";
import { BarChart } from "../chart";
import { indicators, label, lastMonth, peerGroups } from "../labels";
import { children, districts, getOrg } from "../orgs";
import { ADMIN_ROLES, useSession } from "../session";
import { Empty, ErrorBox, Show, useAction, useLoad } from "../ui";

interface RankingItem { rank: number | null; orgId: string; name: string; peerGroup: string; score: number; eligible: boolean }
interface Ranking { period: string; final: boolean; generatedAt: string; items: RankingItem[] }
interface IndicatorScore { indicator: string; raw: number; normalised: number; weight: number; contribution: number; note: string | null }
interface Breakdown { item: { orgId: string; name: string; rank: number | null; score: number; indicators: IndicatorScore[] } }
interface Scope { key: string; name: string; query: string; mayExport: boolean }

/** The rankings the caller's roles reach: their districts' and streets'. */
async function scopesOf(roles: { role: string; orgId: string | null }[]): Promise<Scope[]> {
  const scopes = new Map<string, Scope>();
  const district = async (id: string, mayExport: boolean) => {
    const d = await getOrg(id);
    scopes.set(`d${id}`, { key: `d${id}`, name: `${d.name}（全区）`, query: `districtId=${id}`, mayExport });
    for (const s of await children(id, "street")) {
      scopes.set(`s${s.id}`, { key: `s${s.id}`, name: s.name, query: `streetId=${s.id}`, mayExport });
    }
  };
  for (const { role, orgId } of roles) {
    if (role === "districtAdmin") {
      for (const id of orgId ? [orgId] : (await districts()).map((d) => d.id)) await district(id, true);
    } else if (role === "streetAdmin" && orgId) {
      const s = await getOrg(orgId);
      scopes.set(`s${s.id}`, { key: `s${s.id}`, name: s.name, query: `streetId=${s.id}`, mayExport: true });
    } else if (role === "communityAdmin" && orgId) {
      const c = await getOrg(orgId);
      const streetId = c.path[1];
      if (streetId && !scopes.has(`s${streetId}`)) {
        const s = await getOrg(streetId);
        scopes.set(`s${s.id}`, { key: `s${s.id}`, name: s.name, query: `streetId=${s.id}`, mayExport: false });
      }
    }
  }
  return [...scopes.values()];
}

/** 考核排名: rankings by period and scope, each organisation's breakdown as a chart, the .xlsx export. */
export function Rankings() {
  const session = useSession();
  const [scopes] = useLoad(() => scopesOf(session.user.roles.filter((r) => ADMIN_ROLES.includes(r.role))), [session.user.id]);
  return (
    <section>
      <h1>考核排名</h1>
      <Show value={scopes} what="范围">
        {(list) => (list.length === 0 ? <Empty>您的角色没有可查看的排名。</Empty> : <RankingView scopes={list} />)}
      </Show>
    </section>
  );
}

function RankingView({ scopes }: { scopes: Scope[] }) {
  const [scopeKey, setScopeKey] = useState(scopes[0].key);
  const [period, setPeriod] = useState(lastMonth());
  const [selected, setSelected] = useState<string | null>(null);
  const scope = scopes.find((s) => s.key === scopeKey)!;
  const [ranking, reload] = useLoad(() => api<Ranking>("GET", `/v1/rankings/${period}?${scope.query}`), [scopeKey, period]);
  const exporting = useAction();
  const [exported, setExported] = useState<string | null>(null);
  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="选择排名">
        <label>
          范围
          <select name="scope" value={scopeKey} onChange={(e) => { setScopeKey(e.currentTarget.value); setSelected(null); }}>
            {scopes.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          期间
          <input name="period" value={period} pattern="[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?" required
            onChange={(e) => { if (e.currentTarget.checkValidity()) { setPeriod(e.currentTarget.value); setSelected(null); } }} />
        </label>
        {scope.mayExport && (
          <button
            type="button"
            disabled={exporting.busy}
            onClick={() =>
              exporting.run(async () => setExported(await download(`/v1/rankings/${period}/export?${scope.query}`,
                `ranking-${period}.xlsx`)))
            }
          >
            导出 Excel
          </button>
        )}
      </form>
      {exported && <p class="ok" role="status">已导出 {exported}</p>}
      {exporting.error && <ErrorBox error={exporting.error} />}
      <div class="columns">
        <Show value={ranking} retry={reload} what="排名">
          {(r) =>
            r.items.length === 0 ? (
              <Empty>该期间还没有排名。</Empty>
            ) : (
              <table class="list">
                <caption>
                  {r.period} {r.final ? "（终榜）" : "（暂定，评价窗口未关闭）"}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">名次</th>
                    <th scope="col">组织</th>
                    <th scope="col">分组</th>
                    <th scope="col">得分</th>
                  </tr>
                </thead>
                <tbody>
                  {r.items.map((i) => (
                    <tr key={i.orgId} data-org={i.orgId} aria-selected={selected === i.orgId}>
                      <td>{i.rank ?? "—"}</td>
                      <td>
                        <button type="button" class="link" onClick={() => setSelected(i.orgId)}>
                          {i.name}
                        </button>
                      </td>
                      <td>{label(peerGroups, i.peerGroup)}</td>
                      <td>{i.eligible ? i.score.toFixed(2) : "不参评"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Show>
        {selected && <BreakdownView period={period} orgId={selected} scope={scope} />}
      </div>
    </>
  );
}

function BreakdownView({ period, orgId, scope }: { period: string; orgId: string; scope: Scope }) {
  const street = scope.query.startsWith("streetId=") ? `?${scope.query}` : "";
  const [b, reload] = useLoad(
    () => api<Breakdown>("GET", `/v1/rankings/${period}/orgs/${encodeURIComponent(orgId)}${street}`),
    [period, orgId, scope.key],
  );
  return (
    <section class="panel breakdown" aria-labelledby="breakdown" data-testid="breakdown">
      <Show value={b} retry={reload} what="得分构成">
        {(v) => <BreakdownChart b={v} />}
      </Show>
    </section>
  );
}

function BreakdownChart({ b }: { b: Breakdown }) {
  const rows = b.item.indicators;
  const config = useMemo(
    () => ({
      type: "bar" as const,
      data: {
        labels: rows.map((r) => label(indicators, r.indicator)),
        datasets: [{ label: "得分贡献", data: rows.map((r) => r.contribution), backgroundColor: "#c8102e" }],
      },
      options: { indexAxis: "y" as const, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    }),
    [b],
  );
  return (
    <>
      <h2 id="breakdown">
        {b.item.name} 得分构成（{b.item.score.toFixed(2)} 分{b.item.rank ? `，第 ${b.item.rank} 名` : ""}）
      </h2>
      <BarChart config={config} label={`${b.item.name}各项指标的得分贡献`} />
      <table class="list compact">
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">原始值</th>
            <th scope="col">权重</th>
            <th scope="col">贡献</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.indicator}>
              <td>{label(indicators, r.indicator)}</td>
              <td>{r.note ?? r.raw}</td>
              <td>{r.weight}</td>
              <td>{r.contribution.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
