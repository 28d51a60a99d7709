export { listUsers } from "./list-users";
export { setUserStatus } from "./set-user-status";
