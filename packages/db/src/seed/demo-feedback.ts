import { FEEDBACK_STATUSES, type FeedbackSeverity, type FeedbackSource, type FeedbackStatus } from "@openkam/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../connection/database";
import { newId } from "../ids";
import { tasks } from "../schema/activities";
import { feedbackItems, feedbackTransitions } from "../schema/feedback";
import { Random } from "./random";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What customers said, with the improvement made and how they were told. */
const SAMPLES: Array<{ title: string; description: string; category: string; area: string; action: string; told: string }> = [
  { title: "Delivery notes arrive a day after the goods", description: "Receiving cannot book the goods in without the note, so pallets wait at the gate.", category: "delivery", area: "Logistics", action: "Print delivery notes at dispatch and send the PDF with the shipping notice", told: "Explained the new dispatch routine to the warehouse manager on the monthly call." },
  { title: "Invoices do not show the PO number", description: "Accounts payable sends every invoice back to ask which order it belongs to.", category: "billing", area: "Invoicing", action: "Add the customer's PO number to the invoice template", told: "Sent a sample invoice to the AP lead and confirmed by e-mail." },
  { title: "The customer portal is slow in the morning", description: "Order entry takes minutes between 8 and 10 am.", category: "product", area: "Customer portal", action: "Move the nightly catalogue rebuild out of office hours", told: "Showed the load times before and after at the QBR." },
  { title: "Too many people call us about the same order", description: "Three of your departments asked the same question last week.", category: "service", area: "Account team", action: "Name one contact person per order in the confirmation", told: "Introduced the single contact person to the purchasing team in a meeting." },
  { title: "Technical data sheets are out of date", description: "The sheets on the website still show last year's tolerances.", category: "product", area: "Documentation", action: "Publish the current data sheets and date every version", told: "Mailed the links to the engineering contact." },
  { title: "Price changes come without notice", description: "We learn about new prices from the invoice.", category: "billing", area: "Pricing", action: "Announce price changes 60 days ahead in writing", told: "Agreed the notice period in the account plan review." },
  { title: "Samples take three weeks", description: "Our development team loses a sprint waiting for samples.", category: "delivery", area: "Samples", action: "Keep a stock of the ten most requested samples", told: "Told the R&D lead during the site visit." },
  { title: "Support tickets are closed without an answer", description: "Two tickets were closed as solved although nothing changed.", category: "service", area: "Support", action: "Only close a case after the customer confirms", told: "Walked the customer through the new case rules on a call." },
  { title: "Packaging is hard to recycle", description: "Mixed plastic and carton cannot be separated on site.", category: "sustainability", area: "Packaging", action: "Switch to mono-material carton packaging", told: "Presented the new packaging at the quarterly review." },
  { title: "Training for new operators is missing", description: "New staff learn the machine from colleagues only.", category: "service", area: "Training", action: "Run a quarterly on-site training for new operators", told: "Sent the training calendar to HR." },
  { title: "Order confirmations arrive in English only", description: "The plant team would prefer Chinese.", category: "service", area: "Order desk", action: "Send order confirmations in the customer's language", told: "Confirmed with the plant manager by phone." },
  { title: "Spare parts are hard to identify", description: "The part numbers in the manual do not match the labels.", category: "product", area: "Spare parts", action: "Align manual and label part numbers and add photos", told: "Delivered the new parts catalogue in person." },
];

const SEVERITIES: FeedbackSeverity[] = ["low", "medium", "medium", "high", "high", "critical"];

/** How far along the loop the demo's items are, oldest first: most old feedback is closed, the newest is still new. */
function targetStatus(ageDays: number, random: Random): FeedbackStatus {
  if (ageDays > 60) return random.chance(0.8) ? "closed" : random.pick(["planned", "informed", "acknowledged"] as const);
  if (ageDays > 21) return random.pick(["planned", "done", "informed", "closed", "acknowledged"] as const);
  return random.pick(["new", "new", "acknowledged", "planned"] as const);
}

/**
 * Feedback for the demo organisation: about 36 items over the last six months on the first strategic
 * and key accounts, in every state of the loop, the older ones mostly closed with their improvement task done,
 * a few stuck long enough to be overdue. Reads interactions and cases made by the rest of the demo, so
 * it runs after them, in the same transaction. Deterministic for the same data; does nothing when the
 * organisation already has feedback.
 */
