import { launchChromium } from "/work/wt/api/client/test/helpers/browser.ts";
import { startTestApp } from "/work/wt/api/server/test/helpers/app.ts";
import { testDatabase } from "/work/wt/api/server/test/helpers/graph.ts";

const db = await testDatabase();
const app = await startTestApp(db);
const b = await launchChromium();
const p = await b.newPage();
p.on("console", (m) => console.log("console:", m.text().slice(0, 300)));
p.on("pageerror", (e) => console.log("pageerror:", e.message));
p.on("response", (r) => {
  if (r.status() >= 400) console.log("resp", r.status(), r.url());
});
await p.goto(app.url);
await p.waitForTimeout(15000);
console.log(await p.evaluate(() => document.querySelector("#app")?.className));
await b.close();
await app.stop();
await db.close();
