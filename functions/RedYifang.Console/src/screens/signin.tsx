import { useEffect, useState } from "preact/hooks";
import { api, ApiError, type Me, type Session } from "../api";
import { ErrorBox, useAction } from "../ui";

// Dev sign-in (POST /v1/auth/dev, open where Auth:DevLogin is true: locally, never in Azure) with the demo's users.
const DEMO_USERS: { openId: string; who: string }[] = [
  { openId: "dev-admin", who: "区党工委管理员（区级管理员）" },
  { openId: "dev-street", who: "会展街道管理员" },
  { openId: "dev-community", who: "博览社区书记（社区管理员）" },
  { openId: "dev-liaison", who: "和美家政联络员（单位联络员）" },
  { openId: "dev-resident", who: "居民小王" },
];

interface SignInAnswer { accessToken: string; user: Me }
interface QrConfig { appId: string; redirectUri: string }

// WeChat website QR login (网站应用微信登录): the state is a random value kept in this tab's session storage and compared
// when WeChat redirects back with ?code=&state= (so another site cannot sign this tab in with its own code).
const QR_STATE_KEY = "redyifang.qrState";

function newState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function qrLoginUrl(config: QrConfig): string {
  const state = newState();
  sessionStorage.setItem(QR_STATE_KEY, state);
  const query = new URLSearchParams({
    appid: config.appId,
    redirect_uri: config.redirectUri,
    response_type: "code",
    scope: "snsapi_login",
    state,
  });
  return `https://open.weixin.qq.com/connect/qrconnect?${query.toString()}#wechat_redirect`;
}

/** The code and state WeChat redirected back with, taken off the address bar so a reload does not reuse the code. */
function takeQrReturn(): { code: string; state: string } | null {
  const params = new URLSearchParams(location.search);
  const code = params.get("code");
  const state = params.get("state");
  if (code === null || state === null) return null;
  history.replaceState(null, "", location.pathname + location.hash);
  return { code, state };
}

export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [openId, setOpenId] = useState("");
  const action = useAction();
  const [qrConfig, setQrConfig] = useState<QrConfig | null>(null);
  const signIn = (id: string) =>
    action.run(async () => {
      const answer = await api<SignInAnswer>("POST", "/v1/auth/dev", { openId: id });
      onSignedIn({ token: answer.accessToken, user: answer.user });
    });

  useEffect(() => {
    // 404: QR sign-in is not configured here (e.g. locally), so the link is not shown.
    api<QrConfig>("GET", "/v1/auth/wechat-web/config").then(setQrConfig, () => setQrConfig(null));
    const back = takeQrReturn();
    if (back === null) return;
    const expected = sessionStorage.getItem(QR_STATE_KEY);
    sessionStorage.removeItem(QR_STATE_KEY);
    void action.run(async () => {
      if (expected === null || expected !== back.state) {
        throw new ApiError(0, "扫码登录校验失败", "登录请求不是从本页面发起的，请重新扫码登录。", "qr_state_mismatch", null);
      }
      const answer = await api<SignInAnswer>("POST", "/v1/auth/wechat-web", back);
      onSignedIn({ token: answer.accessToken, user: answer.user });
    });
  }, []);

  return (
    <main class="signin" id="main">
      <h1>红驿坊 · 管理控制台</h1>
      {qrConfig && (
        <p>
          <a class="wechat-qr" href="#" onClick={(e) => {
            e.preventDefault();
            location.assign(qrLoginUrl(qrConfig));
          }}>
            微信扫码登录
          </a>
        </p>
      )}
      <section aria-labelledby="demo-users">
        <h2 id="demo-users">开发登录：选择演示用户</h2>
        <ul class="users">
          {DEMO_USERS.map((u) => (
            <li key={u.openId}>
              <button type="button" data-openid={u.openId} disabled={action.busy} onClick={() => signIn(u.openId)}>
                {u.who}
                <small>{u.openId}</small>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          if (openId.trim()) signIn(openId.trim());
        }}
      >
        <label for="open-id">其他用户的 openId</label>
        <input id="open-id" name="openId" required value={openId} onInput={(e) => setOpenId(e.currentTarget.value)} />
        <button type="submit" disabled={action.busy}>
          登录
        </button>
      </form>
      {action.error && <ErrorBox error={action.error} />}
      <p class="hint">登录令牌只保存在本标签页的会话存储中，关闭标签页即失效。</p>
    </main>
  );
}
