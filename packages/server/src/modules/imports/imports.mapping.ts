import { IMPORT_FIELDS } from "@openkam/contracts";
import type { ImportEntity } from "@openkam/domain";
import { AppError } from "../../http/app-error";

/**
 * Column mapping: which file column feeds which field. Headers that are the
 * field names (as in our exports) need no mapping; common English and Chinese
 * headers are recognised as well, so a CRM or ERP export usually maps itself.
 */

const normalise = (h: string) => h.trim().toLowerCase().replace(/^\uFEFF/, "").replace(/[\s_\-./()（）]+/g, "");

/** Synonyms per field, written in their normalised form's source spelling (normalised at load). */
const SYNONYMS: Record<string, string[]> = {
  external_id: ["external id", "id", "ext id", "code", "编号", "外部编号", "外部id", "代码"],
  name: ["name", "account name", "customer name", "company", "company name", "contact name", "product name", "full name", "名称", "客户名称", "客户", "公司名称", "公司", "姓名", "联系人", "产品名称"],
  legal_name: ["legal name", "registered name", "法定名称", "工商注册名称", "注册名称"],
  industry: ["industry", "sector", "行业"],
  region: ["region", "territory", "area", "区域", "大区", "地区"],
  country: ["country", "country code", "国家", "国家代码"],
  currency: ["currency", "ccy", "币种", "货币"],
  size: ["size", "company size", "规模", "企业规模"],
  tier: ["tier", "level", "segment", "等级", "客户等级", "分级"],
  status: ["status", "state", "状态"],
  owner_email: ["owner", "owner email", "account owner", "kam", "负责人", "负责人邮箱", "客户经理"],
  parent_external_id: ["parent", "parent id", "parent account", "parent external id", "上级客户", "母公司", "上级客户编号"],
  tags: ["tags", "labels", "标签"],
  custom_fields: ["custom fields", "自定义字段"],
  account_external_id: ["account", "account id", "account external id", "customer id", "customer code", "客户编号", "客户代码", "客户id"],
  title: ["title", "job title", "position", "职位", "职务", "头衔"],
  department: ["department", "dept", "部门"],
  email: ["email", "e-mail", "mail", "邮箱", "电子邮件", "电子邮箱"],
  phone: ["phone", "telephone", "mobile", "tel", "电话", "手机", "手机号", "联系电话"],
  buying_role: ["buying role", "role", "采购角色", "角色"],
  influence: ["influence", "影响力"],
  attitude: ["attitude", "sentiment", "态度"],
  reports_to_external_id: ["reports to", "manager", "reports to id", "上级", "汇报对象", "直属上级"],
  notes: ["notes", "note", "remarks", "comment", "comments", "备注", "说明"],
  sku: ["sku", "product code", "item code", "part number", "article", "产品编号", "物料编码", "产品代码", "货号"],
  category: ["category", "product category", "类别", "品类", "产品类别"],
  unit: ["unit", "uom", "单位"],
  list_price: ["list price", "price", "目录价", "标准价", "价格"],
  is_active: ["active", "is active", "enabled", "启用", "是否启用"],
  order_date: ["order date", "date", "订单日期", "下单日期", "日期"],
  amount: ["amount", "total", "order amount", "value", "金额", "订单金额", "总金额"],
  line_no: ["line", "line no", "line number", "item no", "行号", "序号"],
  quantity: ["quantity", "qty", "数量"],
  unit_price: ["unit price", "单价"],
  type: ["type", "interaction type", "类型", "拜访类型", "互动类型"],
  occurred_at: ["occurred at", "date", "when", "time", "datetime", "时间", "日期", "发生时间", "拜访时间"],
  duration_minutes: ["duration", "duration minutes", "minutes", "时长", "时长分钟"],
  subject: ["subject", "topic", "主题"],
  summary: ["summary", "description", "摘要", "纪要", "内容"],
  outcome: ["outcome", "result", "结果", "成果"],
  next_step: ["next step", "next steps", "下一步", "后续行动"],
  contact_external_ids: ["contacts", "attendees", "contact ids", "参与联系人", "联系人编号"],
  user_emails: ["users", "team", "participants", "our attendees", "参与同事", "我方人员"],
};

const SYNONYM_INDEX = new Map<string, string[]>();
for (const [field, words] of Object.entries(SYNONYMS)) {
  for (const w of [field, ...words]) {
    const key = normalise(w);
    SYNONYM_INDEX.set(key, [...(SYNONYM_INDEX.get(key) ?? []), field]);
  }
}

/**
 * Guesses file header → field for one entity: exact field names first, then
 * synonyms; each field is taken by the first header that claims it.
 */
export function guessMapping(headers: readonly string[], entity: ImportEntity): Record<string, string> {
  const fields = new Set<string>(IMPORT_FIELDS[entity]);
  const taken = new Set<string>();
  const mapping: Record<string, string> = {};
  const claim = (header: string, field: string) => {
    if (!fields.has(field) || taken.has(field) || mapping[header] !== undefined) return;
    mapping[header] = field;
    taken.add(field);
  };
  for (const h of headers) {
    const exact = h.trim().toLowerCase();
    if (fields.has(exact)) claim(h, exact);
  }
  for (const h of headers) {
    for (const field of SYNONYM_INDEX.get(normalise(h)) ?? []) claim(h, field);
  }
  // In a contacts file "name" is the contact; the account arrives by id, never by name.
  return mapping;
}

/** Where each field is in a row: field → column index. */
export type ColumnPlan = Map<string, { index: number; header: string }>;

/**
 * The columns to read: an explicit mapping wins (unmapped headers are
 * ignored); without one, the guessed mapping applies. Fails on a mapping that
 * names unknown headers or fields, or maps two columns to one field.
 */
export function planColumns(headers: readonly string[], entity: ImportEntity, mapping?: Record<string, string> | null): ColumnPlan {
  const fields = new Set<string>(IMPORT_FIELDS[entity]);
  const effective = mapping ?? guessMapping(headers, entity);
  const plan: ColumnPlan = new Map();
  for (const [header, field] of Object.entries(effective)) {
    const index = headers.indexOf(header);
    if (index < 0) {
      if (mapping) throw new AppError("VALIDATION_FAILED", `The mapping names a column "${header}" that the file does not have`);
      continue;
    }
    if (!fields.has(field)) throw new AppError("VALIDATION_FAILED", `"${field}" is not a field of ${entity}; use one of ${[...fields].join(", ")}`);
    if (plan.has(field)) throw new AppError("VALIDATION_FAILED", `Two columns are mapped to ${field}`);
    plan.set(field, { index, header });
  }
  return plan;
}

/** The cells of one row keyed by field; a field without a column stays undefined. */
export function cellsOf(plan: ColumnPlan, values: readonly string[]): Record<string, string | undefined> {
  const cells: Record<string, string | undefined> = {};
  for (const [field, { index }] of plan) cells[field] = values[index] ?? "";
  return cells;
}
