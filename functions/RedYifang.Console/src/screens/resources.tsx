import { useState } from "preact/hooks";
import { api, apiWithTag, ApiError } from "../api";
import { categories, day, label, resourceKinds, resourceStates } from "../labels";
import { children, getOrg, unitsUnder, type Org, type Page } from "../orgs";
import { ADMIN_ROLES } from "../session";
import {
  Empty, EnumSelect, ErrorBox, OrgSelect, Show, asApiError, todayCst, useActing, useAction, useLoad,
} from "../ui";

export interface Resource {
  id: string; unitId: string; title: string; category: string; categoryName: string; description: string; kind: string;
  amount: string | null; areaIds: string[]; monthlyCapacity: number; validFrom: string; validTo: string; tags: string[];
  state: string; updatedAt: string;
}

/** 服务资源: a unit's resources (its liaisons, admins above it): list, create, edit on the version read, publish/pause/retire. */
export function Resources() {
  const [units] = useActing(["liaison", ...ADMIN_ROLES], unitsUnder);
  return (
    <section>
      <h1>服务资源</h1>
      <Show value={units} what="单位">
        {(list) => (list.length === 0 ? <Empty>您管理的范围内没有单位或志愿服务队。</Empty> : <UnitResources units={list} />)}
      </Show>
    </section>
  );
}

