-- CreateTable
CREATE TABLE "CharacterSkillSetGroupCheck" (
    "groupId" INTEGER NOT NULL,
    "characterId" INTEGER NOT NULL,
    "requiredMet" INTEGER[],

    CONSTRAINT "CharacterSkillSetGroupCheck_pkey" PRIMARY KEY ("groupId","characterId")
);

-- CreateIndex
CREATE INDEX "CharacterSkillSetGroupCheck_characterId_idx" ON "CharacterSkillSetGroupCheck"("characterId");

-- The skill-set report's stored summary (docs/reports.md, "Stored summary"), kept true by
-- triggers rather than by the code that writes checks: checks and a set's groups are
-- written by the skill_sets section, the skill-set editor, the importer, cascades from
-- deleted characters, sets and groups, and tests; a trigger sees every one of them, in
-- the writer's own transaction.

-- Why whole characters and whole groups, not single pairs: deleting a skill set cascades
-- to its checks and to its group links in one statement, and both statement triggers
-- then fire with the other table already emptied, so neither could find the pairs
-- through the other. A change to a character's checks recomputes every row of that
-- character, a change to a group's sets every row of that group, each from the tables
-- as they are; every pair is recomputed after the last change that touched it.
CREATE FUNCTION "skill_set_group_checks_refresh"(for_groups INTEGER[], for_characters INTEGER[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(for_groups) = 0 AND cardinality(for_characters) = 0 THEN
    RETURN;
  END IF;
  -- One refresh at a time, held to the end of the writer's transaction: under READ COMMITTED
  -- the statements below then see the checks and groups of every refresh committed before,
  -- so two writers touching the same pair cannot leave the older answer behind.
  PERFORM pg_advisory_xact_lock(1936421747);
  -- Two branches, not one OR: each statement then keeps an index plan (a character's
  -- checks by primary key; a group's sets, then their checks) under plpgsql's cached plans.
  IF cardinality(for_characters) > 0 THEN
    DELETE FROM "CharacterSkillSetGroupCheck" WHERE "characterId" = ANY(for_characters);
    INSERT INTO "CharacterSkillSetGroupCheck" ("groupId", "characterId", "requiredMet")
    SELECT sg."B", k."characterId",
      COALESCE(array_agg(k."skillSetId" ORDER BY k."skillSetId") FILTER (WHERE cardinality(k."failedRequired") = 0), '{}')
    FROM "CharacterSkillSetCheck" k
    JOIN "_SkillSetToSkillSetGroup" sg ON sg."A" = k."skillSetId"
    WHERE k."characterId" = ANY(for_characters)
    GROUP BY sg."B", k."characterId";
  END IF;
  IF cardinality(for_groups) > 0 THEN
    DELETE FROM "CharacterSkillSetGroupCheck" WHERE "groupId" = ANY(for_groups);
    INSERT INTO "CharacterSkillSetGroupCheck" ("groupId", "characterId", "requiredMet")
    SELECT sg."B", k."characterId",
      COALESCE(array_agg(k."skillSetId" ORDER BY k."skillSetId") FILTER (WHERE cardinality(k."failedRequired") = 0), '{}')
    FROM "_SkillSetToSkillSetGroup" sg
    JOIN "CharacterSkillSetCheck" k ON k."skillSetId" = sg."A"
    WHERE sg."B" = ANY(for_groups)
    GROUP BY sg."B", k."characterId";
  END IF;
END $$;

-- Checks written: every row of their characters. (Each event's trigger names only its own
-- transition tables, hence the branches.)
CREATE FUNCTION "skill_set_group_checks_on_checks"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  characters INTEGER[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "CharacterSkillSetGroupCheck";
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "characterId") INTO characters FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "characterId") INTO characters FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x."characterId") INTO characters
    FROM (SELECT "characterId" FROM old_rows UNION SELECT "characterId" FROM new_rows) x;
  END IF;
  PERFORM "skill_set_group_checks_refresh"('{}', COALESCE(characters, '{}'));
  RETURN NULL;
END $$;

-- A set added to or taken out of a group ("B"): every row of that group.
CREATE FUNCTION "skill_set_group_checks_on_groups"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  set_groups INTEGER[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "CharacterSkillSetGroupCheck";
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "B") INTO set_groups FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "B") INTO set_groups FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x."B") INTO set_groups FROM (SELECT "B" FROM old_rows UNION SELECT "B" FROM new_rows) x;
  END IF;
  PERFORM "skill_set_group_checks_refresh"(COALESCE(set_groups, '{}'), '{}');
  RETURN NULL;
END $$;

-- A trigger with transition tables serves one event, hence one per event.
CREATE TRIGGER "skill_set_group_checks_insert" AFTER INSERT ON "CharacterSkillSetCheck"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "skill_set_group_checks_on_checks"();
CREATE TRIGGER "skill_set_group_checks_update" AFTER UPDATE ON "CharacterSkillSetCheck"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "skill_set_group_checks_on_checks"();
CREATE TRIGGER "skill_set_group_checks_delete" AFTER DELETE ON "CharacterSkillSetCheck"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "skill_set_group_checks_on_checks"();
CREATE TRIGGER "skill_set_group_checks_truncate" AFTER TRUNCATE ON "CharacterSkillSetCheck"
  FOR EACH STATEMENT EXECUTE FUNCTION "skill_set_group_checks_on_checks"();

CREATE TRIGGER "skill_set_group_checks_insert" AFTER INSERT ON "_SkillSetToSkillSetGroup"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "skill_set_group_checks_on_groups"();
CREATE TRIGGER "skill_set_group_checks_update" AFTER UPDATE ON "_SkillSetToSkillSetGroup"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "skill_set_group_checks_on_groups"();
CREATE TRIGGER "skill_set_group_checks_delete" AFTER DELETE ON "_SkillSetToSkillSetGroup"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "skill_set_group_checks_on_groups"();
CREATE TRIGGER "skill_set_group_checks_truncate" AFTER TRUNCATE ON "_SkillSetToSkillSetGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION "skill_set_group_checks_on_groups"();

-- The checks already stored.
INSERT INTO "CharacterSkillSetGroupCheck" ("groupId", "characterId", "requiredMet")
SELECT sg."B", k."characterId",
  COALESCE(array_agg(k."skillSetId" ORDER BY k."skillSetId") FILTER (WHERE cardinality(k."failedRequired") = 0), '{}')
FROM "CharacterSkillSetCheck" k JOIN "_SkillSetToSkillSetGroup" sg ON sg."A" = k."skillSetId"
GROUP BY sg."B", k."characterId";
