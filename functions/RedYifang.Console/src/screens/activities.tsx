import { useEffect, useRef, useState } from "preact/hooks";
import { encode } from "uqr";
import { api, ApiError } from "../api";
import { activityKinds, activityStates, attendanceStates, label, time } from "../labels";
import { useOrgNames, type Org, type Page } from "../orgs";
import { ADMIN_ROLES, hasRole, useSession } from "../session";
import {
  Empty, EnumSelect, ErrorBox, Loading, OrgSelect, Show, asApiError, todayCst, useActing, useAction, useLoad,
} from "../ui";

interface Activity {
  id: string; organiserOrgId: string; kind: string; kindName: string; title: string; startsAt: string; endsAt: string;
  checkinOpensAt: string; checkinClosesAt: string; capacity: number | null; checkedIn: number | null; state: string;
}
interface Attendance { userId: string; source: string; checkedInAt: string | null; hours: number; state: string; open: boolean }
interface CheckinCode { code: string; validUntil: string }

/**
 * What the QR code carries: the activity and the code shown now. The mini-program reads both and posts the code to
 * POST /v1/activities/{id}/checkins (README.md, "The admins' console").
 */
export function checkinPayload(activityId: string, code: string): string {
  return `redyifang://checkin?activity=${encodeURIComponent(activityId)}&code=${code}`;
}

/** 活动签到: an organisation's activities, one's attendance, and the full-screen check-in QR code that turns every 30 s. */
export function Activities() {
  const [orgs] = useActing([...ADMIN_ROLES, "liaison"]);
  return (
    <section>
      <h1>活动签到</h1>
      <Show value={orgs} what="组织">
        {(list) => (list.length === 0 ? <Empty>您的角色没有可查看的活动。</Empty> : <ActivityList orgs={list} />)}
      </Show>
    </section>
  );
}

function ActivityList({ orgs }: { orgs: Org[] }) {
  const [orgId, setOrgId] = useState(orgs[0].id);
  const [from, setFrom] = useState(todayCst(-30));
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [page, reload] = useLoad(() => {
    const q = new URLSearchParams({ orgId, from: `${from}T00:00:00+08:00`, limit: "100" });
    return api<Page<Activity>>("GET", `/v1/activities?${q}`);
  }, [orgId, from]);
  return (
    <>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="筛选活动">
        <OrgSelect orgs={orgs} value={orgId} onChange={(v) => (setOrgId(v), setOpen(null))} text="组织" name="org" />
        <label>
          开始于此日之后
          <input type="date" name="from" value={from} required onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} />
        </label>
        <button type="button" class="primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>发布活动</button>
      </form>
      {creating && <CreateActivity orgs={orgs} done={() => (setCreating(false), reload())} />}
      <Show value={page} retry={reload} what="活动">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>这段时间没有活动。</Empty>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">活动</th>
                  <th scope="col">类型</th>
                  <th scope="col">时间</th>
                  <th scope="col">名额</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((a) => (
                  <tr key={a.id} data-activity={a.id} aria-selected={open === a.id}>
                    <td>{a.title}</td>
                    <td>{a.kindName || label(activityKinds, a.kind)}</td>
                    <td>{time(a.startsAt)} – {time(a.endsAt)}</td>
                    <td>{a.capacity ?? "不限"}</td>
                    <td><span class="badge">{label(activityStates, a.state)}</span></td>
                    <td><button type="button" class="link" onClick={() => setOpen(a.id)}>查看</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
      {open && <ActivityDetail key={open} id={open} />}
    </>
  );
}

function CreateActivity({ orgs, done }: { orgs: Org[]; done: () => void }) {
  const [organiser, setOrganiser] = useState(orgs[0].id);
  const [kind, setKind] = useState("themePartyDay");
  const action = useAction();
  const start = `${todayCst(1)}T09:00`;
  return (
    <form
      class="card"
      aria-labelledby="create-activity"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const capacity = String(f.get("capacity") ?? "").trim();
        const ok = await action.run(() =>
          api("POST", "/v1/activities", {
            organiserOrgId: organiser, kind, title: String(f.get("title")).trim(),
            // datetime-local has no offset: the console's times are China Standard Time's.
            startsAt: `${f.get("startsAt")}:00+08:00`, endsAt: `${f.get("endsAt")}:00+08:00`,
            capacity: capacity ? Number(capacity) : null,
          }),
        );
        if (ok) done();
      }}
    >
      <h2 id="create-activity">发布活动</h2>
      <div class="grid-form">
        <OrgSelect orgs={orgs} value={organiser} onChange={setOrganiser} text="主办组织" name="organiser" />
        <EnumSelect map={activityKinds} value={kind} onChange={setKind} text="类型" name="kind" />
        <label for="a-title">名称</label>
        <input id="a-title" name="title" required maxLength={100} />
        <label for="a-start">开始（北京时间）</label>
        <input id="a-start" name="startsAt" type="datetime-local" required defaultValue={start} />
        <label for="a-end">结束（北京时间）</label>
        <input id="a-end" name="endsAt" type="datetime-local" required defaultValue={`${todayCst(1)}T11:00`} />
        <label for="a-capacity">名额（留空不限）</label>
        <input id="a-capacity" name="capacity" type="number" min={1} max={10000} />
      </div>
      <button type="submit" class="primary" disabled={action.busy}>发布</button>
      {action.error && <ErrorBox error={action.error} />}
    </form>
  );
}

