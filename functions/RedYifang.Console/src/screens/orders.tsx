import { useState } from "preact/hooks";
import { api } from "../api";
import { categories, label, orderStates, time, urgencies } from "../labels";
import { communitiesOf, type Page } from "../orgs";
import { href } from "../router";
import { useSession } from "../session";
import type { Order } from "../types";
import { Empty, Show, useLoad } from "../ui";

const PAGE_SIZE = 20;

/** 服务订单: a community's order queue (community, street and district admins). */
export function OrderQueue() {
  const session = useSession();
  const [communities] = useLoad(() => communitiesOf(session.user.roles), [session.user.id]);
  return (
    <section>
      <h1>服务订单</h1>
      <Show value={communities} what="社区">
        {(list) =>
          list.length === 0 ? <Empty>您管理的范围内还没有社区。</Empty> : <Queue communities={list} />
        }
      </Show>
    </section>
  );
}

function Queue({ communities }: { communities: { id: string; name: string }[] }) {
  const [communityId, setCommunityId] = useState(communities[0].id);
  const [state, setState] = useState(sessionStorage.getItem("orders.state") ?? "submitted");
  const [category, setCategory] = useState("");
  const [urgency, setUrgency] = useState("");
  // Tokens of the pages seen so far: the last is the current page's.
  const [tokens, setTokens] = useState<(string | null)[]>([null]);
  const token = tokens[tokens.length - 1];
  const [page, reload] = useLoad(() => {
    const q = new URLSearchParams({ communityId, limit: String(PAGE_SIZE) });
    if (state) q.set("state", state);
    if (category) q.set("category", category);
    if (token) q.set("continuationToken", token);
    return api<Page<Order>>("GET", `/v1/orders?${q}`);
  }, [communityId, state, category, token]);
  const filter = (set: (v: string) => void, key?: string) => (e: Event) => {
    const v = (e.currentTarget as HTMLSelectElement).value;
    if (key) sessionStorage.setItem(key, v);
    set(v);
    setTokens([null]);
  };

  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="筛选订单">
        <label>
          社区
          <select name="community" value={communityId} onChange={filter(setCommunityId)}>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          状态
          <select name="state" value={state} onChange={filter(setState, "orders.state")}>
            <option value="">全部</option>
            {Object.entries(orderStates).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          类别
          <select name="category" value={category} onChange={filter(setCategory)}>
            <option value="">全部</option>
            {Object.entries(categories).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          紧急程度
          <select name="urgency" value={urgency} onChange={(e) => setUrgency(e.currentTarget.value)}>
            <option value="">全部</option>
            {Object.entries(urgencies).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Show value={page} retry={reload} what="订单">
        {(p) => {
          const items = p.items.filter((o) => !urgency || o.urgency === urgency);
          return (
            <>
              {items.length === 0 ? (
                <Empty>没有符合条件的订单。</Empty>
              ) : (
                <OrderTable orders={items} />
              )}
              <nav class="pager" aria-label="翻页">
                <button type="button" disabled={tokens.length < 2} onClick={() => setTokens(tokens.slice(0, -1))}>
                  上一页
                </button>
                <span>第 {tokens.length} 页</span>
                <button
                  type="button"
                  disabled={!p.continuationToken}
                  onClick={() => setTokens([...tokens, p.continuationToken])}
                >
                  下一页
                </button>
              </nav>
            </>
          );
        }}
      </Show>
    </>
  );
}

export function OrderTable({ orders }: { orders: Order[] }) {
  return (
    <table class="list">
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">类别</th>
          <th scope="col">紧急程度</th>
          <th scope="col">状态</th>
          <th scope="col">受益人数</th>
          <th scope="col">更新时间</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id} data-order={o.id}>
            <td>
              <a {...href(`/orders/${encodeURIComponent(o.id)}`)}>{o.title}</a>
            </td>
            <td>{o.categoryName || label(categories, o.category)}</td>
            <td class={`urgency-${o.urgency}`}>{label(urgencies, o.urgency)}</td>
            <td>
              <span class={`badge state-${o.state}`}>{label(orderStates, o.state)}</span>
            </td>
            <td>{o.beneficiaries}</td>
            <td>{time(o.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
