-- Trigram similarity for Chinese text search (matters, names). PGlite ships it in contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
