import { useState } from "preact/hooks";
import { api } from "../api";
import { orderStates } from "../labels";
import { useOrgNames, type Page } from "../orgs";
import { orgsWith, useSession } from "../session";
import type { Order } from "../types";
import { Empty, Show, useLoad } from "../ui";
import { OrderTable } from "./orders";

/** 单位工作台: the orders matched to the liaison's unit, to agree, start and complete with photos. */
export function UnitDesk() {
  const units = orgsWith(useSession(), "liaison");
  const names = useOrgNames(units);
  const [unitId, setUnitId] = useState(units[0]);
  const [state, setState] = useState("");
  const [page, reload] = useLoad(() => {
    const q = new URLSearchParams({ unitId, limit: "50" });
    if (state) q.set("state", state);
    return api<Page<Order>>("GET", `/v1/orders?${q}`);
  }, [unitId, state]);
  return (
    <section>
      <h1>单位工作台</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="筛选订单">
        <label>
          单位
          <select name="unit" value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
            {units.map((u) => (
              <option key={u} value={u}>
                {names[u] ?? u}
              </option>
            ))}
          </select>
        </label>
        <label>
          状态
          <select name="state" value={state} onChange={(e) => setState(e.currentTarget.value)}>
            <option value="">全部</option>
            {["matched", "agreed", "inProgress", "completed", "accepted"].map((k) => (
              <option key={k} value={k}>
                {orderStates[k]}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Show value={page} retry={reload} what="订单">
        {(p) => (p.items.length === 0 ? <Empty>本单位暂无订单。</Empty> : <OrderTable orders={p.items} />)}
      </Show>
    </section>
  );
}
