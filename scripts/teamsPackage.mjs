// The Teams app package: assets/teams/manifest.json filled in for where dist/web is served, zipped
// with its two icons (Teams wants color.png 192×192 and outline.png 32×32) into dist/teams/.
import { zipSync } from "fflate";
import { mkdir, readFile, writeFile } from "node:fs/promises";

export async function packageTeams({ baseUrl, appId, version }) {
  const template = await readFile("assets/teams/manifest.json", "utf8");
  const manifest = template
    .replaceAll("{{BASE_URL}}", baseUrl)
    .replaceAll("{{APP_ID}}", appId)
    .replaceAll("{{VERSION}}", version)
    .replaceAll("{{VALID_DOMAIN}}", new URL(baseUrl).host);
  await mkdir("dist/teams", { recursive: true });
  await writeFile("dist/teams/manifest.json", manifest);
  const zip = zipSync({
    "manifest.json": new TextEncoder().encode(manifest),
    "color.png": await readFile("assets/icons/icon-192.png"),
    "outline.png": await readFile("assets/icons/outline-32.png"),
  });
  await writeFile("dist/teams/iro-desk-teams.zip", zip);
}
