//! The Lua scripts, one file per state transition (see `lua/`), loaded once.

use redis::Script;

macro_rules! task_script {
    ($file:literal) => {
        Script::new(concat!(
            include_str!("lua/prelude.lua"),
            "\n",
            include_str!(concat!("lua/", $file))
        ))
    };
}

/// Every script the store runs.
pub struct Scripts {
    pub create_queue: Script,
    pub update_queue: Script,
    pub delete_queue: Script,
    pub purge: Script,
    pub import_task: Script,
    pub push: Script,
    pub claim: Script,
    pub finish: Script,
    pub count_tasks: Script,
    pub run_task: Script,
    pub retry_dead: Script,
    pub delete_dead: Script,
    pub maintain: Script,
    pub cron_tick: Script,
    pub create_schedule: Script,
    pub delete_schedule: Script,
    pub hand_back: Script,
    pub recover: Script,
    pub cancel: Script,
    pub get_task: Script,
    pub list_tasks: Script,
    pub lease_index_take: Script,
    pub lease_index_settle: Script,
}

impl Scripts {
    /// Compiles nothing yet: Redis loads each script at its first use.
    pub fn new() -> Self {
        Scripts {
            create_queue: task_script!("create_queue.lua"),
            update_queue: task_script!("update_queue.lua"),
            delete_queue: task_script!("delete_queue.lua"),
            purge: task_script!("purge.lua"),
            import_task: task_script!("import_task.lua"),
            push: task_script!("push.lua"),
            claim: task_script!("claim.lua"),
            finish: task_script!("finish.lua"),
            count_tasks: task_script!("count_tasks.lua"),
            run_task: task_script!("run_task.lua"),
            retry_dead: task_script!("retry_dead.lua"),
            delete_dead: task_script!("delete_dead.lua"),
            maintain: task_script!("maintain.lua"),
            cron_tick: task_script!("cron_tick.lua"),
            create_schedule: task_script!("create_schedule.lua"),
            delete_schedule: task_script!("delete_schedule.lua"),
            hand_back: task_script!("hand_back.lua"),
            recover: task_script!("recover.lua"),
            cancel: task_script!("cancel.lua"),
            get_task: task_script!("get_task.lua"),
            list_tasks: task_script!("list_tasks.lua"),
            lease_index_take: task_script!("lease_index_take.lua"),
            lease_index_settle: task_script!("lease_index_settle.lua"),
        }
    }
}

impl Default for Scripts {
    fn default() -> Self {
        Self::new()
    }
}
