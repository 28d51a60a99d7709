export const returnsRoutes = {
  public: {},
  customer: {},
  signedIn: {},
  seller: {},
  admin: {},
};
