/** Relationships follow their contact's account: who may write the account's contacts may record who knows them. */
export { assertCanWrite } from "../accounts/accounts.policy";
