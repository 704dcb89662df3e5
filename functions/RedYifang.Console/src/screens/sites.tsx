import { useState } from "preact/hooks";
import { api } from "../api";
import { bookingStates, label, siteKinds, time, weekdays } from "../labels";
import { getOrg, streetsAndBelow, useOrgNames, type Org, type Page } from "../orgs";
import { ADMIN_ROLES, hasRole, useSession } from "../session";
import {
  Empty, EnumSelect, ErrorBox, OrgSelect, Show, cstInstant, todayCst, useActing, useAction, useLoad,
} from "../ui";

interface Site {
  id: string; streetId: string; ownerOrgId: string; kind: string; kindName: string; name: string; address: string;
  floorAreaM2: number; capacity: number; openingHours: Record<string, string>; sharedUse: boolean; facilities: string[];
}
interface Booking { id: string; orgId: string; from: string; to: string; state: string; activityId: string | null }
interface Compliance {
  nonPublicEnterprises: number; areaRequiredM2: number; sharedSites: number; sharedAreaM2: number; complies: boolean;
  rule: { text: string };
}

/** Which query lists the sites of an organisation: a street's, a community's, or those a unit owns. */
function siteQuery(org: Org): string {
  if (org.kind === "street") return `streetId=${encodeURIComponent(org.id)}`;
  if (org.kind === "community") return `communityId=${encodeURIComponent(org.id)}`;
  return `ownerOrgId=${encodeURIComponent(org.id)}`;
}

/** A unit's street too: its shared sites are the ones a unit books (阵地联用). */
async function siteScopes(orgs: Org[]): Promise<Org[]> {
  const all = await streetsAndBelow(orgs);
  for (const o of orgs) {
    if ((o.kind === "unit" || o.kind === "volunteerTeam") && o.path[1] && !all.some((x) => x.id === o.path[1])) {
      all.push(await getOrg(o.path[1]));
    }
  }
  return all;
}

/** 阵地预约: the sites of a street, a community or a unit, their bookings, booking and cancelling (阵地联用). */
export function Sites() {
  const [orgs] = useActing([...ADMIN_ROLES, "liaison"], siteScopes);
  return (
    <section>
      <h1>阵地预约</h1>
      <Show value={orgs} what="组织">
        {(list) => (list.length === 0 ? <Empty>您的角色没有可查看的阵地。</Empty> : <SiteList orgs={list} />)}
      </Show>
    </section>
  );
}

