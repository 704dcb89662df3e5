// The admins' console in Debian's Chromium, driven by playwright-core: the flows of issue 18 in order, a screenshot of each
// screen, labels and keyboard navigation checked on the forms. Run by BrowserFlowTests.cs, which starts the app and passes:
//   BASE_URL, ORDER_ID (a submitted elderly-care order of 博览社区), PHOTO (a JPEG), DOCUMENT (a PDF), OUT (screenshots),
//   CHROMIUM (the browser). Prints one line per step; exits non-zero on the first failure.
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const { BASE_URL, ORDER_ID, PHOTO, DOCUMENT, OUT, CHROMIUM } = process.env;
const LIAISON_UNIT = "org_demo-u01";
const STEP_TIMEOUT = 90_000;
mkdirSync(OUT, { recursive: true });

const started = Date.now();
const step = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);
const fail = (text) => {
  throw new Error(text);
};

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 }, acceptDownloads: true });
context.setDefaultTimeout(STEP_TIMEOUT);
const page = await context.newPage();
const policyViolations = [];
const pageErrors = [];
page.on("console", (m) => {
  if (m.type() === "error" && /Content Security Policy/i.test(m.text())) policyViolations.push(m.text());
});
page.on("pageerror", (e) => pageErrors.push(String(e)));

const shot = async (name) => {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  step(`screenshot ${name}.png`);
};
const go = (path) => page.goto(`${BASE_URL}console${path}`);
const badge = (text) => page.locator("h1 .badge", { hasText: text }).waitFor();

/** Every form control on the page has a label (its own <label>, or aria-label). */
async function checkLabels(where) {
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")]
      .filter((c) => c.type !== "hidden" && !(c.labels && c.labels.length) && !c.getAttribute("aria-label"))
      .map((c) => c.outerHTML),
  );
  if (unlabelled.length) fail(`${where}: controls without a label: ${unlabelled.join(" ")}`);
}

/** Tab from one control reaches the next in order, by keyboard alone. */
async function checkTabOrder(where, selectors) {
  await page.focus(selectors[0]);
  for (const next of selectors.slice(1)) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate((s) => document.activeElement === document.querySelector(s), next);
    if (!focused) {
      const actual = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
      fail(`${where}: Tab did not move to ${next} (focus on ${actual})`);
    }
  }
}

async function signIn(openId) {
  const signOut = page.getByRole("button", { name: "退出登录" });
  if (await signOut.isVisible()) await signOut.click();
  await go("/");
  await page.locator(`button[data-openid="${openId}"]`).click();
  await page.locator("nav[aria-label='主导航']").waitFor();
  step(`signed in as ${openId}`);
}

