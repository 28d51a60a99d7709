export { RequireRole, SignIn, WrongRole, wrongRoleMessage } from "./auth";
export {
  Alert,
  Button,
  ErrorAlert,
  Field,
  Form,
  SelectField,
  TextField,
  useCountdown,
  waitText,
} from "./form";
export { AppShell, Card, Loading, type NavItem, Page } from "./layout";
