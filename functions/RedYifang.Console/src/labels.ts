// Chinese names of the API's enumerations (openapi.json), shown wherever the console prints one.

export const orderStates: Record<string, string> = {
  submitted: "待审核", published: "已发布", matched: "已匹配", agreed: "已认领", inProgress: "服务中",
  completed: "待验收", accepted: "已验收", closed: "已关闭", rejected: "已驳回", cancelled: "已取消", expired: "已过期",
};

export const categories: Record<string, string> = {
  medical: "医疗健康", legalAid: "法律援助", financial: "金融服务", elderlyCare: "养老助老", disability: "助残服务",
  childrenEducation: "儿童教育", cultureSport: "文体活动", environment: "环境卫生", employment: "就业创业",
  repairs: "维修服务", psychological: "心理关爱", other: "其他",
};

export const urgencies: Record<string, string> = { low: "一般", normal: "较急", high: "紧急" };

export const factors: Record<string, string> = {
  category: "类别匹配", area: "服务区域", capacity: "剩余能力", availability: "时间可用",
  trackRecord: "履约记录", fairness: "机会均衡",
};

export const indicators: Record<string, string> = {
  ordersAccepted: "验收订单", serviceHours: "服务时长", beneficiaries: "受益人数", fundsGiven: "资金捐赠",
  commitmentFulfilment: "承诺履行", activityParticipation: "活动参与", satisfaction: "满意度",
  evaluationsReceived: "双向评价", medianResponseTime: "响应时间", completionRate: "完成率", traceCompleteness: "痕迹完整",
};

export const roles: Record<string, string> = {
  resident: "居民", partyMember: "党员", liaison: "单位联络员", communityAdmin: "社区管理员",
  streetAdmin: "街道管理员", districtAdmin: "区级管理员", partTimeCommitteeMember: "兼职委员",
};

export const peerGroups: Record<string, string> = {
  agency: "机关单位", stateEnterprise: "国有企业", nonPublicEnterprise: "非公企业",
  socialOrganization: "社会组织", volunteerTeam: "志愿服务队", community: "社区",
};

export const evidenceStates: Record<string, string> = {
  pending: "校验中", verified: "已核验", rejected: "未通过", failed: "处理失败",
};

export const chainBreaks: Record<string, string> = {};

export function label(map: Record<string, string>, key: string | null | undefined): string {
  return key == null ? "—" : (map[key] ?? key);
}

export function time(instant: string | null | undefined): string {
  if (!instant) return "—";
  return new Date(instant).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

/** The month before this one in China Standard Time, as the API writes periods (2026-11). */
export function lastMonth(): string {
  const cst = new Date(Date.now() + 8 * 3600_000);
  const y = cst.getUTCFullYear(), m = cst.getUTCMonth();
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, "0")}`;
}

export function thisMonth(): string {
  const cst = new Date(Date.now() + 8 * 3600_000);
  return `${cst.getUTCFullYear()}-${String(cst.getUTCMonth() + 1).padStart(2, "0")}`;
}

export const resourceStates: Record<string, string> = { draft: "草稿", published: "已发布", paused: "已暂停", retired: "已退役" };
export const resourceKinds: Record<string, string> = { service: "服务", funds: "资金" };
export const runStates: Record<string, string> = { queued: "排队中", running: "计算中", completed: "已完成", failed: "失败" };
export const agreementStates: Record<string, string> = {
  draft: "草稿（待签署）", active: "生效中", terminated: "已终止", expired: "已到期",
};
export const activityKinds: Record<string, string> = {
  themePartyDay: "主题党日", organisationLife: "组织生活", volunteerService: "志愿服务", freeClinic: "义诊",
  legalOutreach: "普法宣传", jointMeeting: "联席会议", enterpriseServiceDay: "企业服务日", communityWorkDay: "社区工作日",
};
export const activityStates: Record<string, string> = { scheduled: "未结束", closed: "已结项", cancelled: "已取消" };
export const attendanceStates: Record<string, string> = { pending: "待审核", approved: "已认定", declined: "未认定" };
export const siteKinds: Record<string, string> = {
  redCultureBase: "红色文化基地", theoryStudyBase: "理论学习基地", volunteerServiceBase: "志愿服务基地",
  redPropertyBase: "红色物业基地", partyMembersHomeBase: "党员之家", enterprisePartyBase: "非公企业党建基地",
  serviceStation: "党群服务站", liaisonStation: "联络站",
};
export const bookingStates: Record<string, string> = { active: "有效", cancelled: "已取消" };
export const weekdays: Record<string, string> = {
  mon: "周一", tue: "周二", wed: "周三", thu: "周四", fri: "周五", sat: "周六", sun: "周日",
};
export const accountKinds: Record<string, string> = {
  budget: "预算", coBuilding: "共建经费", expense: "支出", donor: "捐赠方", donations: "捐赠收入",
};
export const receivedStates: Record<string, string> = {
  windowNotOpen: "评价窗口尚未开放", windowOpen: "评价进行中，窗口关闭后公布结果",
  notEnoughEvaluations: "评价单位不足 3 个，结果不公布", available: "结果已公布",
};

/** A date (YYYY-MM-DD) or instant shown as China Standard Time's day. */
export function day(value: string | null | undefined): string {
  if (!value) return "—";
  return value.length === 10 ? value : new Date(value).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
}
