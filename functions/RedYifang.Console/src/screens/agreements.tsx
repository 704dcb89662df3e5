import { useState } from "preact/hooks";
import { api } from "../api";
import { agreementStates, categories, day, label, resourceKinds, time } from "../labels";
import { useOrgNames, type Org, type Page } from "../orgs";
import { ADMIN_ROLES, hasRole, useSession } from "../session";
import { Empty, EnumSelect, ErrorBox, OrgSelect, ReasonForm, Show, useActing, useAction, useLoad } from "../ui";

interface Commitment {
  category: string; categoryName: string; kind: string; target: number | null; amount: string | null; description: string | null;
}
interface Fulfilment {
  commitment: number; target: number | null; delivered: number | null; ratio: number | null;
  deliveries: { source: string; id: string; at: string }[]; amount: string | null; amountDelivered: string | null;
}
interface Agreement {
  id: string; partyOrgId: string; unitId: string; termFrom: string; termTo: string; liaisonUserId: string;
  commitments: Commitment[]; state: string; signature: { by: string; at: string } | null;
  countersignature: { by: string; at: string } | null; fulfilment: Fulfilment[] | null;
  history: { action: string; to: string; by: string; at: string; reason: string | null }[];
}

/** 共建协议: the agreements within an organisation, each with how far its commitments are met; sign, countersign, end. */
export function Agreements() {
  const [orgs] = useActing([...ADMIN_ROLES, "liaison"]);
  return (
    <section>
      <h1>共建协议</h1>
      <Show value={orgs} what="组织">
        {(list) => (list.length === 0 ? <Empty>您的角色没有可查看的协议。</Empty> : <AgreementList orgs={list} />)}
      </Show>
    </section>
  );
}

function AgreementList({ orgs }: { orgs: Org[] }) {
  const [orgId, setOrgId] = useState(orgs[0].id);
  const [state, setState] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const [page, reload] = useLoad(() => {
    const q = new URLSearchParams({ orgId, limit: "100" });
    if (state) q.set("state", state);
    return api<Page<Agreement>>("GET", `/v1/agreements?${q}`);
  }, [orgId, state]);
  const ids = page.state === "ready" ? page.value.items.flatMap((a) => [a.partyOrgId, a.unitId]) : [];
  const names = useOrgNames([...new Set(ids)]);
  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="筛选协议">
        <OrgSelect orgs={orgs} value={orgId} onChange={(v) => (setOrgId(v), setOpen(null))} text="组织" name="org" />
        <EnumSelect map={agreementStates} value={state} onChange={setState} text="状态" name="state" all="全部" />
      </form>
      <Show value={page} retry={reload} what="协议">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>没有共建协议。</Empty>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">党组织</th>
                  <th scope="col">共建单位</th>
                  <th scope="col">期限</th>
                  <th scope="col">承诺</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((a) => (
                  <tr key={a.id} data-agreement={a.id} aria-selected={open === a.id}>
                    <td>{names[a.partyOrgId] ?? a.partyOrgId}</td>
                    <td>{names[a.unitId] ?? a.unitId}</td>
                    <td>{day(a.termFrom)} 至 {day(a.termTo)}</td>
                    <td>{a.commitments.map((c) => c.categoryName || label(categories, c.category)).join("、")}</td>
                    <td><span class={`badge agreement-${a.state}`}>{label(agreementStates, a.state)}</span></td>
                    <td>
                      <button type="button" class="link" onClick={() => setOpen(a.id)}>查看履约</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
      {open && <AgreementDetail key={open} id={open} names={names} changed={reload} />}
    </>
  );
}

function AgreementDetail({ id, names, changed }: { id: string; names: Record<string, string>; changed: () => void }) {
  const [agreement, reload] = useLoad(() => api<Agreement>("GET", `/v1/agreements/${encodeURIComponent(id)}`), [id]);
  const session = useSession();
  const action = useAction();
  const post = (verb: string) => async () => {
    if (await action.run(() => api("POST", `/v1/agreements/${encodeURIComponent(id)}/${verb}`))) (reload(), changed());
  };
  return (
    <section class="panel" aria-labelledby="agreement" data-testid="agreement">
      <Show value={agreement} retry={reload} what="协议">
        {(a) => (
          <>
            <h2 id="agreement">
              {names[a.partyOrgId] ?? a.partyOrgId} × {names[a.unitId] ?? a.unitId}{" "}
              <span class="badge">{label(agreementStates, a.state)}</span>
            </h2>
            <p class="hint">
              期限 {day(a.termFrom)} 至 {day(a.termTo)}；党组织签署：{a.signature ? time(a.signature.at) : "未签署"}；单位会签：
              {a.countersignature ? time(a.countersignature.at) : "未会签"}
            </p>
            <table class="list fulfilment">
              <caption>承诺履行情况</caption>
              <thead>
                <tr>
                  <th scope="col">承诺</th>
                  <th scope="col">目标</th>
                  <th scope="col">已完成</th>
                  <th scope="col">完成率</th>
                </tr>
              </thead>
              <tbody>
                {a.commitments.map((c, i) => {
                  const f = a.fulfilment?.[i];
                  const funds = c.kind === "funds";
                  const ratio = f?.ratio ?? 0;
                  return (
                    <tr key={i} data-commitment={i}>
                      <td>
                        {c.categoryName || label(categories, c.category)}（{label(resourceKinds, c.kind)}）
                        {c.description && <div class="hint">{c.description}</div>}
                      </td>
                      <td>{funds ? `¥${c.amount}` : `${c.target} 次`}</td>
                      <td>{funds ? `¥${f?.amountDelivered ?? "0.00"}` : `${f?.delivered ?? 0} 次`}</td>
                      <td>
                        <progress max={100} value={Math.min(100, ratio * 100)} aria-label="完成率" />{" "}
                        <span class="pct">{(ratio * 100).toFixed(1)}%</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div class="actions">
              {a.state === "draft" && !a.signature && hasRole(session, ...ADMIN_ROLES) && (
                <button type="button" class="primary" disabled={action.busy} onClick={post("sign")}>党组织签署</button>
              )}
              {a.state === "draft" && !a.countersignature && a.liaisonUserId === session.user.id && (
                <button type="button" class="primary" disabled={action.busy} onClick={post("countersign")}>单位会签</button>
              )}
            </div>
            {(a.state === "draft" || a.state === "active") && hasRole(session, ...ADMIN_ROLES) && (
              <ReasonForm id="terminate" legend="提前终止协议" button="终止" done={() => (reload(), changed())}
                onSubmit={(reason) => api("POST", `/v1/agreements/${encodeURIComponent(id)}/terminate`, { reason })} />
            )}
            {action.error && <ErrorBox error={action.error} />}
            <h3>协议记录</h3>
            <ol class="timeline">
              {a.history.map((h, i) => (
                <li key={i}>
                  <time>{time(h.at)}</time> <strong>{label(agreementStates, h.to)}</strong>
                  {h.reason && <div class="reason">原因：{h.reason}</div>}
                </li>
              ))}
            </ol>
          </>
        )}
      </Show>
    </section>
  );
}
