export {
  type BullOptions,
  type BullQueue,
  type BullWorkers,
  createBullQueue,
  redisConnection,
  startBullWorkers,
} from "./bullmq";
export * from "./definitions";
export { createInProcessQueue, type InProcessQueue } from "./in-process";
