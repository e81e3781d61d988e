import { ORG_ROLES, type OrgRole } from "@openkam/domain";
import { Command, Option } from "commander";
import { CliError } from "../cli-error";
import { findUserByEmail, insertUser, requireOrganization, upsertMembership } from "../identity.repository";
import { withDatabase } from "../open-database";
import { dataDirOption, examples, orgOption } from "../options";

interface UserCreateOptions {
  email: string;
  password?: string;
  name?: string;
  role: OrgRole;
  org: string;
  dataDir?: string;
}

const MIN_PASSWORD_LENGTH = 8;

export function userCommand(): Command {
  const user = new Command("user").description("manage users");
  user
    .command("create")
    .description("create a user in an organization; a user who exists already is added to it with the role (password unchanged)")
    .requiredOption("--email <email>", "sign-in e-mail")
    .option("--password <password>", `password, at least ${MIN_PASSWORD_LENGTH} characters (needed for a new user)`)
    .option("--name <name>", "display name (default: the part of the e-mail before @)")
    .addOption(new Option("--role <role>", "role in the organization").choices(ORG_ROLES).makeOptionMandatory())
    .addOption(orgOption())
    .addOption(dataDirOption())
    .addHelpText("after", examples(
      'openkam user create --email li.wei@example.com --password "a long secret" --role account_manager --org "Acme Industrial"',
      "openkam user create --email li.wei@example.com --role viewer --org \"Other Org\"   # an existing user joins another organization",
    ))
    .action(async (options: UserCreateOptions) => {
      const email = options.email.trim();
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new CliError(`"${email}" is not an e-mail address`);
      if (options.password !== undefined && options.password.length < MIN_PASSWORD_LENGTH) {
        throw new CliError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
      }
      // Hash before opening the database: argon2 is slow on purpose, and the data folder stays locked less long.
      const passwordHash = options.password === undefined ? undefined : await (await import("@openkam/server")).hashPassword(options.password);
      const message = await withDatabase(options, async (db) => {
        const org = await requireOrganization(db, options.org);
        return db.transaction(async (tx) => {
          const existing = await findUserByEmail(tx, email);
          if (existing) {
            const outcome = await upsertMembership(tx, org.id, existing.id, options.role);
            const note = passwordHash === undefined ? "" : " (the user existed: password unchanged)";
            return outcome === "added"
              ? `Added ${existing.email} to "${org.name}" as ${options.role}${note}`
              : `${existing.email} was already in "${org.name}"; role set to ${options.role}${note}`;
          }
          if (passwordHash === undefined) throw new CliError(`${email} is a new user: give a --password`);
          const created = await insertUser(tx, { email, name: options.name?.trim() || email.split("@")[0]!, passwordHash });
          await upsertMembership(tx, org.id, created.id, options.role);
          return `Created user ${email} (${created.id}) in "${org.name}" as ${options.role}`;
        });
      });
      console.log(message);
    });
  return user;
}
