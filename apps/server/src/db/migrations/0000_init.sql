CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"unit_code" text,
	"department_id" integer,
	"phone" text,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" integer,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"unit_code" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "domain_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" bigint NOT NULL,
	"handler" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT '1970-01-01T00:00:00.000Z' NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "event_subscriptions" (
	"handler" text NOT NULL,
	"event_type" text NOT NULL,
	CONSTRAINT "event_subscriptions_handler_event_type_pk" PRIMARY KEY("handler","event_type")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "departments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_code" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"official_name" text,
	"leader_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_code" text NOT NULL,
	"household_no" text,
	"address" text NOT NULL,
	"head_name" text NOT NULL,
	"phone" text,
	"tier" text DEFAULT 'blue' NOT NULL,
	"tier_category" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "residents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_id" bigint NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"ethnicity" text,
	"relation" text NOT NULL,
	"id_number" text,
	"phone" text,
	"party_member" boolean DEFAULT false NOT NULL,
	"political_status" text,
	"occupation" text,
	"living_status" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tier_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tier_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_id" bigint NOT NULL,
	"from_tier" text,
	"to_tier" text NOT NULL,
	"category" text,
	"reason" text NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text,
	"body" text,
	"body_en" text,
	"link" text,
	"entity_type" text,
	"entity_id" text,
	"unit_code" text,
	"params" jsonb,
	"dedup_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "linkage_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "linkage_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_id" bigint NOT NULL,
	"from_user_id" integer,
	"to_user_id" integer,
	"reason" text NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "linkages" (
	"household_id" bigint PRIMARY KEY NOT NULL,
	"representative_user_id" integer NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"linked_by" integer
);
--> statement-breakpoint
CREATE TABLE "cadence_settings" (
	"unit_code" text PRIMARY KEY NOT NULL,
	"red_days" integer NOT NULL,
	"yellow_days" integer NOT NULL,
	"blue_days" integer NOT NULL,
	"red_home_only" boolean NOT NULL,
	"escalate_days" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "visit_due" (
	"household_id" bigint PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"tier" text NOT NULL,
	"due_at" timestamp with time zone,
	"counted" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_due_days" (
	"village_code" text NOT NULL,
	"tier" text NOT NULL,
	"counted" boolean NOT NULL,
	"due_day" integer,
	"n" integer NOT NULL,
	CONSTRAINT "visit_due_days_key" UNIQUE NULLS NOT DISTINCT("village_code","tier","counted","due_day")
);
--> statement-breakpoint
CREATE TABLE "visit_photos" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visit_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"visit_id" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_photos_size" CHECK ("visit_photos"."size" <= 5242880)
);
--> statement-breakpoint
CREATE TABLE "visit_state" (
	"household_id" bigint PRIMARY KEY NOT NULL,
	"last_visit_at" timestamp with time zone NOT NULL,
	"last_kind" text NOT NULL,
	"last_home_visit_at" timestamp with time zone,
	"visit_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_id" bigint NOT NULL,
	"representative_user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"findings" text,
	"needs" text,
	"risks" text,
	"client_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"default_urgency" text DEFAULT 'ordinary' NOT NULL,
	"respond_hours_urgent" integer,
	"respond_hours_ordinary" integer,
	"respond_hours_complex" integer,
	"resolve_hours_urgent" integer,
	"resolve_hours_ordinary" integer,
	"resolve_hours_complex" integer,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_dispatches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "matter_dispatches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"matter_id" bigint NOT NULL,
	"department_id" integer NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"dispatched_at" timestamp with time zone NOT NULL,
	"dispatched_by_user_id" integer,
	"check_in_by" timestamp with time zone NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by_user_id" integer,
	"reply_by" timestamp with time zone NOT NULL,
	"replied_at" timestamp with time zone,
	"replied_by_user_id" integer,
	"reply" text
);
--> statement-breakpoint
CREATE TABLE "matter_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "matter_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"matter_id" bigint NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" integer,
	"actor_unit_code" text,
	"actor_kind" text NOT NULL,
	"note" text,
	"public_note" text,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "matter_followers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "matter_followers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"matter_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"user_id" integer,
	"name" text,
	"phone" text,
	"via_tracking_code" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_photos" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "matter_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"matter_id" bigint NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "matters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tracking_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"household_id" bigint,
	"category_code" text NOT NULL,
	"urgency" text NOT NULL,
	"state" text NOT NULL,
	"description" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"reporter_kind" text NOT NULL,
	"reporter_name" text,
	"reporter_phone" text,
	"reporter_user_id" integer,
	"hide_reporter" boolean DEFAULT false NOT NULL,
	"responsible_unit_code" text NOT NULL,
	"first_unit_code" text NOT NULL,
	"transfer_to_unit_code" text,
	"accepted_level" text,
	"respond_by" timestamp with time zone NOT NULL,
	"resolve_by" timestamp with time zone NOT NULL,
	"stage_deadline" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"paused_reason" text,
	"merged_into_id" bigint,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"feedback_message" text,
	"answered_at" timestamp with time zone,
	"rating_satisfaction" text,
	"rating_fixed" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"close_reason" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"escalation_count" integer DEFAULT 0 NOT NULL,
	"settled_level" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"client_key" text,
	CONSTRAINT "matters_trackingCode_unique" UNIQUE("tracking_code")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"endpoint_id" integer NOT NULL,
	"unit_code" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"dedup_key" text NOT NULL,
	CONSTRAINT "outbox_dedupKey_unique" UNIQUE("dedup_key")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_endpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_code" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"kind" text DEFAULT 'wecom' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_text_index" (
	"matter_id" bigint PRIMARY KEY NOT NULL,
	"village_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"open" boolean NOT NULL,
	"bigrams" text[] NOT NULL,
	"words" text[] NOT NULL,
	"word_weight" double precision NOT NULL,
	"keys" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"unit_code" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_keyHash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "matter_facts" (
	"matter_id" bigint PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"resolve_by" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"rated_at" timestamp with time zone,
	"satisfaction" text,
	"closed_at" timestamp with time zone,
	"settled_level" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"lead_department_id" integer
);
--> statement-breakpoint
CREATE TABLE "village_settings" (
	"unit_code" text PRIMARY KEY NOT NULL,
	"hotline" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_event_id_domain_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."domain_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_code_units_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_changes" ADD CONSTRAINT "tier_changes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_changes" ADD CONSTRAINT "tier_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_history" ADD CONSTRAINT "linkage_history_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_history" ADD CONSTRAINT "linkage_history_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_history" ADD CONSTRAINT "linkage_history_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_history" ADD CONSTRAINT "linkage_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_representative_user_id_users_id_fk" FOREIGN KEY ("representative_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadence_settings" ADD CONSTRAINT "cadence_settings_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "cadence_settings" ADD CONSTRAINT "cadence_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_due" ADD CONSTRAINT "visit_due_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_due" ADD CONSTRAINT "visit_due_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_state" ADD CONSTRAINT "visit_state_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_representative_user_id_users_id_fk" FOREIGN KEY ("representative_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_dispatches" ADD CONSTRAINT "matter_dispatches_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_dispatches" ADD CONSTRAINT "matter_dispatches_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_dispatches" ADD CONSTRAINT "matter_dispatches_dispatched_by_user_id_users_id_fk" FOREIGN KEY ("dispatched_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_dispatches" ADD CONSTRAINT "matter_dispatches_checked_in_by_user_id_users_id_fk" FOREIGN KEY ("checked_in_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_dispatches" ADD CONSTRAINT "matter_dispatches_replied_by_user_id_users_id_fk" FOREIGN KEY ("replied_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_events" ADD CONSTRAINT "matter_events_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_events" ADD CONSTRAINT "matter_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_followers" ADD CONSTRAINT "matter_followers_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_followers" ADD CONSTRAINT "matter_followers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_photos" ADD CONSTRAINT "matter_photos_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_category_code_matter_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."matter_categories"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_responsible_unit_code_units_code_fk" FOREIGN KEY ("responsible_unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_first_unit_code_units_code_fk" FOREIGN KEY ("first_unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_transfer_to_unit_code_units_code_fk" FOREIGN KEY ("transfer_to_unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_merged_into_id_matters_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_text_index" ADD CONSTRAINT "matter_text_index_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_facts" ADD CONSTRAINT "matter_facts_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_settings" ADD CONSTRAINT "village_settings_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "village_settings" ADD CONSTRAINT "village_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "users_unit" ON "users" USING btree ("unit_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_department" ON "users" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "audit_events_at" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_unit" ON "audit_events" USING btree ("unit_code" text_pattern_ops,"at");--> statement-breakpoint
CREATE INDEX "audit_events_entity" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "domain_events_type" ON "domain_events" USING btree ("type","id");--> statement-breakpoint
CREATE INDEX "event_deliveries_due" ON "event_deliveries" USING btree ("handler","next_attempt_at","id");--> statement-breakpoint
CREATE INDEX "event_subscriptions_type" ON "event_subscriptions" USING btree ("event_type");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_unit_name" ON "departments" USING btree ("unit_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "units_parent_name" ON "units" USING btree ("parent_code","name") WHERE "units"."level" in ('zone', 'group');--> statement-breakpoint
CREATE INDEX "units_parent" ON "units" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "units_code_prefix" ON "units" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "units_name_trgm" ON "units" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "households_unit" ON "households" USING btree ("unit_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_unit_tier" ON "households" USING btree ("unit_code" text_pattern_ops,"tier");--> statement-breakpoint
CREATE INDEX "households_tags" ON "households" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "households_head_name_trgm" ON "households" USING gin ("head_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "households_address_trgm" ON "households" USING gin ("address" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "households_phone_trgm" ON "households" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "residents_household" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_id_number" ON "residents" USING btree ("id_number") WHERE "residents"."id_number" is not null;--> statement-breakpoint
CREATE INDEX "residents_name_trgm" ON "residents" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "residents_id_number_trgm" ON "residents" USING gin ("id_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "residents_phone_trgm" ON "residents" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tier_changes_household" ON "tier_changes" USING btree ("household_id","changed_at");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedup" ON "notifications" USING btree ("user_id","dedup_key");--> statement-breakpoint
CREATE INDEX "linkage_history_household" ON "linkage_history" USING btree ("household_id","changed_at");--> statement-breakpoint
CREATE INDEX "linkages_rep" ON "linkages" USING btree ("representative_user_id");--> statement-breakpoint
CREATE INDEX "visit_due_unit" ON "visit_due" USING btree ("unit_code" text_pattern_ops,"tier","due_at","counted");--> statement-breakpoint
CREATE INDEX "visit_due_due" ON "visit_due" USING btree ("due_at","unit_code","tier","counted") WHERE "visit_due"."due_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "visit_photos_visit_sha" ON "visit_photos" USING btree ("visit_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_client_key" ON "visits" USING btree ("client_key");--> statement-breakpoint
CREATE INDEX "visits_household" ON "visits" USING btree ("household_id","visited_at");--> statement-breakpoint
CREATE INDEX "visits_rep" ON "visits" USING btree ("representative_user_id","visited_at");--> statement-breakpoint
CREATE INDEX "matter_dispatches_matter" ON "matter_dispatches" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "matter_dispatches_department" ON "matter_dispatches" USING btree ("department_id","active","matter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_dispatches_active" ON "matter_dispatches" USING btree ("matter_id","department_id") WHERE "matter_dispatches"."active";--> statement-breakpoint
CREATE INDEX "matter_events_matter" ON "matter_events" USING btree ("matter_id","id");--> statement-breakpoint
CREATE INDEX "matter_events_at" ON "matter_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "matter_followers_matter" ON "matter_followers" USING btree ("matter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_followers_user" ON "matter_followers" USING btree ("matter_id","user_id") WHERE "matter_followers"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "matter_followers_phone" ON "matter_followers" USING btree ("matter_id","phone") WHERE "matter_followers"."phone" is not null;--> statement-breakpoint
CREATE INDEX "matter_photos_matter" ON "matter_photos" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "matters_queue_village" ON "matters" USING btree (left("responsible_unit_code", 12),"stage_deadline","id") WHERE "matters"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "matters_queue_township" ON "matters" USING btree (left("responsible_unit_code", 9),"stage_deadline","id") WHERE "matters"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "matters_queue" ON "matters" USING btree ("responsible_unit_code" text_pattern_ops,"state","stage_deadline") WHERE "matters"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "matters_open_deadline" ON "matters" USING btree ("stage_deadline","id") WHERE "matters"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "matters_transfer_to" ON "matters" USING btree ("transfer_to_unit_code" text_pattern_ops) WHERE "matters"."transfer_to_unit_code" is not null;--> statement-breakpoint
CREATE INDEX "matters_unit_created" ON "matters" USING btree ("unit_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "matters_created" ON "matters" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "matters_household" ON "matters" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "matters_merged_into" ON "matters" USING btree ("merged_into_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matters_client_key" ON "matters" USING btree ("client_key") WHERE "matters"."client_key" is not null;--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("next_attempt_at","id") WHERE "outbox"."status" in ('pending', 'failed', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_status_unit" ON "outbox" USING btree ("status","unit_code" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_unit" ON "webhook_endpoints" USING btree ("unit_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "matter_text_index_keys" ON "matter_text_index" USING gin ("keys") WITH (fastupdate=false) WHERE "matter_text_index"."open";--> statement-breakpoint
CREATE INDEX "api_keys_unit" ON "api_keys" USING btree ("unit_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "matter_facts_respond" ON "matter_facts" USING btree ("respond_by","unit_code" text_pattern_ops,"responded_at","lead_department_id");--> statement-breakpoint
CREATE INDEX "matter_facts_resolved" ON "matter_facts" USING btree ("resolved_at","unit_code" text_pattern_ops,"resolve_by","settled_level","lead_department_id");--> statement-breakpoint
CREATE INDEX "matter_facts_closed" ON "matter_facts" USING btree ("closed_at","unit_code" text_pattern_ops,"state","lead_department_id");--> statement-breakpoint
CREATE INDEX "matter_facts_rated" ON "matter_facts" USING btree ("rated_at","unit_code" text_pattern_ops,"satisfaction","lead_department_id");--> statement-breakpoint
CREATE INDEX "matter_facts_answered" ON "matter_facts" USING btree ("answered_at","unit_code" text_pattern_ops,"reopen_count","lead_department_id");