function ActivityDetail({ id }: { id: string }) {
  const session = useSession();
  const admin = hasRole(session, ...ADMIN_ROLES);
  const [activity, reload] = useLoad(() => api<Activity>("GET", `/v1/activities/${encodeURIComponent(id)}`), [id]);
  const [showing, setShowing] = useState(false);
  const names = useOrgNames(activity.state === "ready" ? [activity.value.organiserOrgId] : []);
  return (
    <section class="panel" aria-labelledby="activity" data-testid="activity">
      <Show value={activity} retry={reload} what="活动">
        {(a) => (
          <>
            <h2 id="activity">
              {a.title} <span class="badge">{label(activityStates, a.state)}</span>
            </h2>
            <dl class="facts">
              <dt>主办</dt>
              <dd>{names[a.organiserOrgId] ?? a.organiserOrgId}</dd>
              <dt>类型</dt>
              <dd>{a.kindName || label(activityKinds, a.kind)}</dd>
              <dt>时间</dt>
              <dd>{time(a.startsAt)} – {time(a.endsAt)}</dd>
              <dt>签到时段</dt>
              <dd>{time(a.checkinOpensAt)} – {time(a.checkinClosesAt)}</dd>
              <dt>已签到</dt>
              <dd data-testid="checked-in">{a.checkedIn ?? 0}{a.capacity ? ` / ${a.capacity}` : ""}</dd>
            </dl>
            {admin && a.state === "scheduled" && (
              <div class="actions">
                <button type="button" class="primary" onClick={() => setShowing(true)}>全屏显示签到二维码</button>
              </div>
            )}
            {showing && <CheckinScreen activity={a} onClose={() => (setShowing(false), reload())} />}
            {admin && <AttendanceList id={a.id} />}
          </>
        )}
      </Show>
    </section>
  );
}

