/** The signed-in user's in-app inbox and preferences, mounted at `notifications`. */
export const notificationsRoutes = {
  signedIn: {},
  public: {},
};
