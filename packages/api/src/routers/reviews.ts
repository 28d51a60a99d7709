export const reviewsRoutes = {
  public: {},
  customer: {},
  signedIn: {},
  seller: {},
  admin: {},
};
