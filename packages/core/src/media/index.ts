export { type CloudinaryOptions, createCloudinaryMediaStore } from "./cloudinary-store";
export { type DeleteMediaResult, deleteMedia, scheduleMediaDeletion } from "./delete-media";
export { createLocalMediaStore, type MediaStore, type StoredMedia } from "./store";
export { type UploadMediaInput, uploadMedia } from "./upload-media";
