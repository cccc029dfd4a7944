//! The Lua scripts, one file per state transition (see `lua/`), and how Redis runs
//! them: as one Redis Functions library (Redis 7 and later), loaded once, whose
//! shared prelude (helpers and the return-code table) is defined once when the
//! library loads rather than on every call; or, on an older Redis, each as a script
//! with the prelude in front (EVALSHA).

use redis::Script;

/// A script: the name its spans and metrics carry (its file's name), the
/// stand-alone script (prelude + body) and its name in the functions library.
pub struct NamedScript {
    pub name: &'static str,
    pub script: Script,
    pub function: String,
}

/// The prelude every script shares.
pub const PRELUDE: &str = include_str!("lua/prelude.lua");

macro_rules! scripts {
    ($($name:ident),* $(,)?) => {
        /// Every script the store runs, and the functions library holding them all.
        pub struct Scripts {
            $(pub $name: NamedScript,)*
            /// The library's source (`FUNCTION LOAD`).
            pub library: String,
        }

        impl Scripts {
            /// Builds the library and the stand-alone scripts; Redis loads them at
            /// first use.
            pub fn new() -> Self {
                let bodies: &[(&str, &str)] = &[
                    $((stringify!($name), include_str!(concat!("lua/", stringify!($name), ".lua"))),)*
                ];
                let (library, prefix) = library(bodies);
                Scripts {
                    $($name: NamedScript {
                        name: stringify!($name),
                        script: Script::new(concat!(
                            include_str!("lua/prelude.lua"),
                            "\n",
                            include_str!(concat!("lua/", stringify!($name), ".lua"))
                        )),
                        function: format!("{prefix}{}", stringify!($name)),
                    },)*
                    library,
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

/// The functions library for `bodies` (name, script body): the prelude once, then
/// each body registered as a function taking (KEYS, ARGV), so it runs unchanged.
/// Library and function names carry a hash of the source, so HTQ versions with other
/// scripts can share one Redis. Returns the source and the function-name prefix.
fn library(bodies: &[(&str, &str)]) -> (String, String) {
    let mut functions = String::new();
    for (name, body) in bodies {
        functions.push_str(&format!(
            "redis.register_function('{{PREFIX}}{name}', function(KEYS, ARGV)\n\
             -- Per call: the event cap is read once per call (see emit_weighted).\n\
             events_cap = nil\n{body}\nend)\n"
        ));
    }
    let hash = Script::new(&format!("{PRELUDE}\n{functions}")).get_hash()[..12].to_owned();
    let prefix = format!("htq_{hash}_");
    let source = format!(
        "#!lua name=htq_{hash}\n{PRELUDE}\n{}",
        functions.replace("{PREFIX}", &prefix)
    );
    (source, prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_registers_every_script_once() {
        let s = Scripts::new();
        assert!(s.library.starts_with("#!lua name=htq_"));
        let registered = s.library.matches("redis.register_function(").count();
        assert_eq!(registered, 23);
        assert!(s.library.contains(&format!("'{}'", s.push.function)));
        assert!(s.push.function.ends_with("_push"));
    }
}