try {
  // The sign-in page: its form by keyboard, then the community admin.
  await go("/");
  await page.locator("button[data-openid]").first().waitFor();
  await shot("01-signin");
  await checkLabels("sign-in");
  await page.getByLabel("其他用户的 openId").fill("dev-community");
  await page.keyboard.press("Enter");
  await page.locator("nav[aria-label='主导航']").waitFor();
  step("signed in as dev-community with the keyboard");

  // 1. The order queue: filters labelled and reachable by Tab; the new order among the submitted ones.
  await page.locator("table.list, .state.empty").first().waitFor();
  await checkLabels("order queue");
  await checkTabOrder("order queue filters", ["select[name=community]", "select[name=state]", "select[name=category]",
    "select[name=urgency]"]);
  await shot("02-order-queue");
  const queued = page.locator(`tr[data-order="${ORDER_ID}"] a`);
  if (await queued.isVisible()) await queued.click();
  else await go(`/orders/${ORDER_ID}`);
  await badge("待审核");
  await checkLabels("order detail");
  await page.getByLabel("原因").waitFor();
  await shot("03-order-submitted");

  // Publish, then match from the suggestions (each factor's contribution shown).
  await page.getByRole("button", { name: "发布（立项）" }).click();
  await badge("已发布");
  step("published");
  const row = page.locator(`tr[data-unit="${LIAISON_UNIT}"]`).first();
  for (let i = 0; !(await row.isVisible()); i++) {
    // Suggestions are computed off the request (Matching's queue): ask again until they are there.
    if (i > 120) fail("no suggestion of the liaison's unit");
    const refresh = page.getByRole("button", { name: "刷新" });
    if (await refresh.isVisible()) await refresh.click();
    await page.waitForTimeout(500);
  }
  const factors = await row.locator(".factors li").count();
  if (factors !== 6) fail(`expected the six factors' contributions, saw ${factors}`);
  await shot("04-suggestions");
  await row.getByRole("button", { name: "匹配此资源" }).click();
  await badge("已匹配");
  step("matched");

  // 2. The liaison: agree, start, complete with a photo (upload URL flow, progress bar).
  await signIn("dev-liaison");
  await page.locator(`tr[data-order="${ORDER_ID}"]`).waitFor();
  await shot("05-unit-desk");
  await page.locator(`tr[data-order="${ORDER_ID}"] a`).click();
  await page.getByRole("button", { name: "同意承接" }).click();
  await badge("已认领");
  await page.getByRole("button", { name: "开始服务" }).click();
  await badge("服务中");
  step("agreed and started");
  await checkLabels("completion form");
  await checkTabOrder("completion form", ["#photos", "#hours", "#served"]);
  await page.getByLabel("服务照片（可多张）").setInputFiles(PHOTO);
  await page.getByLabel("服务时长（小时）").fill("3");
  await page.getByRole("button", { name: "上传照片并报告完成" }).click();
  await page.locator("progress").waitFor();
  await shot("06-uploading-photo");
  await badge("待验收");
  step("completed with a photo");

  // Accept as the community admin; the photo's thumbnail is shown.
  await signIn("dev-community");
  await go(`/orders/${ORDER_ID}`);
  await badge("待验收");
  const thumb = page.locator(".thumbs img").first();
  await thumb.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector(".thumbs img");
    return img && img.complete && img.naturalWidth > 0;
  });
  await shot("07-order-completed");
  await page.getByRole("button", { name: "验收通过" }).click();
  await badge("已验收");
  await shot("08-order-accepted");
  step("accepted");

  // Problem details in Chinese: an order that is not there.
  await go("/orders/ord_nothere1");
  const problem = await page.locator(".state.error").textContent();
  if (!/[\u4e00-\u9fff]/.test(problem ?? "")) fail(`problem not in Chinese: ${problem}`);
  step(`problem shown: ${problem}`);

  // 3. The trace archive: a document dropped on the zone (progress bar), archived, then the deep verify.
  await go("/trace");
  await page.locator("[data-testid=dropzone]").waitFor();
  await checkLabels("trace archive");
  const bytes = readFileSync(DOCUMENT).toString("base64");
  const name = `会议纪要-${Date.now()}.pdf`;
  const dataTransfer = await page.evaluateHandle(
    ([b64, fileName]) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([raw], fileName, { type: "application/pdf" }));
      return dt;
    },
    [bytes, name],
  );
  await page.dispatchEvent("[data-testid=dropzone]", "drop", { dataTransfer });
  await page.locator("progress").waitFor();
  await page.locator(".ok", { hasText: name }).waitFor();
  step("document uploaded");
  // Archived once its check has run: reload the archive until it lists the file.
  const listed = page.locator("table.list td", { hasText: name });
  for (let i = 0; !(await listed.isVisible()); i++) {
    if (i > 120) fail("the document never reached the archive");
    await page.waitForTimeout(500);
    await go("/trace");
    await page.locator("table.list, .state.empty").first().waitFor();
  }
  await page.getByRole("button", { name: "开始深度校验" }).click();
  const verdict = page.locator("[data-testid=verdict]");
  await verdict.waitFor();
  const verdictText = await verdict.textContent();
  if (!verdictText.includes("档案完整")) fail(`deep verify: ${verdictText}`);
  await shot("09-trace-verified");
  step(`deep verify: ${verdictText}`);

  // 4. Rankings as the street admin: the breakdown chart, then the .xlsx export.
  await signIn("dev-street");
  await go("/rankings");
  await page.locator("table.list tbody tr").first().waitFor();
  await checkLabels("rankings");
  await page.locator("table.list tbody tr button.link").first().click();
  await page.locator("[data-testid=breakdown] canvas").waitFor();
  await page.locator("[data-testid=breakdown] table tbody tr").first().waitFor();
  await shot("10-ranking-breakdown");
  step("ranking breakdown shown");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 Excel" }).click()]);
  const xlsx = join(OUT, download.suggestedFilename());
  await download.saveAs(xlsx);
  const head = readFileSync(xlsx).subarray(0, 2).toString("latin1");
  if (head !== "PK") fail(`the export is not an .xlsx (starts ${JSON.stringify(head)})`);
  step(`exported ${download.suggestedFilename()}`);

  // 5. The statistics dashboard and the organisation tree.
  await go("/stats");
  await page.locator(".cards li").first().waitFor();
  await page.locator(".chart canvas").waitFor();
  await shot("11-statistics");
  await go("/orgs");
  await page.locator(".tree li").first().waitFor();
  await shot("12-org-tree");

  if (policyViolations.length) fail(`Content-Security-Policy violations: ${policyViolations.join(" | ")}`);
  if (pageErrors.length) fail(`script errors: ${pageErrors.join(" | ")}`);
  step("all flows passed");
  writeFileSync(join(OUT, "flows.ok"), `${Date.now() - started}\n`);
} catch (e) {
  console.error(`FAILED: ${e.message}`);
  await page.screenshot({ path: join(OUT, "failure.png"), fullPage: true }).catch(() => {});
  await browser.close();
  process.exit(1);
}
await browser.close();
