/** The words of the QBR's PDF and workbook, in the languages the web app speaks. */
export const QBR_LABELS = {
  en: {
    title: "Quarterly business review", item: "Item", quarter: "Quarter", generated: "Generated", account: "Account", tier: "Tier", status: "Status",
    owner: "Owner", team: "Team", industry: "Industry", region: "Region", none: "None", noData: "No data for this quarter",
    kpis: "KPIs", kpi: "KPI", value: "Value", target: "Target", light: "Status",
    scorecard: "Balanced scorecard", perspective: "Perspective",
    plans: "Account plan progress", plan: "Plan", period: "Period", progress: "Objectives attained", actionCompletion: "Actions done",
    actionsLine: "{done} of {total} actions done · {overdue} overdue", objective: "Objective", baseline: "Baseline", current: "Current",
    valueDelivered: "Value delivered", initiative: "Initiative", promised: "Promised", delivered: "Delivered", investment: "Investment", roi: "ROI", currency: "Currency", total: "Total",
    feedback: "You said, we did", feedbackLine: "{received} received · {closed} closed · {open} open", said: "You said", did: "We did", severity: "Severity", closedOn: "Closed",
    surveys: "Customer voice", responses: "Responses", nps: "NPS", csat: "CSAT", comments: "Comments", promoters: "Promoters", passives: "Passives", detractors: "Detractors",
    service: "Interactions and service", interactions: "Interactions", cases: "Cases opened", resolved: "Resolved",
    firstResponse: "First response within SLA", resolution: "Resolved within SLA", type: "Type", count: "Count",
    next: "Next quarter's plan", actions: "Plan actions", due: "Due", tasks: "Tasks", assignee: "Assignee", cadence: "Upcoming contacts", kind: "Contact",
    tiers: { strategic: "Strategic", key: "Key", growth: "Growth", standard: "Standard" } as Record<string, string>,
    lights: { green: "On track", amber: "Watch", red: "Off track" } as Record<string, string>,
    perspectives: { financial: "Financial", customer: "Customer", internal_process: "Internal process", learning_growth: "Learning and growth" } as Record<string, string>,
    cadenceKinds: { visit: "Visit", executive_meeting: "Executive meeting", qbr: "Business review" } as Record<string, string>,
  },
  "zh-CN": {
    title: "季度业务回顾", item: "事项", quarter: "季度", generated: "生成时间", account: "客户", tier: "级别", status: "状态",
    owner: "负责人", team: "团队", industry: "行业", region: "地区", none: "无", noData: "本季度暂无数据",
    kpis: "关键指标", kpi: "指标", value: "数值", target: "目标", light: "状态",
    scorecard: "平衡计分卡", perspective: "维度",
    plans: "客户计划进展", plan: "计划", period: "周期", progress: "目标达成", actionCompletion: "行动完成",
    actionsLine: "已完成 {done}/{total} 项行动 · 逾期 {overdue} 项", objective: "目标", baseline: "基线", current: "当前值",
    valueDelivered: "已交付价值", initiative: "价值共创举措", promised: "承诺价值", delivered: "已交付", investment: "投入", roi: "投资回报率", currency: "币种", total: "合计",
    feedback: "您的反馈，我们的行动", feedbackLine: "收到 {received} 条 · 关闭 {closed} 条 · 未关闭 {open} 条", said: "您的反馈", did: "我们的行动", severity: "严重程度", closedOn: "关闭日期",
    surveys: "客户之声", responses: "回复数", nps: "净推荐值", csat: "满意度", comments: "客户留言", promoters: "推荐者", passives: "中立者", detractors: "贬损者",
    service: "互动与服务", interactions: "互动", cases: "新建工单", resolved: "已解决",
    firstResponse: "首次响应达标率", resolution: "解决达标率", type: "类型", count: "数量",
    next: "下季度计划", actions: "计划行动", due: "截止", tasks: "任务", assignee: "负责人", cadence: "即将进行的联系", kind: "联系类型",
    tiers: { strategic: "战略客户", key: "重点客户", growth: "成长客户", standard: "标准客户" } as Record<string, string>,
    lights: { green: "正常", amber: "关注", red: "偏离" } as Record<string, string>,
    perspectives: { financial: "财务", customer: "客户", internal_process: "内部流程", learning_growth: "学习与成长" } as Record<string, string>,
    cadenceKinds: { visit: "拜访", executive_meeting: "高层会议", qbr: "业务回顾" } as Record<string, string>,
  },
} as const;

export type QbrLanguage = keyof typeof QBR_LABELS;
export type QbrLabels = (typeof QBR_LABELS)[QbrLanguage];

/** `{name}` placeholders filled in. */
export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${value}%`);
