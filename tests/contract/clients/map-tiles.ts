// A map layer: every feature of a collection, page by page.
import { getJson, type JsonOf } from "./http";
import type { operations, paths } from "./schema";

type GetItems = operations["getItems"];
type Items = JsonOf<GetItems["responses"][200]>;
const ITEMS = "/v1/collections/{collection_id}/items" satisfies keyof paths;

export async function allFeatures(
  base: string,
  collection: GetItems["parameters"]["path"]["collection_id"],
): Promise<Items["features"]> {
  const features: Items["features"] = [];
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const query: NonNullable<GetItems["parameters"]["query"]> = { limit, offset };
    const page = await getJson<Items>(base, ITEMS.replace("{collection_id}", collection), query);
    features.push(...page.features);
    if (offset + page.numberReturned >= page.numberMatched) return features;
  }
}
