import { afterEach, describe, expect, it, vi } from "vitest";
import { type Scheduler, startScheduler } from "./scheduler";

let scheduler: Scheduler | null = null;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
  vi.restoreAllMocks();
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds (a busy machine makes timers late), failing after five seconds. */
async function until(done: () => boolean) {
  const giveUp = Date.now() + 5_000;
  while (!done()) {
    if (Date.now() > giveUp) throw new Error("waited five seconds in vain");
    await wait(5);
  }
}

describe("the scheduler", () => {
  it("runs a job at once and then every interval, one round at a time", async () => {
    scheduler = startScheduler();
    let running = 0;
    let most = 0;
    let rounds = 0;
    scheduler.every("slow", 10, async () => {
      running += 1;
      most = Math.max(most, running);
      await wait(30);
      running -= 1;
      rounds += 1;
    });
    await until(() => rounds >= 3);
    expect(most).toBe(1);
  });

  it("logs a failing round and runs the job again next time", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    scheduler = startScheduler();
    let rounds = 0;
    scheduler.every("flaky", 10, async () => {
      rounds += 1;
      if (rounds === 1) throw new Error("database unreachable");
    });
    await until(() => rounds >= 2);
    const line = JSON.parse(String(errors.mock.calls[0]?.[0]));
    expect(line).toMatchObject({
      level: "error",
      event: "scheduled-job",
      job: "flaky",
      message: "database unreachable",
    });
  });

  it("stops: waits for the round under way and runs no more", async () => {
    scheduler = startScheduler();
    let rounds = 0;
    let finished = false;
    scheduler.every("job", 5, async () => {
      rounds += 1;
      await wait(40);
      finished = true;
    });
    await until(() => rounds === 1);
    await scheduler.stop();
    expect(finished).toBe(true);
    const after = rounds;
    await wait(50);
    expect(rounds).toBe(after);
  });

  it("shares itself between jobs, each under its own name", async () => {
    scheduler = startScheduler();
    const ran: string[] = [];
    scheduler.every("reminders", 60_000, async () => void ran.push("reminders"));
    scheduler.every("retention", 60_000, async () => void ran.push("retention"));
    expect(() => scheduler!.every("reminders", 1000, async () => {})).toThrow(/already scheduled/);
    await until(() => ran.length === 2);
    await scheduler.runNow("retention");
    expect(ran.sort()).toEqual(["reminders", "retention", "retention"]);
  });
});
