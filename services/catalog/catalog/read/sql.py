"""The read side's SQL, as literal statements (``:name`` placeholders, ``shared.db.raw``); the
search statement's parts are in ``read/search.py`` and ``read/broad_words.py``.

A record reads as its output schema (``PracticeOut`` / ``ProviderOut``), field by field and in
the same order, straight from the database: JSON documents as text, the point as
``[lon, lat]`` (JSON text would lose the type of 19.0), a provider's as the row
``(lon, lat, approximate, source)``. ``records.item`` turns a row into the
record; ``tests/test_search_window.py`` checks a list item reads exactly as the record."""

from __future__ import annotations

TABLES = {"practice": "catalog.practice", "provider": "catalog.provider"}

POINT = "CASE WHEN r.geom IS NULL THEN NULL ELSE ARRAY[ST_X(r.geom), ST_Y(r.geom)] END"
# A provider's point with how it was placed: a row (lon, lat, approximate, source).
PROVIDER_POINT = (
    "CASE WHEN r.geom IS NULL THEN NULL "
    "ELSE ROW(ST_X(r.geom), ST_Y(r.geom), r.point_approximate, r.point_source) END"
)

PRACTICE_COLUMNS = f"""r.id, r.slug, r.status, r.title, r.summary, r.description,
r.problem_addressed, r.method, r.results, r.evidence_level, r.lifecycle_status,
r.target_groups, r.service_areas, r.categories, r.resources_and_costs, r.cost_amount_pln,
r.funding_sources, r.implementer_name, r.implementer_provider_id, r.implementer_type,
r.partners::text AS partners, r.country, r.place, r.area_tercs, r.voivodeship,
{POINT} AS location, r.start_year, r.end_year, r.transferability, r.sustainability,
r.lessons_learned, r.contact::text AS contact, r.links::text AS links, r.source,
r.source_document, r.license, r.published_at, r.updated_at"""

# A provider's services as JSON text: the fields of ServiceOut, ordered by name.
SERVICES_JSON = """(SELECT coalesce(json_agg(json_build_object(
    'id', s.id, 'name', s.name, 'description', s.description, 'status', s.status,
    'url', s.url, 'email', s.email, 'eligibility_description', s.eligibility_description,
    'application_process', s.application_process, 'fees_description', s.fees_description,
    'minimum_age', s.minimum_age, 'maximum_age', s.maximum_age,
    'service_areas', s.service_areas, 'target_groups', s.target_groups,
    'area_tercs', s.area_tercs) ORDER BY s.name, s.id), '[]'::json)::text
  FROM catalog.service AS s WHERE s.provider_id = r.id)"""

PROVIDER_COLUMNS = f"""r.id, r.slug, r.status, r.name, r.alternate_name, r.description,
r.provider_type, r.legal_status, r.email, r.website, r.krs, r.regon, r.nip, r.terc,
r.voivodeship, r.area_tercs, r.address_1, r.postal_code, r.city,
{PROVIDER_POINT} AS location,
r.phones::text AS phones, r.schedules::text AS schedules, r.service_areas, r.target_groups,
{SERVICES_JSON} AS services, r.assured_date, r.source, r.published_at, r.updated_at"""

# The fields of a record up to ``updated_at``; ``distance_m``, ``score`` and ``metadata``
# follow in each statement.
RECORD_COLUMNS = {"practice": PRACTICE_COLUMNS, "provider": PROVIDER_COLUMNS}
# The fields that arrive as JSON text.
JSON_FIELDS = {
    "practice": frozenset({"partners", "contact", "links"}),
    "provider": frozenset({"phones", "schedules", "services"}),
}

# One record by id or slug (the other NULL), in the given statuses.
PRACTICE_BY_REF = f"""SELECT {PRACTICE_COLUMNS},
  NULL::float8 AS distance_m, NULL::float8 AS score, NULL AS metadata
FROM catalog.practice AS r
WHERE (r.id = :id::uuid OR r.slug = :slug::varchar) AND r.status = ANY (:statuses::text[])"""

PROVIDER_BY_REF = f"""SELECT {PROVIDER_COLUMNS},
  NULL::float8 AS distance_m, NULL::float8 AS score, NULL AS metadata
FROM catalog.provider AS r
WHERE (r.id = :id::uuid OR r.slug = :slug::varchar) AND r.status = ANY (:statuses::text[])"""

RECORD_BY_REF = {"practice": PRACTICE_BY_REF, "provider": PROVIDER_BY_REF}

# Published providers by id (HSDA services and service_at_locations name their organization).
PROVIDERS_BY_ID = f"""SELECT {PROVIDER_COLUMNS},
  NULL::float8 AS distance_m, NULL::float8 AS score, NULL AS metadata
FROM catalog.provider AS r
WHERE r.id = ANY (:ids::uuid[]) AND r.status = 'published'"""

