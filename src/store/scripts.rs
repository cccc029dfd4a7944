//! The Lua scripts, one file per state transition (see `lua/`), each with the shared
//! prelude (helpers and the return-code table) in front; Redis caches each at its
//! first use.

use redis::Script;

/// A script and the name its spans and metrics carry (its file's name).
pub struct NamedScript {
    pub name: &'static str,
    pub script: Script,
}

macro_rules! scripts {
    ($($name:ident),* $(,)?) => {
        /// Every script the store runs.
        pub struct Scripts {
            $(pub $name: NamedScript,)*
        }

        impl Scripts {
            /// Compiles nothing yet: Redis loads each script at its first use.
            pub fn new() -> Self {
                Scripts {
                    $($name: NamedScript {
                        name: stringify!($name),
                        script: Script::new(concat!(
                            include_str!("lua/prelude.lua"),
                            "\n",
                            include_str!(concat!("lua/", stringify!($name), ".lua"))
                        )),
                    },)*
                }
            }
        }
    };
}

scripts!(
    create_queue,
    update_queue,
    delete_queue,
    purge,
    import_task,
    push,
    claim,
    finish,
    count_tasks,
    run_task,
    retry_dead,
    delete_dead,
    maintain,
    cron_tick,
    create_schedule,
    delete_schedule,
    hand_back,
    recover,
    cancel,
    get_task,
    list_tasks,
    index_take,
    index_settle,
);

impl Default for Scripts {
    fn default() -> Self {
        Self::new()
    }
}
