-- Search across characters (docs/search.md): who holds a type, mails by sender.
-- CreateIndex
CREATE INDEX "CharacterAsset_typeId_characterId_idx" ON "CharacterAsset"("typeId", "characterId");

-- CreateIndex
CREATE INDEX "CharacterMail_senderId_timestamp_idx" ON "CharacterMail"("senderId", "timestamp");
