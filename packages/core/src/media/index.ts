export { type CloudinaryOptions, createCloudinaryMediaStore } from "./cloudinary-store";
export { type DeleteMediaResult, deleteMedia } from "./delete-media";
export { scheduleMediaDeletion } from "./schedule-media-deletion";
export { createLocalMediaStore } from "./store";
export { type UploadMediaInput, uploadMedia } from "./upload-media";
