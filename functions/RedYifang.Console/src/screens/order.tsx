import { useState } from "preact/hooks";
import { api, ApiError, sendWithProgress, sha256Hex } from "../api";
import { categories, evidenceStates, factors, label, orderStates, time, urgencies } from "../labels";
import { useOrgNames, type Page } from "../orgs";
import { href } from "../router";
import { ADMIN_ROLES, hasRole, orgsWith, useSession } from "../session";
import type { Evidence, Order, Suggestion } from "../types";
import { ClaimDecisions } from "./claims";
import { Empty, ErrorBox, Progress, ReasonForm, Show, useAction, useLoad } from "../ui";

/** 订单详情: the order, its history, its evidence and what the signed-in user may do with it now. */
export function OrderDetail({ id }: { id: string }) {
  const [order, reload] = useLoad(() => api<Order>("GET", `/v1/orders/${encodeURIComponent(id)}`), [id]);
  return (
    <section>
      <p>
        <a {...href(hasRole(useSession(), ...ADMIN_ROLES) ? "/orders" : "/unit")}>← 返回列表</a>
      </p>
      <Show value={order} retry={reload} what="订单">
        {(o) => <Detail order={o} reload={reload} />}
      </Show>
    </section>
  );
}

function Detail({ order, reload }: { order: Order; reload: () => void }) {
  const names = useOrgNames([order.communityId, ...(order.unitId ? [order.unitId] : [])]);
  return (
    <>
      <h1>
        {order.title} <span class={`badge state-${order.state}`}>{label(orderStates, order.state)}</span>
      </h1>
      <dl class="facts">
        <dt>社区</dt>
        <dd>{names[order.communityId] ?? order.communityId}</dd>
        <dt>类别</dt>
        <dd>{order.categoryName || label(categories, order.category)}</dd>
        <dt>紧急程度</dt>
        <dd>{label(urgencies, order.urgency)}</dd>
        <dt>受益人数</dt>
        <dd>{order.beneficiaries}</dd>
        <dt>承接单位</dt>
        <dd>{order.unitId ? (names[order.unitId] ?? order.unitId) : "—"}</dd>
      </dl>
      {/* Its own two-column list, so the description sits beside its label whatever the facts above number. */}
      <dl class="facts description">
        <dt>需求描述</dt>
        <dd data-testid="description">{order.description}</dd>
      </dl>
      <Actions order={order} reload={reload} />
      <div class="columns">
        <section aria-labelledby="history">
          <h2 id="history">办理记录</h2>
          <ol class="timeline">
            {order.history.map((h, i) => (
              <li key={i}>
                <time>{time(h.at)}</time> {h.from ? `${label(orderStates, h.from)} → ` : ""}
                <strong>{label(orderStates, h.to)}</strong>
                {h.reason && <div class="reason">原因：{h.reason}</div>}
              </li>
            ))}
          </ol>
        </section>
        <EvidenceList orderId={order.id} version={order.updatedAt} />
      </div>
    </>
  );
}

