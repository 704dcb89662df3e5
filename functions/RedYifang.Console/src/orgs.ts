import { useEffect, useState } from "preact/hooks";
import { api } from "./api";

export interface Org {
  id: string; kind: string; parentId: string | null; name: string; path: string[];
  partyBranches: number | null; partyMembers: number | null; address: string | null; households: number | null;
}
export interface Page<T> { items: T[]; continuationToken: string | null }

const cache = new Map<string, Promise<Org>>();

export function getOrg(id: string): Promise<Org> {
  let p = cache.get(id);
  if (!p) {
    p = api<Org>("GET", `/v1/orgs/${encodeURIComponent(id)}`);
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

export function districts(): Promise<Org[]> {
  return children(null, "district");
}

export async function children(parentId: string | null, kind?: string): Promise<Org[]> {
  const all: Org[] = [];
  let token: string | null = null;
  do {
    const q = new URLSearchParams({ limit: "100" });
    if (parentId) q.set("parentId", parentId);
    if (kind) q.set("kind", kind);
    if (token) q.set("continuationToken", token);
    const page: Page<Org> = await api<Page<Org>>("GET", `/v1/orgs?${q}`);
    all.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return all;
}

/** The names of the given organisations, their ids until they load. */
export function useOrgNames(ids: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = ids.join(",");
  useEffect(() => {
    let live = true;
    for (const id of ids) {
      getOrg(id).then(
        (o) => live && setNames((n) => ({ ...n, [id]: o.name })),
        () => {},
      );
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return names;
}

/** Communities an admin's roles reach: their own, a street's, every street's of a district. */
export async function communitiesOf(grants: { role: string; orgId: string | null }[]): Promise<Org[]> {
  const found = new Map<string, Org>();
  for (const { role, orgId } of grants) {
    if (role === "districtAdmin" && orgId === null) {
      // The bootstrap admin: admin over every district.
      for (const d of await districts()) for (const c of await communitiesOf([{ role, orgId: d.id }])) found.set(c.id, c);
    } else if (orgId === null) {
      continue;
    } else if (role === "communityAdmin") {
      const o = await getOrg(orgId);
      found.set(o.id, o);
    } else if (role === "streetAdmin") {
      for (const c of await children(orgId, "community")) found.set(c.id, c);
    } else if (role === "districtAdmin") {
      for (const s of await children(orgId, "street")) for (const c of await children(s.id, "community")) found.set(c.id, c);
    }
  }
  return [...found.values()];
}

export const orgKinds: Record<string, string> = {
  district: "区", street: "街道", community: "社区", grid: "网格", building: "楼栋", unit: "单位", volunteerTeam: "志愿服务队",
};

/** The organisations the user acts for with the given roles: each role's own, every district for the bootstrap admin. */
export async function actingOrgs(grants: { role: string; orgId: string | null }[], roles: string[]): Promise<Org[]> {
  const found = new Map<string, Org>();
  for (const { role, orgId } of grants) {
    if (!roles.includes(role)) continue;
    if (orgId) {
      const o = await getOrg(orgId);
      found.set(o.id, o);
    } else if (role === "districtAdmin") {
      for (const d of await districts()) found.set(d.id, d);
    }
  }
  return [...found.values()];
}

/** A district stands for its streets (screens that work on a street or below); others stand for themselves. */
export async function streetsAndBelow(orgs: Org[]): Promise<Org[]> {
  const out = new Map<string, Org>();
  for (const o of orgs) {
    if (o.kind === "district") for (const s of await children(o.id, "street")) out.set(s.id, s);
    else out.set(o.id, o);
  }
  return [...out.values()];
}

/** Units and volunteer teams at or under the organisations (a street's own and its communities'). */
export async function unitsUnder(orgs: Org[]): Promise<Org[]> {
  const out = new Map<string, Org>();
  const isUnit = (o: Org) => o.kind === "unit" || o.kind === "volunteerTeam";
  const walk = async (o: Org) => {
    if (isUnit(o)) {
      out.set(o.id, o);
      return;
    }
    if (o.kind !== "district" && o.kind !== "street" && o.kind !== "community") return;
    for (const c of await children(o.id)) if (isUnit(c) || c.kind === "street" || c.kind === "community") await walk(c);
  };
  for (const o of orgs) await walk(o);
  return [...out.values()];
}
