/**
 * SQL text of a customer's primary phone (normalised: 86 + national number): the primary one, else
 * the first entered. Every list and form shows it through formatPhone (138 0013 8000), so a number
 * looks the same everywhere whatever was typed. `customerIdExpr` is constant SQL from code.
 */
export function primaryPhoneExpr(customerIdExpr: string): string {
  return `(select p.normalized from customer_phones p where p.customer_id = ${customerIdExpr} order by p.is_primary desc, p.id limit 1)`;
}
