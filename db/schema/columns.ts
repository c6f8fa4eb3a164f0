import { timestamp } from "drizzle-orm/pg-core";

/** createdAt/updatedAt, with time zone, as every table that people change carries them. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};
