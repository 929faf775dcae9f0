import { describe, expect, it } from "vitest";
import { formatDateTimeVi, formatDateVi } from "./dates.ts";

describe("Vietnamese dates", () => {
  it("writes a calendar date as dd/mm/yyyy without shifting it by a time zone", () => {
    expect(formatDateVi("2022-12-15")).toBe("15/12/2022");
  });

  it("shows an instant in Vietnam's time (UTC+7): 20:30 UTC is 03:30 the next day", () => {
    expect(formatDateVi("2024-02-02T20:30:00Z")).toBe("03/02/2024");
    expect(formatDateTimeVi("2024-02-02T20:30:00Z")).toBe("03:30 ngày 03/02/2024");
  });
});