export async function seedDemoFeedback(tx: Db, orgId: string, asOf: Date): Promise<void> {
  const [existing] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from feedback_items where org_id = ${orgId}`);
  if ((existing?.n ?? 0) > 0) return;
  const random = new Random(20_261_206, "feedback");
  const accounts = await tx.rows<{ id: string; ownerUserId: string | null }>(sql`
    select id, owner_user_id as "ownerUserId" from accounts where org_id = ${orgId} and deleted_at is null and status <> 'churned'
    order by case tier when 'strategic' then 0 when 'key' then 1 when 'growth' then 2 else 3 end, lower(name), id limit 12`);
  const people = (await tx.rows<{ userId: string }>(sql`
    select user_id as "userId" from memberships where org_id = ${orgId} and is_active and role <> 'viewer' order by user_id`)).map((m) => m.userId);
  if (accounts.length === 0 || people.length === 0) return;
  const ids = sql.join(accounts.map((a) => sql`${a.id}`), sql`, `);
  const interactions = await tx.rows<{ id: string; accountId: string }>(sql`
    select id, account_id as "accountId" from interactions where org_id = ${orgId} and account_id in (${ids}) and occurred_at < ${asOf} order by occurred_at desc, id limit 200`);
  const cases = await tx.rows<{ id: string; accountId: string }>(sql`
    select id, account_id as "accountId" from cases where org_id = ${orgId} and account_id in (${ids}) order by id`);

  const items: Array<typeof feedbackItems.$inferInsert> = [];
  const moves: Array<typeof feedbackTransitions.$inferInsert> = [];
  const taskRows: Array<typeof tasks.$inferInsert> = [];
  for (let i = 0; i < 36; i++) {
    const account = accounts[i % accounts.length]!;
    // Shifted on every round over the accounts, so one account does not hear the same thing twice.
    const sample = SAMPLES[(i + Math.floor(i / accounts.length) * 5) % SAMPLES.length]!;
    const owner = account.ownerUserId ?? random.pick(people);
    // Spread over 180 days, newest last; the first few are recent so there is always new feedback to open.
    const ageDays = i < 4 ? i + 1 : random.int(3, 180);
    const createdAt = new Date(asOf.getTime() - ageDays * DAY - random.int(0, 8) * HOUR);
    const status = targetStatus(ageDays, random);
    const fromInteraction = interactions.find((x) => x.accountId === account.id && random.chance(0.5));
    const fromCase = cases.find((x) => x.accountId === account.id);
    const source: FeedbackSource = i % 4 === 0 && fromInteraction ? "interaction" : i % 4 === 1 && fromCase ? "case" : i % 4 === 2 ? "email" : "manual";
    const sourceId = source === "interaction" ? fromInteraction!.id : source === "case" ? fromCase!.id : null;
    const severity = random.pick(SEVERITIES);
    const id = newId();

    // Walk the loop up to the target state, each step taking a few days (planned ones longer).
    let at = createdAt.getTime();
    let taskId: string | null = null;
    const steps = FEEDBACK_STATUSES.slice(1, FEEDBACK_STATUSES.indexOf(status) + 1);
    const budget = Math.max(asOf.getTime() - at - HOUR, 0);
    const shares = steps.map((s) => (s === "planned" ? 4 : 1) * random.float(0.5, 1.5));
    const total = shares.reduce((s, n) => s + n, 0) || 1;
    // Open items stop part-way, so their current state has lasted a while (some overdue); closed ones use the span.
    const used = status === "closed" ? random.float(0.3, 0.9) : random.float(0.2, 0.7);
    let doneAt: Date | null = null;
    let closedAt: Date | null = null;
    for (const [k, to] of steps.entries()) {
      at += Math.max(Math.round((budget * used * shares[k]!) / total), HOUR);
      const when = new Date(at);
      const from = k === 0 ? "new" : steps[k - 1]!;
      let note: string | null = null;
      if (to === "planned") {
        taskId = newId();
        const assignee = random.chance(0.5) ? owner : random.pick(people);
        taskRows.push({
          orgId, id: taskId, title: sample.action, description: `${sample.title}\n\n${sample.description}`, accountId: account.id, assigneeUserId: assignee,
          dueDate: new Date(at + random.int(10, 40) * DAY).toISOString().slice(0, 10), status: "todo", priority: severity === "critical" ? "urgent" : severity === "high" ? "high" : "medium",
          createdBy: owner, sourceType: "feedback", sourceId: id, createdAt: when, updatedAt: when,
        });
      }
      if (to === "done") doneAt = when;
      if (to === "informed") note = sample.told;
      if (to === "closed") closedAt = when;
      moves.push({ orgId, id: newId(), feedbackId: id, fromStatus: from, toStatus: to, at: when, byUserId: owner, note });
    }
    const task = taskRows.find((r) => r.id === taskId);
    if (task && doneAt) Object.assign(task, { status: "done", completedAt: doneAt, updatedAt: doneAt });
    items.push({
      orgId, id, accountId: account.id, source, sourceId, title: sample.title, description: sample.description, category: sample.category, severity, area: sample.area,
      ownerUserId: owner, status, taskId, createdBy: owner, createdAt, updatedAt: new Date(at), statusChangedAt: new Date(at), closedAt,
      emailFrom: source === "email" ? "purchasing@customer.example" : null, emailSentAt: source === "email" ? new Date(createdAt.getTime() - 2 * HOUR) : null,
      version: steps.length + 1,
    });
  }
  if (taskRows.length > 0) await tx.orm.insert(tasks).values(taskRows);
  await tx.orm.insert(feedbackItems).values(items);
  if (moves.length > 0) await tx.orm.insert(feedbackTransitions).values(moves);
}
