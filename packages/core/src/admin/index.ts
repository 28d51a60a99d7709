export { listUsers, setUserStatus } from "./users";
