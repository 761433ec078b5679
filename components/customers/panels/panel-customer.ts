/** What every panel of the customer page needs to know about the customer (the page has it already). */
export interface PanelCustomer {
  /** The surviving profile's id. */
  id: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
}
