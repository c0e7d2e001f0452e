# PostGIS 15-3 with the Polish Hunspell dictionary the catalog's full-text search needs.
#   docker build -f deploy/postgis.Dockerfile -t socmap/postgis:15-3 .
FROM postgis/postgis:15-3.4
RUN apt-get update \
 && apt-get install -y --no-install-recommends hunspell-pl \
 && rm -rf /var/lib/apt/lists/*
COPY scripts/install-polish-dictionary.sh /usr/local/bin/
RUN install-polish-dictionary.sh "/usr/share/postgresql/${PG_MAJOR}/tsearch_data"
