import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nameKey, sameNameForm } from "../../src/model/name-key.ts";

describe("the transliteration key of a name", () => {
  it("gives one key to an Arabic name and its Latin spellings", () => {
    const kh = ["Kataib Hezbollah", "Kata'ib Hizballah", "Kataeb Hizbullah", "كتائب حزب الله", "كتائب حزب اللّه"];
    assert.deepEqual(new Set(kh.map(nameKey)), new Set(["ktbhzbl"]));
    assert.equal(nameKey("Ali al-Shammari"), nameKey("علي الشمري"));
    assert.equal(nameKey("Ain al-Asad"), nameKey("عين الأسد"));
    assert.equal(nameKey("Ain al Asad"), nameKey("Ain el-Asad"));
    assert.equal(nameKey("Asa'ib Ahl al-Haq"), nameKey("عصائب أهل الحق"));
    assert.equal(nameKey("Mohammed Shia al-Sudani"), nameKey("محمد شياع السوداني"));
  });

  it("keeps strangers who share a family name apart", () => {
    assert.notEqual(nameKey("Ali al-Shammari"), nameKey("Abdul Amir al-Shammari"));
    assert.notEqual(nameKey("Iraq"), nameKey("Iran"));
  });

  it("folds only case, diacritics, apostrophes and articles for the very same name", () => {
    assert.equal(sameNameForm("Zarqan  Militia"), sameNameForm("zarqan militia"));
    assert.equal(sameNameForm("Kata’ib Hizballah"), sameNameForm("Kataib hizballah"));
    assert.notEqual(sameNameForm("Kataib Hezbollah"), sameNameForm("Kataib Hizballah"));
  });
});
