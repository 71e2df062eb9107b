/**
 * Background jobs with db-scheduler (core library, wired by hand): every
 * {@link com.github.kagkarlsson.scheduler.task.Task} bean of the context is run by one scheduler on the
 * product's database (table {@code scheduled_tasks}), started once the start-up tasks are done.
 */
package fr.zlv.platform.jobs;
