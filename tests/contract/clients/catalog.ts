// A ROPS website's search box: practices matching a text, counted and titled.
import { getJson, type JsonOf } from "./http";
import type { operations, paths } from "./schema";

type ListPractices = operations["listPractices"];
const PRACTICES = "/v1/practices" satisfies keyof paths;

export async function searchPractices(
  base: string,
  text: string,
): Promise<{ total: number; titles: string[] }> {
  const query: NonNullable<ListPractices["parameters"]["query"]> = { q: text, limit: 20, offset: 0 };
  const page = await getJson<JsonOf<ListPractices["responses"][200]>>(base, PRACTICES, query);
  const total: number = page.numberMatched;
  return { total, titles: page.practices.map((practice) => practice.title) };
}
