export const reportsRoutes = {
  public: {},
  customer: {},
  signedIn: {},
  seller: {},
  admin: {},
};
