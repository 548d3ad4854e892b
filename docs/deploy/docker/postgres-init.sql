-- Runs once, on the PostgreSQL container's first start (compose.yaml): Inngest's own database beside the app's.
CREATE DATABASE inngest OWNER memberaudit;
