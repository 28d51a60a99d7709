export { RequireRole, SignIn, WrongRole, wrongRoleMessage } from "./auth";
export { Alert, Button, ErrorAlert, Field, Form, SelectField, TextField, useCountdown } from "./form";
export { AppShell, Card, Loading, type NavItem, Page } from "./layout";
