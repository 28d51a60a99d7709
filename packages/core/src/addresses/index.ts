export { createAddress, listAddresses, removeAddress, setDefaultAddress, updateAddress } from "./addresses";