function EvidenceList({ orderId, version }: { orderId: string; version: string }) {
  const [page, reload] = useLoad(
    () => api<Page<Evidence>>("GET", `/v1/evidence?ownerType=order&ownerId=${encodeURIComponent(orderId)}`),
    [orderId, version],
  );
  return (
    <section aria-labelledby="evidence">
      <h2 id="evidence">现场照片与材料</h2>
      <Show value={page} retry={reload} what="材料">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>还没有照片或材料。</Empty>
          ) : (
            <ul class="thumbs">
              {p.items.map((e) => (
                <li key={e.id} data-evidence={e.id}>
                  {e.thumbnailUrl ? (
                    <a href={e.url ?? e.thumbnailUrl} target="_blank" rel="noopener">
                      <img src={e.thumbnailUrl} alt={e.fileName} loading="lazy" />
                    </a>
                  ) : (
                    <span class="file">{e.fileName}</span>
                  )}
                  <small>{label(evidenceStates, e.state)}</small>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}

function Actions({ order, reload }: { order: Order; reload: () => void }) {
  const session = useSession();
  const admin = hasRole(session, ...ADMIN_ROLES);
  const liaison = !!order.unitId && orgsWith(session, "liaison").includes(order.unitId);
  const post = (verb: string, body?: unknown) => () =>
    api<Order>("POST", `/v1/orders/${encodeURIComponent(order.id)}/${verb}`, body ?? {});
  const action = useAction();
  const act = async (run: () => Promise<unknown>) => {
    if (await action.run(run)) reload();
  };

  const parts = [];
  if (admin && order.state === "submitted") {
    parts.push(
      <div class="actions" key="publish">
        <button type="button" class="primary" disabled={action.busy} onClick={() => act(post("publish"))}>
          发布（立项）
        </button>
      </div>,
      <ReasonForm key="reject" id="reject" legend="驳回订单" button="驳回" onSubmit={(reason) => post("reject", { reason })()}
        done={reload} />,
    );
  }
  if (admin && order.state === "published" && order.claims.length > 0) {
    parts.push(<ClaimDecisions key="claims" order={order} done={reload} />);
  }
  if (admin && order.state === "published") parts.push(<Suggestions key="s" order={order} done={reload} />);
  if (admin && order.state === "completed") {
    parts.push(
      <div class="actions" key="accept">
        <button type="button" class="primary" disabled={action.busy} onClick={() => act(post("accept"))}>
          验收通过
        </button>
      </div>,
      <ReasonForm key="reopen" id="reopen" legend="退回重做" button="退回" onSubmit={(reason) => post("reopen", { reason })()}
        done={reload} />,
    );
  }
  if (liaison && order.state === "matched") {
    parts.push(
      <div class="actions" key="agree">
        <button type="button" class="primary" disabled={action.busy} onClick={() => act(post("agree"))}>
          同意承接
        </button>
      </div>,
    );
  }
  if (liaison && order.state === "agreed") {
    parts.push(
      <div class="actions" key="start">
        <button type="button" class="primary" disabled={action.busy} onClick={() => act(post("start"))}>
          开始服务
        </button>
      </div>,
    );
  }
  if (liaison && order.state === "inProgress") parts.push(<CompleteForm key="complete" order={order} done={reload} />);
  if (parts.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="actions">
      <h2 id="actions">办理</h2>
      {parts}
      {action.error && <ErrorBox error={action.error} />}
    </section>
  );
}

/** The ranked resources, each factor's contribution (weight × value) drawn as a segment of the score's bar. */
function Suggestions({ order, done }: { order: Order; done: () => void }) {
  const [list, reload] = useLoad(
    () => api<{ items: Suggestion[] }>("GET", `/v1/orders/${encodeURIComponent(order.id)}/suggestions`),
    [order.id],
  );
  const names = useOrgNames(list.state === "ready" ? list.value.items.map((s) => s.unitId) : []);
  const action = useAction();
  return (
    <div class="suggestions">
      <h3>匹配建议</h3>
      <Show value={list} retry={reload} what="匹配建议">
        {(l) =>
          l.items.length === 0 ? (
            <Empty>暂无可匹配的资源（建议会在发布后数秒内算出）。<button type="button" onClick={reload}>刷新</button></Empty>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">资源</th>
                  <th scope="col">单位</th>
                  <th scope="col">得分与各因素贡献</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {l.items.map((s) => (
                  <tr key={s.resourceId} data-resource={s.resourceId} data-unit={s.unitId}>
                    <td>{s.title}</td>
                    <td>{names[s.unitId] ?? s.unitId}</td>
                    <td>
                      <strong>{s.score.toFixed(3)}</strong>
                      <div class="factorbar" role="img" aria-label={factorText(s)}>
                        {s.reasons.map((r) => (
                          <span key={r.factor} class={`f-${r.factor}`} style={{ width: `${r.weight * r.value * 100}%` }} />
                        ))}
                      </div>
                      <ul class="factors">
                        {s.reasons.map((r) => (
                          <li key={r.factor}>
                            <i class={`f-${r.factor}`} />
                            {label(factors, r.factor)} {(r.weight * r.value).toFixed(3)}
                            <small>（权重 {r.weight} × 得分 {r.value.toFixed(2)}）</small>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <button
                        type="button"
                        disabled={action.busy}
                        onClick={async () => {
                          const ok = await action.run(() =>
                            api("POST", `/v1/orders/${encodeURIComponent(order.id)}/match`, { resourceId: s.resourceId }),
                          );
                          if (ok) done();
                        }}
                      >
                        匹配此资源
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
      {action.error && <ErrorBox error={action.error} />}
    </div>
  );
}

function factorText(s: Suggestion) {
  return s.reasons.map((r) => `${label(factors, r.factor)} ${(r.weight * r.value).toFixed(3)}`).join("，");
}

interface Ticket { evidenceId: string; uploadUrl: string; requiredHeaders: Record<string, string> }

/**
 * Uploads one file through the upload URL flow (docs/evidence.md): a ticket, the bytes straight to storage with a progress
 * bar, the commit, then waits for the server's check (photos are re-encoded and stripped of their metadata).
 */
export async function uploadEvidence(ownerType: string, ownerId: string, file: File, onProgress: (f: number) => void) {
  const ticket = await api<Ticket>("POST", "/v1/evidence/uploads", {
    ownerType, ownerId, fileName: file.name, contentType: file.type, size: file.size, sha256: await sha256Hex(file),
  });
  await sendWithProgress("PUT", ticket.uploadUrl, file, ticket.requiredHeaders, onProgress, false);
  await api("POST", `/v1/evidence/${ticket.evidenceId}/commit`);
  for (let i = 0; i < 120; i++) {
    const e = await api<Evidence>("GET", `/v1/evidence/${ticket.evidenceId}`);
    if (e.state === "verified") return e;
    if (e.state !== "pending") {
      throw new ApiError(422, `“${file.name}”未通过核验`, e.reason ?? label(evidenceStates, e.state), "evidence", null);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new ApiError(504, "核验超时", "照片已上传，请稍后刷新查看。", "evidence", null);
}

function CompleteForm({ order, done }: { order: Order; done: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [hours, setHours] = useState("2");
  const [served, setServed] = useState(String(order.beneficiaries));
  const [progress, setProgress] = useState<number | null>(null);
  const action = useAction();
  return (
    <form
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await action.run(async () => {
          const ids: string[] = [];
          setProgress(0);
          for (const [i, f] of files.entries()) {
            const evidence = await uploadEvidence("order", order.id, f, (p) => setProgress((i + p) / files.length));
            ids.push(evidence.id);
          }
          await api("POST", `/v1/orders/${encodeURIComponent(order.id)}/complete`, {
            evidenceIds: ids, serviceHours: Number(hours), beneficiaries: Number(served),
          });
        });
        if (ok) done();
      }}
    >
      <fieldset>
        <legend>完成服务</legend>
        <label for="photos">服务照片（可多张）</label>
        <input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple required
          onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} />
        <label for="hours">服务时长（小时）</label>
        <input id="hours" name="serviceHours" type="number" min="0.5" step="0.5" required value={hours}
          onInput={(e) => setHours(e.currentTarget.value)} />
        <label for="served">实际受益人数</label>
        <input id="served" name="beneficiaries" type="number" min="1" step="1" required value={served}
          onInput={(e) => setServed(e.currentTarget.value)} />
        <Progress value={progress} label="上传进度" />
        <button type="submit" class="primary" disabled={action.busy || files.length === 0}>
          {action.busy ? "提交中…" : "上传照片并报告完成"}
        </button>
      </fieldset>
      {action.error && <ErrorBox error={action.error} />}
    </form>
  );
}
