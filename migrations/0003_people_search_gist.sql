DROP INDEX "persons_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "persons_search_trgm_idx" ON "persons" USING gist ("search_key" gist_trgm_ops(siglen=64));