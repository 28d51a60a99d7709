export { createAddress } from "./create-address";
export { listAddresses } from "./list-addresses";
export { removeAddress } from "./remove-address";
export { setDefaultAddress } from "./set-default-address";
export { updateAddress } from "./update-address";
