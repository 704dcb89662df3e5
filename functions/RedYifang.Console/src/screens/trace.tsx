import { useState } from "preact/hooks";
import { api, sendWithProgress } from "../api";
import { label, thisMonth, time } from "../labels";
import { useOrgNames } from "../orgs";
import { ADMIN_ROLES, orgsWith, useSession } from "../session";
import type { Evidence } from "../types";
import { Empty, ErrorBox, Progress, Show, useAction, useLoad } from "../ui";

interface TraceEntry {
  seq: number; evidenceId: string; ownerType: string; ownerId: string; kind: string; fileName: string; sha256: string;
  chainHash: string; committedAt: string;
}
interface Verdict {
  // bytesChecked: how many kept files were read and hashed again (Evidence/TraceVerdict.cs), not bytes.
  valid: boolean; checked: number; deep: boolean; bytesChecked: number | null;
  firstBreak: { evidenceId: string; reason: string } | null;
}

const ownerTypes: Record<string, string> = { order: "订单", activity: "活动", agreement: "协议", org: "组织", meeting: "会议" };
const DOC_TYPES = [
  "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/jpeg", "image/png", "image/webp",
];

/** 痕迹档案: an organisation's archive by period, document upload (drag and drop, progress) and the deep verify. */
export function TraceArchive() {
  const session = useSession();
  const orgs = orgsWith(session, ...ADMIN_ROLES, "liaison");
  const names = useOrgNames(orgs);
  const [orgId, setOrgId] = useState(orgs[0] ?? "");
  const [period, setPeriod] = useState(thisMonth());
  const [trace, reload] = useLoad(
    () => api<{ items: TraceEntry[] }>("GET", `/v1/orgs/${encodeURIComponent(orgId)}/trace?period=${period}`),
    [orgId, period],
  );
  if (!orgId) return <Empty>您的角色没有可查看的组织档案。</Empty>;
  return (
    <section>
      <h1>痕迹档案</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="选择档案">
        <label>
          组织
          <select name="org" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
            {orgs.map((o) => (
              <option key={o} value={o}>
                {names[o] ?? o}
              </option>
            ))}
          </select>
        </label>
        <label>
          期间
          <input name="period" value={period} pattern="[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?" required
            onChange={(e) => e.currentTarget.checkValidity() && setPeriod(e.currentTarget.value)} />
        </label>
      </form>
      <div class="columns">
        <Upload orgId={orgId} done={reload} />
        <Verify orgId={orgId} period={period} />
      </div>
      <h2>档案记录</h2>
      <Show value={trace} retry={reload} what="档案">
        {(t) =>
          t.items.length === 0 ? (
            <Empty>该期间还没有归档的材料。</Empty>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">文件</th>
                  <th scope="col">来源</th>
                  <th scope="col">归档时间</th>
                  <th scope="col">链哈希</th>
                </tr>
              </thead>
              <tbody>
                {t.items.map((e) => (
                  <tr key={e.evidenceId} data-evidence={e.evidenceId}>
                    <td>{e.seq}</td>
                    <td>{e.fileName}</td>
                    <td>{label(ownerTypes, e.ownerType)}</td>
                    <td>{time(e.committedAt)}</td>
                    <td>
                      <code title={e.chainHash}>{e.chainHash.slice(0, 12)}…</code>
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

function Upload({ orgId, done }: { orgId: string; done: () => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [over, setOver] = useState(false);
  const [last, setLast] = useState<Evidence | null>(null);
  const action = useAction();
  const send = (file: File) =>
    action.run(async () => {
      setLast(null);
      setProgress(0);
      const form = new FormData();
      form.append("ownerType", "org");
      form.append("ownerId", orgId);
      form.append("file", file, file.name);
      const evidence = (await sendWithProgress("POST", "/api/v1/evidence", form, {}, setProgress, true)) as Evidence;
      setLast(evidence);
      done();
    });
  return (
    <section class="panel" aria-labelledby="upload">
      <h2 id="upload">上传材料</h2>
      <div
        class={`dropzone${over ? " over" : ""}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const f = e.dataTransfer?.files[0];
          if (f) send(f);
        }}
      >
        <p>把文件拖到这里，或</p>
        <label for="document" class="button">
          选择文件
        </label>
        <input id="document" name="document" type="file" accept={DOC_TYPES.join(",")} class="visually-hidden"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) send(f);
            e.currentTarget.value = "";
          }} />
        <p class="hint">PDF、Word、Excel 或照片。</p>
      </div>
      <Progress value={progress} label="上传进度" />
      {last && (
        <p class="ok" role="status">
          已上传“{last.fileName}”，正在归档。
        </p>
      )}
      {action.error && <ErrorBox error={action.error} />}
    </section>
  );
}

function Verify({ orgId, period }: { orgId: string; period: string }) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const action = useAction();
  return (
    <section class="panel" aria-labelledby="verify">
      <h2 id="verify">深度校验</h2>
      <p class="hint">重新计算哈希链，并逐一核对已归档文件的内容。</p>
      <button
        type="button"
        disabled={action.busy}
        onClick={() =>
          action.run(async () => {
            setVerdict(null);
            setVerdict(await api<Verdict>("GET",
              `/v1/orgs/${encodeURIComponent(orgId)}/trace/verify?deep=true&period=${period}`));
          })
        }
      >
        {action.busy ? "校验中…" : "开始深度校验"}
      </button>
      {verdict && (
        <div class={`verdict ${verdict.valid ? "valid" : "invalid"}`} role="status" data-testid="verdict">
          <strong>{verdict.valid ? "档案完整，未被篡改" : "发现断链"}</strong>
          <div>
            哈希链 {verdict.checked} 环相连
            {verdict.bytesChecked != null && `，重新计算 ${verdict.bytesChecked} 个文件的哈希均一致`}
          </div>
          {verdict.firstBreak && (
            <div>
              首个断点：{verdict.firstBreak.evidenceId}（{verdict.firstBreak.reason}）
            </div>
          )}
        </div>
      )}
      {action.error && <ErrorBox error={action.error} />}
    </section>
  );
}
