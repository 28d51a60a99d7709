export { RequireRole, SignIn, WrongRole, wrongRoleMessage } from "./auth";
export {
  CategorySelect,
  type FlatCategory,
  flattenCategories,
  Price,
  ProductStatusTags,
  productStatusLabel,
  RevisionCompare,
} from "./catalog";
export { Dialog } from "./dialog";
export {
  Alert,
  Button,
  ErrorAlert,
  Field,
  Form,
  SelectField,
  TextAreaField,
  TextField,
  useCountdown,
  waitText,
} from "./form";
export { AppShell, Card, Loading, LoadMore, type NavItem, Page } from "./layout";
export { discountPercent, formatPaise, type ParsedRupees, paiseToRupeesText, parseRupees } from "./money";
