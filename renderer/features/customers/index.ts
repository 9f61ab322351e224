/**
 * The customers feature's public surface (tests/architecture.test.ts refuses imports into its
 * other files): the 新建客户 form the shell opens when the softphone asks for one (an unknown caller).
 */
export { CustomerForm } from './CustomerForm';
