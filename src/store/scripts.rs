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
    ($($name:ident),* $(,)?; $($composite:ident = $($part:ident)+),* $(,)?) => {
        /// Every script the store runs, and the functions library holding them all.
        pub struct Scripts {
            $(pub $name: NamedScript,)*
            $(pub $composite: NamedScript,)*
            /// The library's source (`FUNCTION LOAD`).
            pub library: String,
        }

        impl Scripts {
            /// Every script.
            #[cfg(test)]
            pub fn all(&self) -> Vec<&NamedScript> {
                vec![$(&self.$name,)* $(&self.$composite,)*]
            }

            /// Builds the library and the stand-alone scripts; Redis loads them at
            /// first use.
            pub fn new() -> Self {
                let bodies: &[(&str, &str)] = &[
                    $((stringify!($name), include_str!(concat!("lua/", stringify!($name), ".lua"))),)*
                ];
                let composites: &[(&str, &str)] = &[
                    $((stringify!($composite), include_str!(concat!("lua/", stringify!($composite), ".lua"))),)*
                ];
                let (library, prefix) = library(bodies, composites);
                let body = |name: &str| {
                    bodies.iter().find(|(n, _)| *n == name).map_or("", |(_, b)| *b)
                };
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
                    $($composite: NamedScript {
                        name: stringify!($composite),
                        script: Script::new(&format!(
                            "{PRELUDE}\n{}{}",
                            [$(wrapped(stringify!($part), body(stringify!($part))),)+].concat(),
                            include_str!(concat!("lua/", stringify!($composite), ".lua"))
                        )),
                        function: format!("{prefix}{}", stringify!($composite)),
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
    replay,
    delete_dead,
    maintain,
    cron_tick,
    cron_push,
    create_schedule,
    delete_schedule,
    hand_back,
    recover,
    cancel,
    get_task,
    list_tasks,
    index_take,
    index_settle;
    finish_claim = finish claim,
    push_multi = push,
    publish = push,
    topic_change = delete_queue,
);

impl Default for Scripts {
    fn default() -> Self {
        Self::new()
    }
}

/// A script body as a local function `body_<name>(KEYS, ARGV)`, so that a
/// composite script can run it.
fn wrapped(name: &str, body: &str) -> String {
    format!("local function body_{name}(KEYS, ARGV)\n{body}\nend\n")
}

/// Registers `body_<name>` (see [`wrapped`]) as function `name`. What the prelude
/// reads once per call (see emit_weighted) is forgotten at each call.
fn register(name: &str) -> String {
    format!(
        "redis.register_function('{{PREFIX}}{name}', function(KEYS, ARGV)\n\
         events_cap, events_grouped, conf_cache = nil, nil, nil\n\
         return body_{name}(KEYS, ARGV)\nend)\n"
    )
}

/// The functions library for `bodies` (name, script body) and `composites` (name,
/// body calling other bodies as `body_<name>`): the prelude once, then each body
/// as a local function (see [`wrapped`]) registered as a function taking (KEYS,
/// ARGV), so it runs unchanged. Library and function names carry a hash of the
/// source, so HTQ versions with other scripts can share one Redis. Returns the
/// source and the function-name prefix.
fn library(bodies: &[(&str, &str)], composites: &[(&str, &str)]) -> (String, String) {
    let mut functions = String::new();
    // Composites last: they call the bodies before them.
    for (name, body) in bodies.iter().chain(composites) {
        functions.push_str(&wrapped(name, body));
        functions.push_str(&register(name));
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
        assert_eq!(registered, s.all().len());
        for script in s.all() {
            let name = format!("'{}'", script.function);
            assert_eq!(s.library.matches(&name).count(), 1, "{name}");
        }
        assert!(s.library.contains(&format!("'{}'", s.push.function)));
        assert!(s.push.function.ends_with("_push"));
    }

    /// A real redis-server on a free loopback port, killed on drop.
    struct Redis(std::process::Child, u16);

    impl Drop for Redis {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    fn redis() -> Redis {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("redis-server");
        let r = Redis(child, port);
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return r;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("redis-server did not start");
    }

    #[test]
    fn every_script_and_the_library_load_into_redis() {
        let r = redis();
        let client = redis::Client::open(format!("redis://127.0.0.1:{}/", r.1)).unwrap();
        let mut con = client.get_connection().unwrap();
        let s = Scripts::new();
        // As stand-alone scripts (a Redis without Functions), composites included.
        for script in s.all() {
            let hash = script
                .script
                .load(&mut con)
                .unwrap_or_else(|e| panic!("{}: {e}", script.name));
            assert_eq!(hash, script.script.get_hash());
        }
        // As the library, with a function per script.
        let name: String = redis::cmd("FUNCTION")
            .arg("LOAD")
            .arg(&s.library)
            .query(&mut con)
            .unwrap();
        assert!(s.push.function.starts_with(&name));
        let listed: redis::Value = redis::cmd("FUNCTION").arg("LIST").query(&mut con).unwrap();
        let text = format!("{listed:?}");
        for script in s.all() {
            assert!(
                text.contains(&script.function),
                "{} not registered",
                script.function
            );
        }
    }
}
