import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { label, runStates, time } from "../labels";
import { streetsAndBelow, useOrgNames, type Org } from "../orgs";
import { href } from "../router";
import { ADMIN_ROLES, useSession } from "../session";
import type { Order } from "../types";
import { Empty, ErrorBox, Loading, OrgSelect, Show, asApiError, useActing, useAction } from "../ui";
import type { Resource } from "./resources";

interface Proposal { orderId: string; resourceId: string; score: number }
interface Run {
  id: string; scopeOrgId: string; state: string; proposals: Proposal[]; error: string | null; createdAt: string;
  completedAt: string | null; continuationToken: string | null;
  objective: { orders: number; served: number; servedHigh: number; servedNormal: number; servedLow: number; totalScore: number } | null;
}

const POLL_MS = 1000;

/** 批量匹配: a run for a street (or a community, a district) is queued, watched until done, its proposals confirmed. */
export function BatchMatching() {
  const [scopes] = useActing(ADMIN_ROLES, streetsAndBelow);
  return (
    <section>
      <h1>批量匹配</h1>
      <Show value={scopes} what="范围">
        {(list) => (list.length === 0 ? <Empty>您没有可发起匹配的街道或社区。</Empty> : <Runner scopes={list} />)}
      </Show>
    </section>
  );
}

function Runner({ scopes }: { scopes: Org[] }) {
  const [scopeId, setScopeId] = useState(scopes[0].id);
  // The last run this user started in this tab, watched again when the screen is opened again.
  const runKey = `matching.run.${useSession().user.id}`;
  const [runId, setRunId] = useState<string | null>(sessionStorage.getItem(runKey));
  const start = useAction();
  return (
    <>
      <form
        class="filters"
        aria-label="发起批量匹配"
        onSubmit={async (e) => {
          e.preventDefault();
          await start.run(async () => {
            const run = await api<Run>("POST", "/v1/matching/runs", { scopeOrgId: scopeId });
            sessionStorage.setItem(runKey, run.id);
            setRunId(run.id);
          });
        }}
      >
        <OrgSelect orgs={scopes} value={scopeId} onChange={setScopeId} text="匹配范围" name="scope" />
        <button type="submit" class="primary" disabled={start.busy}>开始批量匹配</button>
      </form>
      <p class="hint">对范围内所有已发布的订单求最优分配；在您确认之前不会匹配任何订单。</p>
      {start.error && <ErrorBox error={start.error} />}
      {runId ? <RunView key={runId} id={runId} /> : <Empty>还没有匹配运行。选择范围后点击“开始批量匹配”。</Empty>}
    </>
  );
}

