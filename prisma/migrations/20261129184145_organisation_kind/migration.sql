-- Organisation kinds: a School chooses a Multi Academy Trust, a Trust is chosen.

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('SCHOOL', 'TRUST');

-- AlterTable (the kind is filled from the data before it becomes required)
ALTER TABLE "Organisation" ADD COLUMN "companiesHouseNumber" TEXT,
ADD COLUMN "kind" "OrganisationKind";

-- Existing rows: an organisation some school has chosen is a trust, and so is one named as a trust that chose
-- none, every other organisation is a school.
UPDATE "Organisation" o SET "kind" = CASE
  WHEN EXISTS (SELECT 1 FROM "Organisation" s WHERE s."trustId" = o.id) THEN 'TRUST'::"OrganisationKind"
  WHEN o."trustId" IS NULL AND o.name ~* '\mtrust\M' THEN 'TRUST'::"OrganisationKind"
  ELSE 'SCHOOL'::"OrganisationKind" END;

-- A trust that had itself chosen another organisation (possible before kinds) keeps that in its history: the
-- removal is recorded as an event by nobody, then the choice is cleared.
INSERT INTO "TrustChoiceEvent" ("id", "schoolId", "trustId", "action", "byUserId", "createdAt")
  SELECT gen_random_uuid(), o.id, o."trustId", 'REMOVED', NULL, now() FROM "Organisation" o
   WHERE o."kind" = 'TRUST' AND o."trustId" IS NOT NULL;
UPDATE "Organisation" SET "trustId" = NULL, "trustChosenAt" = NULL, "trustChosenById" = NULL
 WHERE "kind" = 'TRUST' AND "trustId" IS NOT NULL;

ALTER TABLE "Organisation" ALTER COLUMN "kind" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_companiesHouseNumber_key" ON "Organisation"("companiesHouseNumber");

-- CreateIndex
CREATE INDEX "Organisation_kind_name_idx" ON "Organisation"("kind", "name");

-- Hand-written (the schema language cannot say these, semicolons inside the function body are spelled \073,
-- as in the init migration):
-- only a school has a Multi Academy Trust,
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_only_school_chooses_trust" CHECK ("trustId" IS NULL OR "kind" = 'SCHOOL');

-- only a trust can be chosen, and a trust that schools have chosen cannot become a school. The chosen row is
-- read FOR SHARE, so a concurrent change of its kind waits for this choice (and then sees it) or wins first
-- (and this choice sees the new kind). With the CHECK above, no cycle can form: a trust chooses nothing.
CREATE FUNCTION "organisation_kind_rules"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  chosen_kind "OrganisationKind"\073
BEGIN
  IF NEW."trustId" IS NOT NULL AND (TG_OP = ''INSERT'' OR NEW."trustId" IS DISTINCT FROM OLD."trustId") THEN
    SELECT "kind" INTO chosen_kind FROM "Organisation" WHERE "id" = NEW."trustId" FOR SHARE\073
    IF chosen_kind IS DISTINCT FROM ''TRUST'' THEN
      RAISE EXCEPTION ''Only a trust can be chosen as a Multi Academy Trust'' USING ERRCODE = ''23514''\073
    END IF\073
  END IF\073
  IF TG_OP = ''UPDATE'' AND NEW."kind" = ''SCHOOL'' AND OLD."kind" = ''TRUST''
     AND EXISTS (SELECT 1 FROM "Organisation" WHERE "trustId" = NEW."id") THEN
    RAISE EXCEPTION ''A trust that schools have chosen cannot become a school'' USING ERRCODE = ''23514''\073
  END IF\073
  RETURN NEW\073
END';
CREATE TRIGGER "Organisation_kind_rules" BEFORE INSERT OR UPDATE OF "trustId", "kind" ON "Organisation"
  FOR EACH ROW EXECUTE FUNCTION "organisation_kind_rules"();
