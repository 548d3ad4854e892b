-- Search across characters by mail subject (docs/search.md): ILIKE '%text%' through a
-- trigram index. pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may
-- create it; the embedded PGlite is opened with it (src/server/db/embedded.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "CharacterMail_subject_idx" ON "CharacterMail" USING GIN ("subject" gin_trgm_ops);
