// Skills, the skill queue, active implants and jump clones.
import { Prisma } from "@prisma/client";
import { sqlTopic } from "../topic";
import { characterKey, columns } from "./common";

export const skills = sqlTopic({
  name: "skills",
  title: "Skills",
  description: "Every trained skill: active and trained level and skill points.",
  countFrom: Prisma.sql`"CharacterSkill" s`,
  from: Prisma.sql`"CharacterSkill" s
    JOIN "EveCharacter" ch ON ch.id = s."characterId"
    LEFT JOIN "EveType" t ON t.id = s."skillId"
    LEFT JOIN "EveGroup" g ON g.id = t."groupId"`,
  key: [characterKey(Prisma.sql`s`), { column: Prisma.sql`s."skillId"`, type: "int", field: "skillId" }],
  select: Prisma.sql`ch.name AS "character", s."characterId", t.name AS skill, s."skillId", g.name AS "group",
    s."activeSkillLevel", s."trainedSkillLevel", s."skillpointsInSkill"`,
  columns: columns([
    ["Skill", "skill"],
    ["Skill ID", "skillId"],
    ["Group", "group"],
    ["Active level", "activeSkillLevel"],
    ["Trained level", "trainedSkillLevel"],
    ["Skill points", "skillpointsInSkill"],
  ]),
});

export const skillQueue = sqlTopic({
  name: "skill_queue",
  title: "Skill queue",
  description: "Every skill queue entry in queue order: skill, level, start and finish dates, skill points.",
  countFrom: Prisma.sql`"CharacterSkillqueueEntry" q`,
  from: Prisma.sql`"CharacterSkillqueueEntry" q
    JOIN "EveCharacter" ch ON ch.id = q."characterId"
    LEFT JOIN "EveType" t ON t.id = q."skillId"`,
  key: [characterKey(Prisma.sql`q`), { column: Prisma.sql`q."queuePosition"`, type: "int", field: "queuePosition" }],
  select: Prisma.sql`ch.name AS "character", q."characterId", q."queuePosition", t.name AS skill, q."skillId",
    q."finishedLevel", q."startDate", q."finishDate", q."levelStartSp", q."levelEndSp", q."trainingStartSp"`,
  columns: columns([
    ["Position", "queuePosition"],
    ["Skill", "skill"],
    ["Skill ID", "skillId"],
    ["Level", "finishedLevel"],
    ["Start", "startDate"],
    ["Finish", "finishDate"],
    ["Level start SP", "levelStartSp"],
    ["Level end SP", "levelEndSp"],
    ["Training start SP", "trainingStartSp"],
  ]),
});

export const implants = sqlTopic({
  name: "implants",
  title: "Implants",
  description: "The implants of every character's active clone.",
  countFrom: Prisma.sql`"CharacterImplant" i`,
  from: Prisma.sql`"CharacterImplant" i
    JOIN "EveCharacter" ch ON ch.id = i."characterId"
    LEFT JOIN "EveType" t ON t.id = i."typeId"`,
  key: [characterKey(Prisma.sql`i`), { column: Prisma.sql`i."typeId"`, type: "int", field: "typeId" }],
  select: Prisma.sql`ch.name AS "character", i."characterId", t.name AS implant, i."typeId"`,
  columns: columns([
    ["Implant", "implant"],
    ["Type ID", "typeId"],
  ]),
});

export const jumpClones = sqlTopic({
  name: "jump_clones",
  title: "Jump clones",
  description: "Every jump clone: its name, where it is, and its implants.",
  countFrom: Prisma.sql`"CharacterJumpClone" j`,
  from: Prisma.sql`"CharacterJumpClone" j
    JOIN "EveCharacter" ch ON ch.id = j."characterId"
    LEFT JOIN "Location" l ON l.id = j."locationId"`,
  key: [characterKey(Prisma.sql`j`), { column: Prisma.sql`j."jumpCloneId"`, type: "int", field: "jumpCloneId" }],
  select: Prisma.sql`ch.name AS "character", j."characterId", j."jumpCloneId", j.name, l.name AS location,
    j."locationId"::text AS "locationId", j."locationType",
    (SELECT string_agg(COALESCE(t.name, '#' || ji."typeId"), '; ' ORDER BY t.name)
      FROM "CharacterJumpCloneImplant" ji LEFT JOIN "EveType" t ON t.id = ji."typeId"
      WHERE ji."characterId" = j."characterId" AND ji."jumpCloneId" = j."jumpCloneId") AS implants,
    (SELECT string_agg(ji."typeId"::text, '; ' ORDER BY ji."typeId") FROM "CharacterJumpCloneImplant" ji
      WHERE ji."characterId" = j."characterId" AND ji."jumpCloneId" = j."jumpCloneId") AS "implantIds"`,
  columns: columns([
    ["Jump clone ID", "jumpCloneId"],
    ["Name", "name"],
    ["Location", "location"],
    ["Location ID", "locationId"],
    ["Location type", "locationType"],
    ["Implants", "implants"],
    ["Implant type IDs", "implantIds"],
  ]),
});
