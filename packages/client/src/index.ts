export {
  type AuthState,
  type AuthStatus,
  type AuthStore,
  createAuthStore,
  type Refresher,
} from "./auth-store";
export {
  type BazaarClient,
  type BazaarClientOptions,
  createBazaarClient,
  createBazaarSession,
  isUnauthorizedError,
} from "./create-client";
export { type FormError, formAlertMessage, toFormError, useFormError } from "./form-error";
export { HttpApiError } from "./http-error";
export { type UseInboxUpdatesOptions, useInboxUpdates } from "./inbox-updates";
export {
  attachmentFilename,
  type FetchInvoiceOptions,
  fetchFile,
  fetchInvoice,
  type InvoiceFile,
  useFetchFile,
  useFetchInvoice,
} from "./invoice";
export { type UseOrderUpdatesOptions, useOrderUpdates } from "./order-updates";
export {
  BazaarProvider,
  type BazaarProviderProps,
  createQueryClient,
  type UseAuth,
  useAuth,
  useAuthStore,
  useTRPC,
  useTRPCClient,
} from "./provider";
export { MediaUploadError, type UploadMediaOptions, uploadMedia, useUploadMedia } from "./upload-media";
export {
  type InboxSide,
  useConversations,
  useInboxLive,
  useMessageUnreadCount,
  useThread,
} from "./use-inbox";
export { MB, type PendingUpload, screenFiles, useMediaUploads } from "./use-media-uploads";
export { useNotificationBell, useNotificationInbox, useNotificationPreferences } from "./use-notifications";
