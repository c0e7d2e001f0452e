# socmap — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := 3.11
PYTHON := $(shell command -v python3.11 2>/dev/null || command -v python3)
# uv is pip-installed into that Python by `make setup`, so `python -m uv` always finds it.
RUN := $(PYTHON) -m uv run --frozen

.PHONY: help setup db-up db-down db-reset migrate migrate-check demo run test lint fmt bench bench-national clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  \033[1m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

setup: ## Install uv (pinned) when missing, the Python workspace from uv.lock, the npm parts
	@bash scripts/setup.sh $(UV_VERSION)
	@bash scripts/frontend-setup.sh

db-up: ## Install PostgreSQL 15 + PostGIS 3 if needed, start the project-local cluster
	@bash scripts/db.sh up

db-down: ## Stop the project-local cluster
	@bash scripts/db.sh down

db-reset: ## Delete and recreate the project-local cluster
	@bash scripts/db.sh reset

migrate: setup db-up ## Apply the Alembic history to the database (development keys unless SOCMAP_ENV is set)
	@SOCMAP_ENV=$${SOCMAP_ENV:-development} $(RUN) socmap migrate

migrate-check: migrate ## No drift between models and migrations
	@cd shared && $(RUN) alembic -c alembic.ini check

demo: migrate ## Load the demo data (idempotent)
	@$(RUN) socmap geo demo

run: migrate ## Set up, start PostGIS and the four services, print their URLs
	@# The geography and the catalogue are independent: loaded side by side.
	@$(RUN) socmap geo demo & geo=$$!; $(RUN) socmap-catalog seed; seed=$$?; \
	  wait $$geo && [ $$seed = 0 ]
	@$(RUN) python scripts/run_services.py --demo

test: setup db-up ## Set up and run every test against a real PostGIS
	@$(RUN) pytest -q

lint: setup ## ruff + mypy (strict on shared/ and services/)
	@$(RUN) ruff check .
	@$(RUN) ruff format --check .
	@$(RUN) mypy shared/shared services/ingest/ingest services/anonymizer/anonymizer services/catalog/catalog services/map-tiles/map_tiles

fmt: setup ## Format and fix what ruff can
	@$(RUN) ruff format .
	@$(RUN) ruff check --fix .

bench: migrate ## Run every benchmark under bench/ but bench-national (prints tables of ratios)
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  echo "bench: installing wrk (the load generator) from the OS packages" && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; } || \
	  echo "bench: wrk is missing (apt-get install wrk); the HTTP benchmarks use an asyncio client instead"
	@for b in bench/*/run.py; do [ "$$b" = bench/national/run.py ] && continue; echo "== $$b"; $(RUN) python $$b || exit 1; done

bench-national: migrate ## The national-scale anonymizer benchmark (long; NATIONAL_ARGS="--records 200000")
	@$(RUN) python bench/national/run.py $(NATIONAL_ARGS)

clean: ## Remove caches (keeps the database)
	rm -rf .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
