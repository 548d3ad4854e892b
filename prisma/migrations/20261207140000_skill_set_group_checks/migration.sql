-- CreateTable
CREATE TABLE "CharacterSkillSetGroupCheck" (
    "groupId" INTEGER NOT NULL,
    "characterId" INTEGER NOT NULL,
    "requiredMet" INTEGER[],

    CONSTRAINT "CharacterSkillSetGroupCheck_pkey" PRIMARY KEY ("groupId","characterId")
);

-- The skill-set report's stored summary (docs/reports.md, "Stored summary"), kept true by
-- triggers rather than by the code that writes checks: checks and a set's groups are
-- written by the skill_sets section, the skill-set editor, the importer, cascades from
-- deleted characters, sets and groups, and tests; a trigger sees every one of them, in
-- the writer's own transaction.

-- Recomputes the given (group, character) pairs from the checks: a pair with no check
-- left in the group's sets loses its row.
CREATE FUNCTION "skill_set_group_checks_refresh"(pair_groups INTEGER[], pair_characters INTEGER[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(pair_groups) = 0 THEN
    RETURN;
  END IF;
  -- One refresh at a time, held to the end of the writer's transaction: under READ COMMITTED
  -- the statements below then see the checks and groups of every refresh committed before,
  -- so two writers touching the same pair cannot leave the older answer behind.
  PERFORM pg_advisory_xact_lock(1936421747);
  DELETE FROM "CharacterSkillSetGroupCheck" s
    USING unnest(pair_groups, pair_characters) AS p(g, c)
    WHERE s."groupId" = p.g AND s."characterId" = p.c;
  INSERT INTO "CharacterSkillSetGroupCheck" ("groupId", "characterId", "requiredMet")
  SELECT p.g, p.c,
    COALESCE(array_agg(k."skillSetId" ORDER BY k."skillSetId") FILTER (WHERE cardinality(k."failedRequired") = 0), '{}')
  FROM (SELECT DISTINCT g, c FROM unnest(pair_groups, pair_characters) AS u(g, c)) p
  JOIN "_SkillSetToSkillSetGroup" sg ON sg."B" = p.g
  JOIN "CharacterSkillSetCheck" k ON k."skillSetId" = sg."A" AND k."characterId" = p.c
  GROUP BY p.g, p.c;
END $$;

-- Checks written: the pairs of the rows' characters and their sets' groups. (Each event's
-- trigger names only its own transition tables, hence the branches.)
CREATE FUNCTION "skill_set_group_checks_on_checks"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  characters INTEGER[];
  sets INTEGER[];
  g INTEGER[];
  c INTEGER[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "CharacterSkillSetGroupCheck";
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg("characterId"), array_agg("skillSetId") INTO characters, sets FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg("characterId"), array_agg("skillSetId") INTO characters, sets FROM old_rows;
  ELSE
    SELECT array_agg(x."characterId"), array_agg(x."skillSetId") INTO characters, sets
    FROM (SELECT "characterId", "skillSetId" FROM old_rows UNION SELECT "characterId", "skillSetId" FROM new_rows) x;
  END IF;
  SELECT COALESCE(array_agg(p.g), '{}'), COALESCE(array_agg(p.c), '{}') INTO g, c
  FROM (
    SELECT DISTINCT sg."B" AS g, x.c
    FROM unnest(characters, sets) AS x(c, s) JOIN "_SkillSetToSkillSetGroup" sg ON sg."A" = x.s
  ) p;
  PERFORM "skill_set_group_checks_refresh"(g, c);
  RETURN NULL;
END $$;

-- A set added to or taken out of a group: that group's pairs with the set's checked characters.
CREATE FUNCTION "skill_set_group_checks_on_groups"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sets INTEGER[];
  set_groups INTEGER[];
  g INTEGER[];
  c INTEGER[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "CharacterSkillSetGroupCheck";
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg("A"), array_agg("B") INTO sets, set_groups FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg("A"), array_agg("B") INTO sets, set_groups FROM old_rows;
  ELSE
    SELECT array_agg(x."A"), array_agg(x."B") INTO sets, set_groups
    FROM (SELECT "A", "B" FROM old_rows UNION SELECT "A", "B" FROM new_rows) x;
  END IF;
  SELECT COALESCE(array_agg(p.g), '{}'), COALESCE(array_agg(p.c), '{}') INTO g, c
  FROM (
    SELECT DISTINCT x.g, k."characterId" AS c
    FROM unnest(sets, set_groups) AS x(s, g) JOIN "CharacterSkillSetCheck" k ON k."skillSetId" = x.s
  ) p;
  PERFORM "skill_set_group_checks_refresh"(g, c);
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
