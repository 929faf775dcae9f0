// The workflows, .ci/run and local runs must do the same steps in the same order: each calls
// scripts/ci.sh, and Node is pinned only in package.json (the `node` devDependency).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  steps: Step[];
  environment?: { name: string };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
}

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const runs = (job: Job) => job.steps.map((step) => step.run ?? step.uses ?? "");

describe("check.yml (pull requests)", () => {
  const check = workflow("check.yml");
  const job = check.jobs.check!;

  it("runs on pull requests, installs with npm ci, then the shared script, then keeps the site", () => {
    expect(Object.keys(check.on)).toEqual(["pull_request"]);
    const steps = runs(job);
    const install = steps.findIndex((s) => s.startsWith("npm ci"));
    const script = steps.indexOf("bash scripts/ci.sh");
    const upload = steps.findIndex((s) => s.startsWith("actions/upload-artifact@"));
    expect(install).toBeGreaterThan(0);
    expect(script).toBeGreaterThan(install);
    expect(upload).toBeGreaterThan(script);
  });
});

describe("publish.yml (pushes to main)", () => {
  const publish = workflow("publish.yml");
  const build = publish.jobs.build!;
  const deploy = publish.jobs.deploy!;

  it("runs on pushes to main that touch data or code, and by hand", () => {
    const push = publish.on.push as { branches: string[]; paths: string[] };
    expect(push.branches).toEqual(["main"]);
    for (const path of ["data/**", "pipeline/**", "site/**", "schemas/**", "package-lock.json"]) {
      expect(push.paths).toContain(path);
    }
    expect(publish.on).toHaveProperty("workflow_dispatch");
  });

  it("deploys one at a time, never cancelling a deploy under way", () => {
    expect(publish.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
    expect(publish.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  });

  it("deploys only after the build job, which validates, tests and builds first", () => {
    expect(deploy.needs).toBe("build");
    expect(deploy.environment?.name).toBe("github-pages");
    expect(runs(deploy)).toEqual(["actions/deploy-pages@v4"]);
    const steps = runs(build);
    const script = steps.indexOf("bash scripts/ci.sh");
    const upload = steps.findIndex((s) => s.startsWith("actions/upload-pages-artifact@"));
    expect(script).toBeGreaterThan(0);
    expect(upload).toBeGreaterThan(script);
    expect(build.steps[upload]!.with).toEqual({ path: "dist/" });
  });

  it("takes the base path from the repository name, and the site's address from its owner", () => {
    const step = build.steps.find((s) => s.run === "bash scripts/ci.sh")!;
    expect(step.env?.SITE_BASE).toBe("/${{ github.event.repository.name }}/");
    expect(step.env?.SITE_URL).toBe("https://${{ github.repository_owner }}.github.io");
  });
});

describe("one check sequence, one Node version", () => {
  it("runs validate, then npm test, then the build, with the build time from the commit", () => {
    const script = read("scripts/ci.sh");
    const order = ["npm run --silent validate", "npm test", "npm run build"].map((s) => script.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(script).toContain("git log -1 --format=%ct");
    expect(script).toContain("GITHUB_STEP_SUMMARY");
  });

  it("has .ci/run install dependencies and call the same script", () => {
    const run = read(".ci/run");
    expect(run.indexOf("npm ci")).toBeGreaterThan(0);
    expect(run.indexOf("bash scripts/ci.sh")).toBeGreaterThan(run.indexOf("npm ci"));
  });

  it("pins Node only in package.json, as the `node` devDependency", () => {
    const pkg = JSON.parse(read("package.json")) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.node).toMatch(/^\d+\.\d+\.\d+$/);
    for (const name of ["check.yml", "publish.yml"]) {
      const text = read(`.github/workflows/${name}`);
      expect(text).not.toMatch(/setup-node|node-version/);
    }
  });
});