/** Polls the run while it is queued or running, then shows its proposals to confirm. */
function RunView({ id }: { id: string }) {
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  useEffect(() => {
    let live = true;
    let timer = 0;
    const poll = async () => {
      try {
        const r = await api<Run>("GET", `/v1/matching/runs/${encodeURIComponent(id)}?limit=100`);
        if (!live) return;
        setRun(r);
        setError(null);
        if (r.state === "queued" || r.state === "running") timer = window.setTimeout(poll, POLL_MS);
      } catch (e) {
        if (live) setError(asApiError(e));
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);
  const names = useOrgNames(run ? [run.scopeOrgId] : []);
  if (error) return <ErrorBox error={error} />;
  if (!run) return <Loading what="匹配运行" />;
  const o = run.objective;
  return (
    <section class="panel" aria-labelledby="run" data-run={run.id} data-state={run.state}>
      <h2 id="run">
        {names[run.scopeOrgId] ?? run.scopeOrgId} 的匹配运行{" "}
        <span class={`badge run-${run.state}`} role="status">{label(runStates, run.state)}</span>
      </h2>
      <p class="hint">发起于 {time(run.createdAt)}{run.completedAt ? `，完成于 ${time(run.completedAt)}` : ""}</p>
      {(run.state === "queued" || run.state === "running") && <Loading what="匹配结果（每秒刷新）" />}
      {run.state === "failed" && <div class="state error" role="alert">匹配运行失败：{run.error ?? "原因未知"}</div>}
      {o && (
        <ul class="cards">
          <li><span>待匹配订单</span><strong>{o.orders}</strong></li>
          <li><span>可满足</span><strong>{o.served}</strong></li>
          <li><span>紧急/较急/一般</span><strong>{o.servedHigh}/{o.servedNormal}/{o.servedLow}</strong></li>
          <li><span>总得分</span><strong>{o.totalScore.toFixed(3)}</strong></li>
        </ul>
      )}
      {run.state === "completed" &&
        (run.proposals.length === 0 ? <Empty>没有可提出的匹配方案（范围内没有可匹配的已发布订单）。</Empty> : <Proposals run={run} />)}
    </section>
  );
}

type Outcome = { ok: true } | { ok: false; message: string };

function Proposals({ run }: { run: Run }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set(run.proposals.map((p) => p.orderId)));
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [details, setDetails] = useState<Record<string, { order?: Order; resource?: Resource }>>({});
  const confirm = useAction();
  useEffect(() => {
    for (const p of run.proposals) {
      api<Order>("GET", `/v1/orders/${encodeURIComponent(p.orderId)}`).then(
        (order) => setDetails((d) => ({ ...d, [p.orderId]: { ...d[p.orderId], order } })), () => {});
      api<Resource>("GET", `/v1/resources/${encodeURIComponent(p.resourceId)}`).then(
        (resource) => setDetails((d) => ({ ...d, [p.orderId]: { ...d[p.orderId], resource } })), () => {});
    }
  }, [run.id]);
  const units = useOrgNames(Object.values(details).map((d) => d.resource?.unitId).filter((x): x is string => !!x));
  const toggle = (orderId: string) => {
    const next = new Set(chosen);
    if (next.has(orderId)) next.delete(orderId);
    else next.add(orderId);
    setChosen(next);
  };
  const pending = run.proposals.filter((p) => chosen.has(p.orderId) && !outcomes[p.orderId]?.ok);
  return (
    <form
      aria-label="确认匹配方案"
      onSubmit={async (e) => {
        e.preventDefault();
        await confirm.run(async () => {
          for (const p of pending) {
            try {
              await api("POST", `/v1/orders/${encodeURIComponent(p.orderId)}/match`, { resourceId: p.resourceId });
              setOutcomes((o) => ({ ...o, [p.orderId]: { ok: true } }));
            } catch (err) {
              setOutcomes((o) => ({ ...o, [p.orderId]: { ok: false, message: asApiError(err).message } }));
            }
          }
        });
      }}
    >
      <table class="list">
        <caption>匹配方案（勾选要确认的）</caption>
        <thead>
          <tr>
            <th scope="col">确认</th>
            <th scope="col">订单</th>
            <th scope="col">资源</th>
            <th scope="col">单位</th>
            <th scope="col">得分</th>
            <th scope="col">结果</th>
          </tr>
        </thead>
        <tbody>
          {run.proposals.map((p) => {
            const d = details[p.orderId] ?? {};
            const outcome = outcomes[p.orderId];
            return (
              <tr key={p.orderId} data-proposal={p.orderId}>
                <td>
                  <input type="checkbox" checked={chosen.has(p.orderId)} disabled={outcome?.ok}
                    aria-label={`确认 ${d.order?.title ?? p.orderId}`} onChange={() => toggle(p.orderId)} />
                </td>
                <td><a {...href(`/orders/${encodeURIComponent(p.orderId)}`)}>{d.order?.title ?? p.orderId}</a></td>
                <td>{d.resource?.title ?? p.resourceId}</td>
                <td>{d.resource ? (units[d.resource.unitId] ?? d.resource.unitId) : "—"}</td>
                <td>{p.score.toFixed(3)}</td>
                <td>{outcome ? (outcome.ok ? <span class="ok">已匹配</span> : <span class="bad">{outcome.message}</span>) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="actions">
        <button type="submit" class="primary" disabled={confirm.busy || pending.length === 0}>
          确认所选（{pending.length}）
        </button>
      </div>
      {confirm.error && <ErrorBox error={confirm.error} />}
    </form>
  );
}
