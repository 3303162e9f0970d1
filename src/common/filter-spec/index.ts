export { FilterSpecError, PaginationError } from './filter-spec.errors.js';
export {
  MAX_EXPRESSIONS,
  MAX_ORDER_BY,
  MAX_STRING_LENGTH,
  MAX_SUB_EXPRESSIONS,
  MAX_TOTAL_EXPRESSIONS,
  parseFilterSpec,
  type AndExpr,
  type CompareExpr,
  type CompareOperator,
  type ContainsExpr,
  type ExactExpr,
  type Expr,
  type FieldExpr,
  type FilterSpec,
  type IsNullExpr,
  type OrderBy,
  type OrExpr,
} from './filter-spec.schema.js';
export {
  MAX_FIELD_PATH_DEPTH,
  applyFilterSpec,
  type FilterField,
  type FilterFieldType,
  type FilterRelation,
  type FilterResource,
} from './filter-spec.compiler.js';
export {
  MAX_PAGE_LIMIT,
  applyPage,
  linkHeader,
  nextPageLink,
  pageRows,
  parsePageRequest,
  type PageRequest,
} from './pagination.js';
