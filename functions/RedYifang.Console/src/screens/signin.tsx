import { useState } from "preact/hooks";
import { api, type Me, type Session } from "../api";
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

export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [openId, setOpenId] = useState("");
  const action = useAction();
  const signIn = (id: string) =>
    action.run(async () => {
      const answer = await api<SignInAnswer>("POST", "/v1/auth/dev", { openId: id });
      onSignedIn({ token: answer.accessToken, user: answer.user });
    });

  return (
    <main class="signin" id="main">
      <h1>红驿坊 · 管理控制台</h1>
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
