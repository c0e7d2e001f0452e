// A choropleth's data: the current release's published district cells of one category.
import { getJson, type JsonOf } from "./http";
import type { operations, paths } from "./schema";

type ListReleases = operations["listReleases"];
type GetReleaseCells = operations["getReleaseCells"];
const RELEASES = "/v1/releases" satisfies keyof paths;
const CELLS = "/v1/releases/{release_id}/cells" satisfies keyof paths;

export interface DistrictValue {
  unit: string;
  value: number;
  rate: number | null;
}

export async function districtValues(base: string, category: string): Promise<DistrictValue[]> {
  const newest: NonNullable<ListReleases["parameters"]["query"]> = { limit: 1 };
  const releases = await getJson<JsonOf<ListReleases["responses"][200]>>(base, RELEASES, newest);
  const release = releases.releases[0];
  if (releases.numberMatched === 0 || release === undefined) return [];
  const query: NonNullable<GetReleaseCells["parameters"]["query"]> = {
    level: "district",
    category,
    suppressed: false,
    limit: 1000,
    offset: 0,
  };
  const page = await getJson<JsonOf<GetReleaseCells["responses"][200]>>(
    base,
    CELLS.replace("{release_id}", String(release.id)),
    query,
  );
  return page.cells.map((cell) => ({ unit: cell.unit_code, value: cell.value ?? 0, rate: cell.rate }));
}
