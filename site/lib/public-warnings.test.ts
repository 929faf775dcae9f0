import { describe, expect, it } from "vitest";
import { publicWarning } from "./public-warnings.ts";

describe("public wording of a validation warning", () => {
  it("names the unit, and leaves out the editor's fix", () => {
    expect(
      publicWarning({
        message_vi:
          "11209 (Xã Kiến Quốc) có 55 phiếu người dân, ít hơn chỉ tiêu 60 phiếu. Cách sửa: Không bắt buộc sửa; " +
          "trang công khai sẽ ghi chú số phiếu thiếu.",
      }),
    ).toBe("Xã Kiến Quốc có 55 phiếu người dân, ít hơn chỉ tiêu 60 phiếu.");
  });

  it("keeps a message without a code or a fix as it is", () => {
    expect(publicWarning({ message_vi: "Thiếu ghi chú thẩm định." })).toBe("Thiếu ghi chú thẩm định.");
  });
});
