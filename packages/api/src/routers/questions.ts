export const questionsRoutes = {
  public: {},
  customer: {},
  signedIn: {},
  seller: {},
  admin: {},
};