# Published practices sharing the most service areas (x2), target groups and categories.
RELATED_PRACTICES = f"""SELECT {PRACTICE_COLUMNS},
  NULL::float8 AS distance_m, related.score AS score, NULL AS metadata
FROM (
  SELECT r.id, r.published_at, (
      2 * (SELECT count(*) FROM unnest(:service_areas::text[]) AS code
           WHERE code = ANY (r.service_areas))
      + (SELECT count(*) FROM unnest(:target_groups::text[]) AS code
         WHERE code = ANY (r.target_groups))
      + (SELECT count(*) FROM unnest(:categories::text[]) AS code
         WHERE code = ANY (r.categories)))::float8 AS score
  FROM catalog.practice AS r
  WHERE r.status = 'published' AND r.id <> :id::uuid AND r.search_tokens && :tokens::text[]
  ORDER BY score DESC, r.published_at DESC, r.id
  LIMIT :limit::integer
) AS related
JOIN catalog.practice AS r ON r.id = related.id
ORDER BY related.score DESC, related.published_at DESC, related.id"""

# Change-log entries of records, oldest first.
CHANGES = """SELECT c.id, c.resource_id, c.resource_type, c.changed_at AS last_action_date,
  c.action AS last_action_type, c.field_name, coalesce(c.previous_value, '') AS previous_value,
  coalesce(c.replacement_value, '') AS replacement_value, c.updated_by
FROM catalog.change_log AS c
WHERE c.resource_type = :resource_type::varchar AND c.resource_id = ANY (:ids::uuid[])
ORDER BY c.changed_at, c.field_name, c.id"""

# Every taxonomy as (taxonomy, code, label_pl, label_en) in its natural order.
TAXONOMIES = """SELECT terms.taxonomy, terms.code, terms.label_pl, terms.label_en FROM (
  SELECT 1 AS part, position::bigint AS rank, 'service_areas' AS taxonomy, code, label_pl,
    label_en FROM ref.service_area
  UNION ALL SELECT 2, position::bigint, 'target_groups', code, label_pl, label_en
    FROM catalog.target_group
  UNION ALL SELECT 3, row_number() OVER (ORDER BY code), 'categories', code, label_pl, label_en
    FROM ref.category
  UNION ALL SELECT 4, row_number() OVER (ORDER BY code), 'provider_types', code, label_pl,
    label_en FROM ref.provider_type
) AS terms ORDER BY terms.part, terms.rank"""

# Names of territorial units by code.
UNIT_NAMES = """SELECT u.code, u.name FROM geo.territorial_unit AS u
WHERE u.code = ANY (:codes::text[])"""

# Newest published practices (optionally of one voivodeship), for the Atom feed.
FEED_PRACTICES = """SELECT r.id, r.slug, r.title, r.summary, r.service_areas, r.published_at,
  r.updated_at
FROM catalog.practice AS r
WHERE r.status = 'published'
  AND (:voivodeship::varchar IS NULL OR r.voivodeship = :voivodeship::varchar)
ORDER BY r.published_at DESC, r.id
LIMIT :limit::integer"""

# Services of published providers (HSDA /services, /service_at_locations), a page of them and
# the count of all (one row of NULLs and the count when the page is empty). Every filter is
# optional: NULL (or an empty list) leaves it out.
PUBLISHED_SERVICES = """WITH matching AS (
  SELECT s.id, s.provider_id, s.name, s.description, s.status, s.url, s.email,
    s.eligibility_description, s.application_process, s.fees_description, s.minimum_age,
    s.maximum_age, s.service_areas, s.target_groups, s.area_tercs, s.updated_at
  FROM catalog.service AS s JOIN catalog.provider AS p ON p.id = s.provider_id
  WHERE p.status = 'published'
    AND (:service_id::uuid IS NULL OR s.id = :service_id::uuid)
    AND (:organization_id::uuid IS NULL OR s.provider_id = :organization_id::uuid)
    AND (cardinality(:service_areas::text[]) = 0 OR s.service_areas && :service_areas::text[])
    AND (cardinality(:target_groups::text[]) = 0 OR s.target_groups && :target_groups::text[])
    AND (:modified_after::timestamptz IS NULL OR p.updated_at > :modified_after::timestamptz)
    AND (:search::text IS NULL OR strpos(
      catalog.unaccent_lower(s.name || ' ' || coalesce(s.description, '') || ' ' || p.name),
      catalog.unaccent_lower(:search::text)) > 0)
)
SELECT (SELECT count(*) FROM matching) AS total, page.*
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
  SELECT * FROM matching ORDER BY matching.name, matching.id
  LIMIT :limit::integer OFFSET :offset::integer
) AS page ON true"""
