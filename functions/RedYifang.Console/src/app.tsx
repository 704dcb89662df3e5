import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, loadSession, saveSession, setUnauthorizedHandler, type Session } from "./api";
import { roles as roleNames, label } from "./labels";
import { href, navigate, usePath } from "./router";
import { SCREENS, SessionContext, hasRole } from "./session";
import { useOrgNames } from "./orgs";
import { SignIn } from "./screens/signin";
import { OrderQueue } from "./screens/orders";
import { OrderDetail } from "./screens/order";
import { UnitDesk } from "./screens/unit";
import { TraceArchive } from "./screens/trace";
import { OrgTree } from "./screens/orgtree";
import { Resources } from "./screens/resources";
import { BatchMatching } from "./screens/matching";
import { Claims } from "./screens/claims";
import { Agreements } from "./screens/agreements";
import { Sites } from "./screens/sites";
import { Funds } from "./screens/funds";
import { Evaluations } from "./screens/evaluations";
import type { Me } from "./api";
import { ApiError } from "./api";
import { ErrorBox, Loading } from "./ui";

/**
 * A screen loaded when first opened: the charts (Chart.js) and the QR encoder are the bulk of the code, so the screens
 * that need them come in their own chunks (same origin, so the page's script-src 'self' covers them).
 */
function lazy(load: () => Promise<ComponentType>): ComponentType {
  let cached: ComponentType | null = null;
  return function Lazy() {
    const [Screen, setScreen] = useState<ComponentType | null>(() => cached);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Screen) return;
      load().then((c) => setScreen(() => (cached = c)), () => setFailed(true));
    }, []);
    if (failed) return <ErrorBox error={new ApiError(0, "页面加载失败", "请检查网络后刷新页面。", "chunk", null)} />;
    return Screen ? <Screen /> : <Loading what="页面" />;
  };
}

const Rankings = lazy(() => import("./screens/rankings").then((m) => m.Rankings));
const Statistics = lazy(() => import("./screens/stats").then((m) => m.Statistics));
const Activities = lazy(() => import("./screens/activities").then((m) => m.Activities));

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession());
  const path = usePath();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      saveSession(null);
      setSession(null);
    });
  }, []);

  // The roles a user holds change: read them again when the console opens.
  useEffect(() => {
    if (!session) return;
    api<Me>("GET", "/v1/me").then(
      (user) => {
        // Signed out (or in as someone else) meanwhile: keep that.
        if (loadSession()?.token !== session.token) return;
        const next = { token: session.token, user };
        saveSession(next);
        setSession(next);
      },
      () => {},
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session?.token]);

  if (!session) {
    return (
      <SignIn
        onSignedIn={(s) => {
          saveSession(s);
          setSession(s);
          navigate(firstScreen(s));
        }}
      />
    );
  }

  const signOut = () => {
    saveSession(null);
    setSession(null);
    navigate("/");
  };
  const visible = SCREENS.filter((s) => hasRole(session, ...s.roles));
  return (
    <SessionContext.Provider value={session}>
      <a class="skip" href="#main">
        跳到主要内容
      </a>
      <header class="top">
        <span class="brand">红驿坊 · 管理控制台</span>
        <nav aria-label="主导航">
          {visible.map((s) => (
            <a key={s.path} {...href(s.path)} aria-current={path.startsWith(s.path) ? "page" : undefined}>
              {s.title}
            </a>
          ))}
        </nav>
        <UserBadge session={session} />
        <button type="button" class="link" onClick={signOut}>
          退出登录
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Route path={path} session={session} />
      </main>
    </SessionContext.Provider>
  );
}

function UserBadge({ session }: { session: Session }) {
  const names = useOrgNames(session.user.roles.map((r) => r.orgId).filter((x): x is string => !!x));
  const text = session.user.roles
    .map((r) => `${r.orgId ? (names[r.orgId] ?? r.orgId) : ""}${label(roleNames, r.role)}`)
    .join("、");
  return (
    <span class="user" title={text}>
      {session.user.nickname ?? session.user.id}（{text || "无角色"}）
    </span>
  );
}

function firstScreen(session: Session): string {
  return SCREENS.find((s) => hasRole(session, ...s.roles))?.path ?? "/";
}

function Route({ path, session }: { path: string; session: Session }) {
  const allowed = (p: string) => SCREENS.some((s) => p.startsWith(s.path) && hasRole(session, ...s.roles));
  const order = /^\/orders\/([^/]+)$/.exec(path);
  if (order && (allowed("/orders") || allowed("/unit"))) return <OrderDetail id={decodeURIComponent(order[1])} />;
  if (path === "/orders" && allowed(path)) return <OrderQueue />;
  if (path === "/unit" && allowed(path)) return <UnitDesk />;
  if (path === "/trace" && allowed(path)) return <TraceArchive />;
  if (path === "/rankings" && allowed(path)) return <Rankings />;
  if (path === "/stats" && allowed(path)) return <Statistics />;
  if (path === "/orgs" && allowed(path)) return <OrgTree />;
  if (path === "/claims" && allowed(path)) return <Claims />;
  if (path === "/matching" && allowed(path)) return <BatchMatching />;
  if (path === "/resources" && allowed(path)) return <Resources />;
  if (path === "/agreements" && allowed(path)) return <Agreements />;
  if (path === "/activities" && allowed(path)) return <Activities />;
  if (path === "/sites" && allowed(path)) return <Sites />;
  if (path === "/funds" && allowed(path)) return <Funds />;
  if (path === "/evaluations" && allowed(path)) return <Evaluations />;
  if (path === "/" || path === "") {
    const first = firstScreen(session);
    if (first !== "/") {
      queueMicrotask(() => navigate(first));
      return null;
    }
    return (
      <section>
        <h1>欢迎</h1>
        <p class="state empty">您的账号暂无可用的管理功能。管理控制台面向社区、街道、区级管理员和单位联络员。</p>
      </section>
    );
  }
  return (
    <section>
      <h1>页面不存在</h1>
      <p class="state empty">没有这个页面，或您的角色无权查看。</p>
    </section>
  );
}
