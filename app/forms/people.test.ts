import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { InviteSchema, rolesAppointableBy } from "./people";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return parseWithZod(data, { schema: InviteSchema });
}

describe("the invitation form", () => {
  it("needs a real email address and a role, each with a sentence about the field", () => {
    const result = form({ name: "Priya Shah", email: "priya.shah@", role: "boss" });
    expect(result.status).toBe("error");
    expect(result.reply().error).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
      role: ["Select the person's role in this cohort"],
    });
  });

  it("asks for every missing field at once", () => {
    const result = form({});
    expect(result.reply().error).toEqual({
      name: ["Enter the person's full name"],
      email: ["Enter the person's email address"],
      role: ["Select the person's role in this cohort"],
    });
  });

  it("turns empty optional fields into nulls", () => {
    const result = form({
      name: "Priya Shah",
      email: "priya.shah@hmrc.example",
      role: "participant",
      organisationId: "",
      jobTitle: "",
    });
    expect(result.status === "success" && result.value).toMatchObject({
      organisationId: null,
      jobTitle: null,
      profession: null,
    });
  });
});

describe("who may appoint whom", () => {
  it("keeps coordinators for system administrators", () => {
    expect(rolesAppointableBy({ isAdmin: true })).toContain("coordinator");
    expect(rolesAppointableBy({ isAdmin: false })).toEqual(["participant", "mentor", "leader", "sponsor"]);
  });
});
