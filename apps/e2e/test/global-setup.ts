import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildWebApps, WEB_APPS } from "./harness";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run's production builds of the web apps are: built once, served by every file. */
    webBuildDir: string;
  }
}

/**
 * Building the three apps takes longer than most browser tests run; every file used to
 * build its own. The builds do not depend on ports (the static server forwards the API's
 * paths), so one build per run serves every file.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), "bazaar-e2e-web-"));
  await buildWebApps(WEB_APPS, dir);
  project.provide("webBuildDir", dir);
  return () => rm(dir, { recursive: true, force: true });
}
