// An institution's dashboard: its batches and the rows they rejected.
import { getJson, type JsonOf } from "./http";
import type { operations, paths } from "./schema";

type ListBatches = operations["listBatches"];
type GetBatch = operations["getBatch"];
const BATCHES = "/v1/batches" satisfies keyof paths;
const BATCH = "/v1/batches/{batch_id}" satisfies keyof paths;

export async function rejectedRows(base: string, key: string): Promise<Map<string, string[]>> {
  const query: NonNullable<ListBatches["parameters"]["query"]> = { limit: 50, offset: 0 };
  const page = await getJson<JsonOf<ListBatches["responses"][200]>>(base, BATCHES, query, key);
  const rejected = new Map<string, string[]>();
  for (const batch of page.batches.slice(0, page.numberReturned)) {
    if (batch.rejected === 0) continue;
    const id: GetBatch["parameters"]["path"]["batch_id"] = batch.id;
    const report = await getJson<JsonOf<GetBatch["responses"][200]>>(
      base,
      BATCH.replace("{batch_id}", id),
      {},
      key,
    );
    rejected.set(id, report.errors.map((error) => `${error.row}: ${error.field} ${error.code}`));
  }
  return rejected;
}
