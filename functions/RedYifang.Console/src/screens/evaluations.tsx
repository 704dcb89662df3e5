import { useState } from "preact/hooks";
import { api } from "../api";
import { label, lastMonth, receivedStates, time } from "../labels";
import { children, getOrg, streetsAndBelow, useOrgNames, type Org, type Page } from "../orgs";
import { ADMIN_ROLES } from "../session";
import { Empty, ErrorBox, OrgSelect, Show, useActing, useAction, useLoad } from "../ui";

interface Evaluation { id: string; subjectOrgId: string; score: number; opinion: string; submittedAt: string }
interface Received {
  state: string; windowOpensAt: string; windowClosesAt: string; minimumEvaluators: number; evaluators: number | null;
  mean: number | null;
}

/**
 * Whom an organisation evaluates (双向约束, Evaluations/EvaluationPolicy.cs): a unit or volunteer team its street and
 * community; a street or community the units and volunteer teams within it.
 */
async function subjectsOf(org: Org): Promise<Org[]> {
  if (org.kind === "unit" || org.kind === "volunteerTeam") {
    const ids = org.path.slice(1, -1);
    const above = await Promise.all(ids.map(getOrg));
    return above.filter((o) => o.kind === "street" || o.kind === "community");
  }
  const isUnit = (o: Org) => o.kind === "unit" || o.kind === "volunteerTeam";
  const direct = await children(org.id);
  const out = direct.filter(isUnit);
  if (org.kind === "street") {
    for (const c of direct.filter((o) => o.kind === "community")) out.push(...(await children(c.id)).filter(isUnit));
  }
  return out;
}

/** 双向评价: evaluate within the period's window, what was given, and what was received once the blind rules allow it. */
export function Evaluations() {
  // A district does not evaluate; its admins act for its streets.
  const [orgs] = useActing([...ADMIN_ROLES, "liaison"], streetsAndBelow);
  return (
    <section>
      <h1>双向评价</h1>
      <Show value={orgs} what="组织">
        {(list) => (list.length === 0 ? <Empty>您的角色没有参与评价的组织。</Empty> : <Period orgs={list} />)}
      </Show>
    </section>
  );
}

function Period({ orgs }: { orgs: Org[] }) {
  const [orgId, setOrgId] = useState(orgs[0].id);
  const [period, setPeriod] = useState(lastMonth());
  const org = orgs.find((o) => o.id === orgId)!;
  const [received, reloadReceived] = useLoad(
    () => api<Received>("GET", `/v1/evaluations/received?orgId=${encodeURIComponent(orgId)}&period=${period}`),
    [orgId, period]);
  const [given, reloadGiven] = useLoad(
    () => api<Page<Evaluation>>("GET",
      `/v1/evaluations?evaluatorOrgId=${encodeURIComponent(orgId)}&period=${period}&limit=100`),
    [orgId, period]);
  const [subjects] = useLoad(() => subjectsOf(org), [orgId]);
  const names = useOrgNames(given.state === "ready" ? given.value.items.map((e) => e.subjectOrgId) : []);
  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="选择评价期间">
        <OrgSelect orgs={orgs} value={orgId} onChange={setOrgId} text="评价方" name="org" />
        <label>
          期间
          <input name="period" value={period} pattern="[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?" required
            onChange={(e) => e.currentTarget.checkValidity() && setPeriod(e.currentTarget.value)} />
        </label>
      </form>
      <section class="panel" aria-labelledby="received" data-testid="received">
        <h2 id="received">本组织收到的评价（匿名）</h2>
        <Show value={received} retry={reloadReceived} what="评价结果">
          {(r) => (
            <>
              <p data-state={r.state}>
                <strong>{label(receivedStates, r.state)}</strong>
                {r.state === "available" && r.mean !== null && (
                  <span>：{r.evaluators} 个组织评价，平均 <strong class="score">{r.mean.toFixed(2)}</strong> 分</span>
                )}
              </p>
              <p class="hint">
                评价窗口：{time(r.windowOpensAt)} 至 {time(r.windowClosesAt)}；窗口关闭后、且至少 {r.minimumEvaluators}{" "}
                个组织评价时才公布平均分，不公布单个评价。
              </p>
            </>
          )}
        </Show>
      </section>
      <div class="columns">
        <Show value={subjects} what="可评价的组织">
          {(list) =>
            list.length === 0 ? (
              <Empty>这个组织没有可评价的对象。</Empty>
            ) : (
              <Submit key={orgId + period} evaluatorId={orgId} period={period} subjects={list}
                done={() => (reloadGiven(), reloadReceived())} />
            )
          }
        </Show>
        <section aria-labelledby="given">
          <h2 id="given">本组织已提交的评价</h2>
          <Show value={given} retry={reloadGiven} what="已提交的评价">
            {(p) =>
              p.items.length === 0 ? (
                <Empty>这一期还没有提交评价。</Empty>
              ) : (
                <table class="list" data-testid="given">
                  <thead>
                    <tr>
                      <th scope="col">被评价组织</th>
                      <th scope="col">分数</th>
                      <th scope="col">意见</th>
                      <th scope="col">提交时间</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.items.map((e) => (
                      <tr key={e.id} data-subject={e.subjectOrgId}>
                        <td>{names[e.subjectOrgId] ?? e.subjectOrgId}</td>
                        <td>{e.score}</td>
                        <td>{e.opinion}</td>
                        <td>{time(e.submittedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </Show>
        </section>
      </div>
    </>
  );
}

function Submit({ evaluatorId, period, subjects, done }: {
  evaluatorId: string; period: string; subjects: Org[]; done: () => void;
}) {
  const [subjectId, setSubjectId] = useState(subjects[0].id);
  const [sent, setSent] = useState(false);
  const action = useAction();
  return (
    <form
      class="card"
      aria-labelledby="submit-evaluation"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setSent(false);
        const ok = await action.run(() =>
          api("POST", "/v1/evaluations", {
            period, evaluatorOrgId: evaluatorId, subjectOrgId: subjectId,
            score: Number(f.get("score")), opinion: String(f.get("opinion")).trim(),
          }),
        );
        if (ok) {
          setSent(true);
          done();
        }
      }}
    >
      <h2 id="submit-evaluation">提交评价（{period}）</h2>
      <div class="grid-form">
        <OrgSelect orgs={subjects} value={subjectId} onChange={setSubjectId} text="被评价组织" name="subject" />
        <label for="ev-score">分数（0–100 的整数）</label>
        <input id="ev-score" name="score" type="number" min={0} max={100} step={1} required defaultValue="90" />
        <label for="ev-opinion">意见</label>
        <textarea id="ev-opinion" name="opinion" required maxLength={500} rows={3} />
      </div>
      <button type="submit" class="primary" disabled={action.busy}>提交评价</button>
      {sent && <p class="ok" role="status">评价已提交。</p>}
      {action.error && <ErrorBox error={action.error} />}
    </form>
  );
}