function AttendanceList({ id }: { id: string }) {
  const [page, reload] = useLoad(
    () => api<Page<Attendance>>("GET", `/v1/activities/${encodeURIComponent(id)}/attendance?limit=100`), [id]);
  const action = useAction();
  return (
    <section aria-labelledby="attendance">
      <h3 id="attendance">签到记录</h3>
      <Show value={page} retry={reload} what="签到记录">
        {(p) =>
          p.items.length === 0 ? (
            <Empty>还没有人签到。</Empty>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">参与者</th>
                  <th scope="col">签到时间</th>
                  <th scope="col">时长（小时）</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((r) => (
                  <tr key={r.userId}>
                    <td>{r.userId}</td>
                    <td>{time(r.checkedInAt)}</td>
                    <td>{r.hours}{r.open ? "（进行中）" : ""}</td>
                    <td>{label(attendanceStates, r.state)}</td>
                    <td>
                      {r.state !== "approved" && (
                        <button type="button" disabled={action.busy} onClick={async () => {
                          const path = `/v1/activities/${encodeURIComponent(id)}/attendance/${encodeURIComponent(r.userId)}/approve`;
                          if (await action.run(() => api("POST", path, {}))) reload();
                        }}>认定</button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
      {action.error && <ErrorBox error={action.error} />}
    </section>
  );
}

/**
 * The check-in code as a QR code over the whole screen (the Fullscreen API where the browser allows it, a fixed layer in
 * any case). The code is TOTP of 30-second steps (Activities/CheckinCode.cs): it is fetched again when validUntil passes.
 */
function CheckinScreen({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const layer = useRef<HTMLDivElement>(null);
  const [code, setCode] = useState<CheckinCode | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const el = layer.current!;
    el.focus();
    el.requestFullscreen?.().catch(() => {});
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    addEventListener("keydown", onKey);
    return () => {
      removeEventListener("keydown", onKey);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, []);
  useEffect(() => {
    let live = true;
    let timer = 0;
    const fetchCode = async () => {
      try {
        const c = await api<CheckinCode>("GET", `/v1/activities/${encodeURIComponent(activity.id)}/checkin-code`);
        if (!live) return;
        setCode(c);
        setError(null);
        timer = window.setTimeout(fetchCode, Math.max(1000, Date.parse(c.validUntil) - Date.now() + 200));
      } catch (e) {
        if (!live) return;
        setError(asApiError(e));
        timer = window.setTimeout(fetchCode, 5000);
      }
    };
    void fetchCode();
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      live = false;
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [activity.id]);
  const left = code ? Math.max(0, Math.ceil((Date.parse(code.validUntil) - now) / 1000)) : 0;
  return (
    <div class="qr-layer" ref={layer} tabIndex={-1} role="dialog" aria-modal="true" aria-labelledby="qr-title"
      data-testid="checkin-screen">
      <h2 id="qr-title">{activity.title} · 扫码签到</h2>
      {error && <ErrorBox error={error} />}
      {code ? (
        <>
          <QrCanvas text={checkinPayload(activity.id, code.code)} />
          <p class="qr-code" data-testid="checkin-code" aria-live="polite">{code.code}</p>
          <p>请用红驿舫小程序扫码签到，二维码 {left} 秒后更新</p>
        </>
      ) : (
        !error && <Loading what="签到码" />
      )}
      <button type="button" onClick={onClose}>关闭（Esc）</button>
    </div>
  );
}

const QR_BORDER = 2;

/** A QR code drawn on a canvas, module by module (no inline image or markup, so the page's CSP stays strict). */
function QrCanvas({ text }: { text: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const qr = encode(text, { ecc: "M", border: QR_BORDER });
  useEffect(() => {
    const c = canvas.current!;
    const scale = Math.max(4, Math.floor(Math.min(innerWidth, innerHeight * 0.7) / qr.size));
    c.width = c.height = qr.size * scale;
    const g = c.getContext("2d")!;
    g.fillStyle = "#fff";
    g.fillRect(0, 0, c.width, c.height);
    g.fillStyle = "#000";
    qr.data.forEach((row, y) => row.forEach((dark, x) => dark && g.fillRect(x * scale, y * scale, scale, scale)));
  }, [text]);
  return <canvas ref={canvas} class="qr" role="img" aria-label="签到二维码" data-payload={text} data-modules={qr.size} />;
}
