import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { categories, label, time } from "../labels";
import { communitiesOf, useOrgNames, type Org, type Page } from "../orgs";
import { href } from "../router";
import { useSession } from "../session";
import type { Order } from "../types";
import { Empty, ErrorBox, OrgSelect, ReasonForm, Show, useAction, useLoad } from "../ui";
import type { Resource } from "./resources";

/** 认领审核: the published orders of a community that a unit has claimed, each claim approved or turned down with a reason. */
export function Claims() {
  const session = useSession();
  const [communities] = useLoad(() => communitiesOf(session.user.roles), [session.user.id]);
  return (
    <section>
      <h1>认领审核</h1>
      <Show value={communities} what="社区">
        {(list) => (list.length === 0 ? <Empty>您管理的范围内还没有社区。</Empty> : <Waiting communities={list} />)}
      </Show>
    </section>
  );
}

function Waiting({ communities }: { communities: Org[] }) {
  const [communityId, setCommunityId] = useState(communities[0].id);
  const [page, reload] = useLoad(async () => {
    const q = new URLSearchParams({ communityId, state: "published", limit: "100" });
    const p = await api<Page<Order>>("GET", `/v1/orders?${q}`);
    return p.items.filter((o) => o.claims.length > 0);
  }, [communityId]);
  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="选择社区">
        <OrgSelect orgs={communities} value={communityId} onChange={setCommunityId} text="社区" name="community" />
        <button type="button" onClick={reload}>刷新</button>
      </form>
      <Show value={page} retry={reload} what="待审核的认领">
        {(orders) =>
          orders.length === 0 ? (
            <Empty>没有等待审核的认领。</Empty>
          ) : (
            orders.map((o) => (
              <article class="card" key={o.id} data-order={o.id}>
                <h2>
                  <a {...href(`/orders/${encodeURIComponent(o.id)}`)}>{o.title}</a>{" "}
                  <small>{o.categoryName || label(categories, o.category)} · {o.beneficiaries} 人</small>
                </h2>
                <ClaimDecisions order={o} done={reload} />
              </article>
            ))
          )
        }
      </Show>
    </>
  );
}

/** Each claim of a published order: the unit, the resource it offers, and the community's decision. */
export function ClaimDecisions({ order, done }: { order: Order; done: () => void }) {
  const names = useOrgNames(order.claims.map((c) => c.unitId));
  const [resources, setResources] = useState<Record<string, string>>({});
  useEffect(() => {
    for (const c of order.claims) {
      api<Resource>("GET", `/v1/resources/${encodeURIComponent(c.resourceId)}`).then(
        (r) => setResources((m) => ({ ...m, [c.resourceId]: r.title })), () => {});
    }
  }, [order.id, order.updatedAt]);
  const action = useAction();
  const path = (verb: string) => `/v1/orders/${encodeURIComponent(order.id)}/claim/${verb}`;
  return (
    <ul class="claims">
      {order.claims.map((c) => {
        const unit = names[c.unitId] ?? c.unitId;
        return (
          <li key={c.unitId} data-claim={c.unitId}>
            <p>
              <strong>{unit}</strong> 申请以“{resources[c.resourceId] ?? c.resourceId}”承接 <small>（{time(c.at)}）</small>
            </p>
            <div class="actions">
              <button type="button" class="primary" disabled={action.busy}
                onClick={async () => {
                  if (await action.run(() => api("POST", path("approve"), { unitId: c.unitId }))) done();
                }}>
                批准认领
              </button>
            </div>
            <ReasonForm id={`claim-${c.unitId}`} legend={`驳回 ${unit} 的认领`} button="驳回认领" done={done}
              onSubmit={(reason) => api("POST", path("reject"), { unitId: c.unitId, reason })} />
            {action.error && <ErrorBox error={action.error} />}
          </li>
        );
      })}
    </ul>
  );
}
