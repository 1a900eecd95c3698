ALTER TABLE "visits" DROP CONSTRAINT "visits_appointment_id_appointments_id_fk";
--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_follow_up_appointment_id_appointments_id_fk";