function UnitResources({ units }: { units: Org[] }) {
  const [unitId, setUnitId] = useState(units[0].id);
  const [state, setState] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [page, reload] = useLoad(() => {
    const q = new URLSearchParams({ unitId, limit: "100" });
    if (state) q.set("state", state);
    return api<Page<Resource>>("GET", `/v1/resources?${q}`);
  }, [unitId, state]);
  const action = useAction();
  const move = (r: Resource, verb: string) => async () => {
    if (await action.run(() => api("POST", `/v1/resources/${encodeURIComponent(r.id)}/${verb}`))) reload();
  };
  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="选择单位">
        <OrgSelect orgs={units} value={unitId} onChange={(v) => (setUnitId(v), setEditing(null))} text="单位" name="unit" />
        <EnumSelect map={resourceStates} value={state} onChange={setState} text="状态" name="state" all="全部" />
        <button type="button" class="primary" onClick={() => setCreating(!creating)} aria-expanded={creating}>
          新建资源
        </button>
      </form>
      {creating && <CreateResource unitId={unitId} done={() => (setCreating(false), reload())} />}
      {action.error && <ErrorBox error={action.error} />}
      <Show value={page} retry={reload} what="资源">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>这个单位还没有登记服务资源。</Empty>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">名称</th>
                  <th scope="col">类别</th>
                  <th scope="col">类型</th>
                  <th scope="col">每月可服务</th>
                  <th scope="col">有效期</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((r) => (
                  <tr key={r.id} data-resource={r.id}>
                    <td>{r.title}</td>
                    <td>{r.categoryName || label(categories, r.category)}</td>
                    <td>{label(resourceKinds, r.kind)}{r.amount ? `（¥${r.amount}）` : ""}</td>
                    <td>{r.monthlyCapacity}</td>
                    <td>{day(r.validFrom)} 至 {day(r.validTo)}</td>
                    <td><span class="badge">{label(resourceStates, r.state)}</span></td>
                    <td class="row-actions">
                      {r.state !== "retired" && (
                        <button type="button" onClick={() => setEditing(r.id)}>编辑</button>
                      )}
                      {(r.state === "draft" || r.state === "paused") && (
                        <button type="button" disabled={action.busy} onClick={move(r, "publish")}>发布</button>
                      )}
                      {r.state === "published" && (
                        <button type="button" disabled={action.busy} onClick={move(r, "pause")}>暂停</button>
                      )}
                      {r.state !== "retired" && (
                        <button type="button" disabled={action.busy} onClick={move(r, "retire")}>退役</button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
      {editing && <EditResource key={editing} id={editing} done={() => (setEditing(null), reload())} />}
    </>
  );
}

/** The unit's street and that street's communities: where a resource may serve (grids are left to the API). */
async function areasOf(unitId: string): Promise<Org[]> {
  const unit = await getOrg(unitId);
  const streetId = unit.path[1];
  if (!streetId) return [];
  return [await getOrg(streetId), ...(await children(streetId, "community"))];
}

function CreateResource({ unitId, done }: { unitId: string; done: () => void }) {
  const [areas] = useLoad(() => areasOf(unitId), [unitId]);
  const [kind, setKind] = useState("service");
  const [category, setCategory] = useState("elderlyCare");
  const action = useAction();
  return (
    <form
      class="card"
      aria-labelledby="create-resource"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = (k: string) => String(f.get(k) ?? "").trim();
        const ok = await action.run(() =>
          api("POST", "/v1/resources", {
            unitId, title: text("title"), category, kind, description: text("description"),
            amount: kind === "funds" ? text("amount") : undefined,
            areaIds: f.getAll("areaIds").map(String),
            monthlyCapacity: Number(text("monthlyCapacity")),
            validFrom: text("validFrom"), validTo: text("validTo"),
            tags: text("tags").split(/[,，\s]+/).filter(Boolean),
          }),
        );
        if (ok) done();
      }}
    >
      <h2 id="create-resource">新建资源（草稿）</h2>
      <div class="grid-form">
        <label for="r-title">名称</label>
        <input id="r-title" name="title" required maxLength={100} />
        <EnumSelect map={categories} value={category} onChange={setCategory} text="类别" name="category" />
        <EnumSelect map={resourceKinds} value={kind} onChange={setKind} text="类型" name="kind" />
        {kind === "funds" && (
          <>
            <label for="r-amount">金额（元）</label>
            <input id="r-amount" name="amount" required inputMode="decimal" pattern="[0-9]+(\.[0-9]{1,2})?" />
          </>
        )}
        <label for="r-description">服务内容</label>
        <textarea id="r-description" name="description" required maxLength={2000} rows={3} />
        <label for="r-capacity">每月可服务次数</label>
        <input id="r-capacity" name="monthlyCapacity" type="number" min={1} max={10000} required defaultValue="10" />
        <label for="r-from">有效期自</label>
        <input id="r-from" name="validFrom" type="date" required defaultValue={todayCst()} />
        <label for="r-to">有效期至</label>
        <input id="r-to" name="validTo" type="date" required defaultValue={todayCst(365)} />
        <label for="r-tags">标签（逗号分隔）</label>
        <input id="r-tags" name="tags" />
      </div>
      <fieldset class="areas">
        <legend>服务区域</legend>
        <Show value={areas} what="区域">
          {(list) =>
            list.map((a, i) => (
              <label key={a.id} class="check">
                <input type="checkbox" name="areaIds" value={a.id} defaultChecked={i === 0} />
                {a.name}
              </label>
            ))
          }
        </Show>
      </fieldset>
      {/* Not before the areas are there: a resource serves at least one (the API says so too). */}
      <button type="submit" class="primary" disabled={action.busy || areas.state !== "ready"}>保存草稿</button>
      {action.error && <ErrorBox error={action.error} />}
    </form>
  );
}

/**
 * Edits the version read: If-Match carries its ETag, so an edit over someone else's (made meanwhile) is refused (412,
 * Resources/EditResource.cs) and said so, with the newer version one click away.
 */
function EditResource({ id, done }: { id: string; done: () => void }) {
  const [read, reload] = useLoad(() => apiWithTag<Resource>("GET", `/v1/resources/${encodeURIComponent(id)}`), [id]);
  return (
    <section class="card" aria-labelledby="edit-resource">
      <h2 id="edit-resource">编辑资源</h2>
      <Show value={read} retry={reload} what="资源">
        {({ value, etag }) => <EditForm key={etag} resource={value} etag={etag ?? "*"} reload={reload} done={done} />}
      </Show>
    </section>
  );
}

function EditForm({ resource, etag, reload, done }: {
  resource: Resource; etag: string; reload: () => void; done: () => void;
}) {
  const [stale, setStale] = useState<ApiError | null>(null);
  const action = useAction();
  return (
    <form
      data-etag={etag}
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setStale(null);
        await action.run(async () => {
          try {
            await api("PATCH", `/v1/resources/${encodeURIComponent(resource.id)}`, {
              description: String(f.get("description")).trim(),
              monthlyCapacity: Number(f.get("monthlyCapacity")),
              tags: String(f.get("tags")).split(/[,，\s]+/).filter(Boolean),
            }, { "If-Match": etag });
          } catch (err) {
            const problem = asApiError(err);
            // 412 is what the contract answers for an If-Match of another version; 409 conflict is a lost race.
            if (problem.status === 412 || problem.code === "conflict") {
              setStale(problem);
              return;
            }
            throw err;
          }
          done();
        });
      }}
    >
      <p class="hint">
        {resource.title}（{label(resourceStates, resource.state)}，版本 {etag}）
      </p>
      <div class="grid-form">
        <label for="e-description">服务内容</label>
        <textarea id="e-description" name="description" required maxLength={2000} rows={3} defaultValue={resource.description} />
        <label for="e-capacity">每月可服务次数</label>
        <input id="e-capacity" name="monthlyCapacity" type="number" min={1} max={10000} required
          defaultValue={String(resource.monthlyCapacity)} />
        <label for="e-tags">标签（逗号分隔）</label>
        <input id="e-tags" name="tags" defaultValue={resource.tags.join("，")} />
      </div>
      {stale && (
        <div class="state error stale" role="alert" data-testid="stale">
          <strong>保存失败：这条资源在您打开后已被他人修改</strong>
          <span>
            （HTTP {stale.status}，{stale.title}{stale.detail ? `：${stale.detail}` : ""}）。您的修改没有保存；请载入最新版本，核对后再保存。
          </span>
          <button type="button" onClick={reload}>载入最新版本</button>
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>保存修改</button>
        <button type="button" onClick={done}>取消</button>
      </div>
      {action.error && <ErrorBox error={action.error} />}
    </form>
  );
}
