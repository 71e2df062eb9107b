-- Background jobs (db-scheduler 16): the library's own table, PostgreSQL shape of its documentation.
-- One row per scheduled execution; recurring tasks (campaign sending dates, owner answers digest…)
-- keep one row each. Several instances share it: a row is picked by one of them only.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- Campaigns due to move their dwellings are found by sending date.
create index campaign_by_sending_date on campaign (sending_date) where sending_date is not null;
