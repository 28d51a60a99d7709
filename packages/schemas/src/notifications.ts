// The in-app inbox and notification preferences (issue #15): `notifications.*`.
export {};
