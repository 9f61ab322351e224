/**
 * customers.primary_model is the model of the customer's first vehicle, kept by the triggers of
 * migration 0006 (names start with this prefix) so lists can group and filter by model on an index.
 * A bulk load that turns them off (the demo seeder) must write the column itself.
 */
export const PRIMARY_MODEL_TRIGGER_PREFIX = 'customers_primary_model_';