function SiteList({ orgs }: { orgs: Org[] }) {
  const [orgId, setOrgId] = useState(orgs[0].id);
  const [kind, setKind] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const org = orgs.find((o) => o.id === orgId)!;
  const [page, reload] = useLoad(
    () => api<Page<Site>>("GET", `/v1/sites?${siteQuery(org)}&limit=100${kind ? `&kind=${kind}` : ""}`), [orgId, kind]);
  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="筛选阵地">
        <OrgSelect orgs={orgs} value={orgId} onChange={(v) => (setOrgId(v), setOpen(null))} text="组织" name="org" />
        <EnumSelect map={siteKinds} value={kind} onChange={setKind} text="类型" name="kind" all="全部" />
      </form>
      {org.kind === "street" && <StreetCompliance streetId={org.id} />}
      <Show value={page} retry={reload} what="阵地">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>没有阵地。</Empty>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">名称</th>
                  <th scope="col">类型</th>
                  <th scope="col">地址</th>
                  <th scope="col">面积（㎡）</th>
                  <th scope="col">容纳</th>
                  <th scope="col">开放时间</th>
                  <th scope="col">联用</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((s) => (
                  <tr key={s.id} data-site={s.id} aria-selected={open === s.id}>
                    <td>{s.name}</td>
                    <td>{s.kindName || label(siteKinds, s.kind)}</td>
                    <td>{s.address}</td>
                    <td>{s.floorAreaM2}</td>
                    <td>{s.capacity}</td>
                    <td class="hours">
                      {Object.entries(s.openingHours).map(([d, h]) => `${label(weekdays, d)} ${h}`).join("；")}
                    </td>
                    <td>{s.sharedUse ? "共享" : "仅本单位"}</td>
                    <td><button type="button" class="link" onClick={() => setOpen(s.id)}>预约</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
      {open && page.state === "ready" && (
        <Bookings key={open} site={page.value.items.find((s) => s.id === open)!} orgs={orgs} />
      )}
    </>
  );
}

function StreetCompliance({ streetId }: { streetId: string }) {
  const [c] = useLoad(() => api<Compliance>("GET", `/v1/sites/compliance?streetId=${encodeURIComponent(streetId)}`), [streetId]);
  // Only street admins and above may read it; a liaison's 403 is no error of theirs, so nothing is shown then.
  if (c.state !== "ready") return null;
  const v = c.value;
  return (
    <p class={`verdict ${v.complies ? "valid" : "invalid"}`} data-testid="compliance">
      阵地面积标准（{v.rule.text}）：非公企业 {v.nonPublicEnterprises} 家，应有 {v.areaRequiredM2} ㎡，共享阵地 {v.sharedSites} 处共
      {v.sharedAreaM2} ㎡ — {v.complies ? "达标" : "未达标"}
    </p>
  );
}

function Bookings({ site, orgs }: { site: Site; orgs: Org[] }) {
  const [page, reload] = useLoad(
    () => api<Page<Booking>>("GET", `/v1/sites/${encodeURIComponent(site.id)}/bookings?limit=100`), [site.id]);
  const names = useOrgNames(page.state === "ready" ? [...new Set(page.value.items.map((b) => b.orgId))] : []);
  // A liaison books for the unit, not for the street whose shared sites it sees.
  const admin = hasRole(useSession(), ...ADMIN_ROLES);
  const bookers = orgs.filter((o) => o.kind !== "district" && (admin || o.kind === "unit" || o.kind === "volunteerTeam"));
  const [orgId, setOrgId] = useState(bookers.find((o) => o.id === site.ownerOrgId)?.id ?? bookers[0]?.id ?? "");
  const book = useAction();
  const cancel = useAction();
  return (
    <section class="panel" aria-labelledby="bookings" data-testid="bookings">
      <h2 id="bookings">{site.name} 的预约</h2>
      <form
        class="filters"
        aria-label="预约阵地"
        onSubmit={async (e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const date = String(f.get("date"));
          const ok = await book.run(() =>
            api("POST", `/v1/sites/${encodeURIComponent(site.id)}/bookings`, {
              orgId, from: cstInstant(date, String(f.get("from"))), to: cstInstant(date, String(f.get("to"))),
            }),
          );
          if (ok) reload();
        }}
      >
        <OrgSelect orgs={bookers} value={orgId} onChange={setOrgId} text="预约组织" name="bookingOrg" />
        <label>
          日期
          <input type="date" name="date" required defaultValue={todayCst(1)} />
        </label>
        <label>
          开始
          <input type="time" name="from" required defaultValue="14:00" />
        </label>
        <label>
          结束
          <input type="time" name="to" required defaultValue="16:00" />
        </label>
        <button type="submit" class="primary" disabled={book.busy}>预约</button>
      </form>
      {book.error && <ErrorBox error={book.error} />}
      {cancel.error && <ErrorBox error={cancel.error} />}
      <Show value={page} retry={reload} what="预约">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>还没有预约。</Empty>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">组织</th>
                  <th scope="col">时间</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((b) => (
                  <tr key={b.id} data-booking={b.id}>
                    <td>{names[b.orgId] ?? b.orgId}</td>
                    <td>{time(b.from)} – {time(b.to)}</td>
                    <td>{label(bookingStates, b.state)}</td>
                    <td>
                      {b.state === "active" && (
                        <button type="button" disabled={cancel.busy} onClick={async () => {
                          const path = `/v1/sites/${encodeURIComponent(site.id)}/bookings/${encodeURIComponent(b.id)}/cancel`;
                          if (await cancel.run(() => api("POST", path))) reload();
                        }}>取消预约</button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
    </section>
  );
}
