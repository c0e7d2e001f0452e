# socmap anonymizer — build from the repository root:
#   docker build -f deploy/anonymizer.Dockerfile -t socmap/anonymizer .
FROM python:3.11-slim-bookworm AS build
ENV UV_PYTHON_DOWNLOADS=never UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY shared shared
COPY services services
RUN uv sync --frozen --no-dev --package socmap-anonymizer

FROM python:3.11-slim-bookworm
RUN useradd --system --uid 10001 --home /app socmap
WORKDIR /app
COPY --from=build --chown=socmap:socmap /app /app
COPY --chown=socmap:socmap data data
ENV PATH=/app/.venv/bin:$PATH SOCMAP_DATA_DIR=/app/data SOCMAP_ENV=production
USER socmap
EXPOSE 8002
CMD ["uvicorn", "anonymizer.app:create_app", "--factory", "--host", "0.0.0.0", "--port", "8002", "--proxy-headers", "--no-access-log"]
