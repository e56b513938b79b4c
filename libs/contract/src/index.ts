/** The HTTP contract's types, generated from the API's OpenAPI document (config/bin/contract.sh). */
export type { components, operations, paths } from './openapi';
