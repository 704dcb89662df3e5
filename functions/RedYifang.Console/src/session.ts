import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Role, Session } from "./api";

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("signed out");
  return s;
}

export const ADMIN_ROLES: Role[] = ["communityAdmin", "streetAdmin", "districtAdmin"];

export function orgsWith(session: Session, ...roles: Role[]): string[] {
  return [...new Set(session.user.roles.filter((r) => roles.includes(r.role) && r.orgId).map((r) => r.orgId!))];
}

export function hasRole(session: Session, ...roles: Role[]): boolean {
  return session.user.roles.some((r) => roles.includes(r.role));
}

/** The console's screens and who sees them (README.md, "The admins' console"). */
export const SCREENS: { path: string; title: string; roles: Role[] }[] = [
  { path: "/orders", title: "服务订单", roles: ADMIN_ROLES },
  { path: "/claims", title: "认领审核", roles: ADMIN_ROLES },
  { path: "/matching", title: "批量匹配", roles: ADMIN_ROLES },
  { path: "/unit", title: "单位工作台", roles: ["liaison"] },
  { path: "/resources", title: "服务资源", roles: ["liaison", ...ADMIN_ROLES] },
  { path: "/agreements", title: "共建协议", roles: [...ADMIN_ROLES, "liaison"] },
  { path: "/activities", title: "活动签到", roles: [...ADMIN_ROLES, "liaison"] },
  { path: "/sites", title: "阵地预约", roles: [...ADMIN_ROLES, "liaison"] },
  { path: "/funds", title: "经费", roles: [...ADMIN_ROLES, "liaison"] },
  { path: "/evaluations", title: "双向评价", roles: [...ADMIN_ROLES, "liaison"] },
  { path: "/trace", title: "痕迹档案", roles: [...ADMIN_ROLES, "liaison"] },
  { path: "/rankings", title: "考核排名", roles: ADMIN_ROLES },
  { path: "/stats", title: "成效统计", roles: ADMIN_ROLES },
  { path: "/orgs", title: "组织与授权", roles: ADMIN_ROLES },
];
