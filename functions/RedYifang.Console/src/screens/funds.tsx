import { useState } from "preact/hooks";
import { api } from "../api";
import { accountKinds, label, time } from "../labels";
import { useOrgNames, type Org } from "../orgs";
import { ADMIN_ROLES, hasRole, useSession } from "../session";
import { Empty, ErrorBox, OrgSelect, Show, useActing, useAction, useLoad } from "../ui";

interface Account {
  account: string; kind: string; orgId: string; year: number; opening: string; debits: string; credits: string;
  balance: string; budgetSet: boolean;
}
interface Movement {
  id: string; from: string; to: string; amount: string; memo: string; reverses: string | null; reversedBy: string | null;
  at: string;
}
interface Entitlements {
  rule: { text: string }; totalEntitlement: string; totalDisbursed: string;
  items: { unitId: string; name: string; partyBranches: number; partyMembers: number; entitlement: string; disbursed: string;
    outstanding: string }[];
}

const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/** An account id (kind:orgId:year) in words: its kind, and whose when it is not the organisation shown. */
function accountText(id: string, orgId: string, names: Record<string, string>): string {
  const [kind, org] = id.split(":");
  return `${org === orgId ? "" : `${names[org] ?? org} `}${label(accountKinds, kind)}`;
}

/** 经费: an organisation's accounts and balances for a year, its ledger, a street's entitlements, setting a budget. */
export function Funds() {
  const [orgs] = useActing([...ADMIN_ROLES, "liaison"]);
  return (
    <section>
      <h1>经费</h1>
      <Show value={orgs} what="组织">
        {(list) => (list.length === 0 ? <Empty>您的角色没有可查看的经费账户。</Empty> : <Ledger orgs={list} />)}
      </Show>
    </section>
  );
}

function Ledger({ orgs }: { orgs: Org[] }) {
  const [orgId, setOrgId] = useState(orgs[0].id);
  const [year, setYear] = useState(thisYear());
  const org = orgs.find((o) => o.id === orgId)!;
  const q = `orgId=${encodeURIComponent(orgId)}&year=${year}`;
  const [accounts, reloadAccounts] = useLoad(() => api<{ items: Account[] }>("GET", `/v1/funding/accounts?${q}`), [q]);
  const [movements, reloadMovements] = useLoad(() => api<{ items: Movement[] }>("GET", `/v1/funding/movements?${q}`), [q]);
  const names = useOrgNames(movements.state === "ready"
    ? [...new Set(movements.value.items.flatMap((m) => [m.from.split(":")[1], m.to.split(":")[1]]))]
    : []);
  const admin = hasRole(useSession(), ...ADMIN_ROLES);
  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="选择账户">
        <OrgSelect orgs={orgs} value={orgId} onChange={setOrgId} text="组织" name="org" />
        <label>
          年度
          <input type="number" name="year" min={2000} max={2200} required value={year}
            onChange={(e) => e.currentTarget.checkValidity() && setYear(Number(e.currentTarget.value))} />
        </label>
      </form>
      <h2>账户余额</h2>
      <Show value={accounts} retry={reloadAccounts} what="账户">
        {(a) =>
          a.items.length === 0 ? (
            <Empty>这个组织在这一年没有账户。</Empty>
          ) : (
            <table class="list" data-testid="accounts">
              <thead>
                <tr>
                  <th scope="col">账户</th>
                  <th scope="col">期初</th>
                  <th scope="col">收入</th>
                  <th scope="col">支出</th>
                  <th scope="col">余额</th>
                </tr>
              </thead>
              <tbody>
                {a.items.map((x) => (
                  <tr key={x.account} data-account={x.account}>
                    <td>{label(accountKinds, x.kind)}{x.kind === "budget" && !x.budgetSet ? "（默认预算）" : ""}</td>
                    <td>¥{x.opening}</td>
                    <td>¥{x.credits}</td>
                    <td>¥{x.debits}</td>
                    <td><strong>¥{x.balance}</strong></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
      {admin && (org.kind === "district" || org.kind === "street") && (
        <SetBudget orgId={orgId} year={year} done={reloadAccounts} />
      )}
      {org.kind === "street" && admin && <StreetEntitlements streetId={orgId} year={year} />}
      <h2>台账</h2>
      <Show value={movements} retry={reloadMovements} what="台账">
        {(m) =>
          m.items.length === 0 ? (
            <Empty>这一年还没有经费往来。</Empty>
          ) : (
            <table class="list" data-testid="movements">
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">付出</th>
                  <th scope="col">收入</th>
                  <th scope="col">金额</th>
                  <th scope="col">摘要</th>
                </tr>
              </thead>
              <tbody>
                {m.items.map((x) => (
                  <tr key={x.id}>
                    <td>{time(x.at)}</td>
                    <td>{accountText(x.from, orgId, names)}</td>
                    <td>{accountText(x.to, orgId, names)}</td>
                    <td>¥{x.amount}</td>
                    <td>
                      {x.memo}
                      {x.reverses && <small>（冲正）</small>}
                      {x.reversedBy && <small>（已冲正）</small>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
    </>
  );
}

function SetBudget({ orgId, year, done }: { orgId: string; year: number; done: () => void }) {
  const action = useAction();
  const [saved, setSaved] = useState(false);
  return (
    <form
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        const amount = String(new FormData(e.currentTarget).get("amount")).trim();
        setSaved(false);
        if (await action.run(() => api("PUT", `/v1/funding/budgets/${encodeURIComponent(orgId)}/${year}`, { amount }))) {
          setSaved(true);
          done();
        }
      }}
    >
      <fieldset>
        <legend>设定 {year} 年度预算</legend>
        <label for="budget-amount">预算金额（元）</label>
        <input id="budget-amount" name="amount" required inputMode="decimal" pattern="(0|[1-9][0-9]{0,13})(\.[0-9]{1,2})?" />
        <button type="submit" disabled={action.busy}>保存预算</button>
        {saved && <span class="ok" role="status">已保存</span>}
      </fieldset>
      {action.error && <ErrorBox error={action.error} />}
    </form>
  );
}

function StreetEntitlements({ streetId, year }: { streetId: string; year: number }) {
  const [e, reload] = useLoad(
    () => api<Entitlements>("GET", `/v1/funding/entitlements?streetId=${encodeURIComponent(streetId)}&year=${year}`),
    [streetId, year]);
  return (
    <section aria-labelledby="entitlements">
      <h2 id="entitlements">单位党组织经费应拨</h2>
      <Show value={e} retry={reload} what="应拨经费">
        {(v) =>
          v.items.length === 0 ? (
            <Empty>这个街道没有单位党组织。</Empty>
          ) : (
            <>
              <p class="hint">{v.rule.text}；合计应拨 ¥{v.totalEntitlement}，已拨 ¥{v.totalDisbursed}</p>
              <table class="list" data-testid="entitlements">
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col">支部</th>
                    <th scope="col">党员</th>
                    <th scope="col">应拨</th>
                    <th scope="col">已拨</th>
                    <th scope="col">待拨</th>
                  </tr>
                </thead>
                <tbody>
                  {v.items.map((x) => (
                    <tr key={x.unitId}>
                      <td>{x.name}</td>
                      <td>{x.partyBranches}</td>
                      <td>{x.partyMembers}</td>
                      <td>¥{x.entitlement}</td>
                      <td>¥{x.disbursed}</td>
                      <td>¥{x.outstanding}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        }
      </Show>
    </section>
  );
}
