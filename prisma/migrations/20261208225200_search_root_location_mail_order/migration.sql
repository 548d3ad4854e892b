-- Search across characters at full size (docs/search.md, "Speed").
--
-- 1. Each asset row's root location: the location of the top-level item it sits under
--    (its own for a top-level item; a parent that is not stored makes the row top-level,
--    as in the assets tab). The item search reads it instead of walking each hit's parents.
--    Triggers keep it true for every writer (the assets section's chunks, moves and
--    deletions, seeds, tests): a row takes its parent's root when written, a changed root
--    is handed down to the children (and theirs, trigger by trigger), children inserted
--    before their parent are fixed when the parent arrives, and the children of a deleted
--    row become top-level.
--    The (typeId, characterId) index becomes (typeId, characterId, rootLocationId, quantity):
--    the search reads a type's stacks from the index alone.
-- 2. Mails newest first across characters: (timestamp, characterId, mailId), the search's
--    sort key, so a common subject word is read newest first and stops at the page.

-- AlterTable
ALTER TABLE "CharacterAsset" ADD COLUMN "rootLocationId" BIGINT;

-- Backfill: from each top-level row (no parent, or a parent not stored) down the tree.
WITH RECURSIVE tree AS (
  SELECT a."characterId", a."itemId", a."locationId" AS root
  FROM "CharacterAsset" a
  WHERE a."parentItemId" IS NULL
     OR NOT EXISTS (SELECT 1 FROM "CharacterAsset" p WHERE p."characterId" = a."characterId" AND p."itemId" = a."parentItemId")
  UNION ALL
  SELECT c."characterId", c."itemId", t.root
  FROM tree t JOIN "CharacterAsset" c ON c."characterId" = t."characterId" AND c."parentItemId" = t."itemId"
  WHERE c."itemId" <> t."itemId"
)
UPDATE "CharacterAsset" a SET "rootLocationId" = t.root
FROM tree t WHERE a."characterId" = t."characterId" AND a."itemId" = t."itemId";

-- A written row's root: its parent's, or its own location when it has no stored parent.
CREATE FUNCTION "character_asset_root_location"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."rootLocationId" := NEW."locationId";
  IF NEW."parentItemId" IS NOT NULL AND NEW."parentItemId" <> NEW."itemId" THEN
    SELECT COALESCE(p."rootLocationId", p."locationId") INTO NEW."rootLocationId"
    FROM "CharacterAsset" p WHERE p."characterId" = NEW."characterId" AND p."itemId" = NEW."parentItemId";
    IF NOT FOUND THEN NEW."rootLocationId" := NEW."locationId"; END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "character_asset_root_location" BEFORE INSERT OR UPDATE ON "CharacterAsset"
  FOR EACH ROW EXECUTE FUNCTION "character_asset_root_location"();

-- A changed root goes down to the children (their own trigger takes it further down).
CREATE FUNCTION "character_asset_root_down"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CharacterAsset" c SET "rootLocationId" = NEW."rootLocationId"
  WHERE c."characterId" = NEW."characterId" AND c."parentItemId" = NEW."itemId" AND c."itemId" <> NEW."itemId"
    AND c."rootLocationId" IS DISTINCT FROM NEW."rootLocationId";
  RETURN NULL;
END $$;

CREATE TRIGGER "character_asset_root_down" AFTER UPDATE ON "CharacterAsset"
  FOR EACH ROW WHEN (OLD."rootLocationId" IS DISTINCT FROM NEW."rootLocationId")
  EXECUTE FUNCTION "character_asset_root_down"();

-- Children written before their parent (one statement's rows in any order) take its root
-- once it is there; children of deleted rows become top-level (their trigger recomputes).
CREATE FUNCTION "character_asset_root_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CharacterAsset" c SET "rootLocationId" = n."rootLocationId"
  FROM inserted n
  WHERE c."characterId" = n."characterId" AND c."parentItemId" = n."itemId" AND c."itemId" <> n."itemId"
    AND c."rootLocationId" IS DISTINCT FROM n."rootLocationId";
  RETURN NULL;
END $$;

CREATE TRIGGER "character_asset_root_inserted" AFTER INSERT ON "CharacterAsset"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "character_asset_root_inserted"();

CREATE FUNCTION "character_asset_root_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CharacterAsset" c SET "rootLocationId" = c."locationId"
  FROM deleted d
  WHERE c."characterId" = d."characterId" AND c."parentItemId" = d."itemId";
  RETURN NULL;
END $$;

CREATE TRIGGER "character_asset_root_deleted" AFTER DELETE ON "CharacterAsset"
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "character_asset_root_deleted"();

-- DropIndex
DROP INDEX "CharacterAsset_typeId_characterId_idx";

-- CreateIndex
CREATE INDEX "CharacterAsset_typeId_characterId_rootLocationId_quantity_idx" ON "CharacterAsset"("typeId", "characterId", "rootLocationId", "quantity");

-- CreateIndex
CREATE INDEX "CharacterMail_timestamp_characterId_mailId_idx" ON "CharacterMail"("timestamp", "characterId", "mailId");
