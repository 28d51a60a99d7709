-- Trigram matching for typo-tolerant product search; ships with PostgreSQL contrib and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
