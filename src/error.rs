//! The one error type of the crate; front doors convert it at their edge.

/// Everything that can go wrong in HTQ, by what the caller should do about it.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// The request is malformed; the message names the field.
    #[error("{field}: {reason}")]
    InvalidArgument {
        /// The offending field, as the contract names it.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The queue or task does not exist.
    #[error("{0} not found")]
    NotFound(String),
    /// The queue or task exists already.
    #[error("{0} already exists")]
    AlreadyExists(String),
    /// The operation does not fit the task's or queue's state (the message says why).
    #[error("{0}")]
    FailedPrecondition(String),
    /// A limit of this server is reached (the message says which); try later.
    #[error("{0}")]
    ResourceExhausted(String),
    /// Credentials missing or wrong.
    #[error("missing or invalid credentials")]
    Unauthenticated,
    /// The credentials do not reach this (the message says why).
    #[error("{0}")]
    PermissionDenied(String),
    /// Redis failed or could not be reached.
    #[error("storage unavailable: {0}")]
    Storage(String),
    /// A bug or an impossible state; logged, reported without detail.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A bad-input error naming `field`.
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl From<redis::RedisError> for Error {
    fn from(e: redis::RedisError) -> Self {
        Error::Storage(e.to_string())
    }
}

impl From<bb8::RunError<redis::RedisError>> for Error {
    fn from(e: bb8::RunError<redis::RedisError>) -> Self {
        match e {
            bb8::RunError::User(e) => e.into(),
            bb8::RunError::TimedOut => {
                Error::Storage("no Redis connection within the pool timeout".into())
            }
        }
    }
}

impl From<Error> for tonic::Status {
    fn from(e: Error) -> Self {
        use tonic::Code;
        let code = match &e {
            Error::InvalidArgument { .. } => Code::InvalidArgument,
            Error::NotFound(_) => Code::NotFound,
            Error::AlreadyExists(_) => Code::AlreadyExists,
            Error::FailedPrecondition(_) => Code::FailedPrecondition,
            Error::ResourceExhausted(_) => Code::ResourceExhausted,
            Error::Unauthenticated => Code::Unauthenticated,
            Error::PermissionDenied(_) => Code::PermissionDenied,
            Error::Storage(_) => Code::Unavailable,
            Error::Internal(_) => Code::Internal,
        };
        if let Error::Internal(detail) = &e {
            tracing::error!(%detail, "internal error");
            return tonic::Status::new(code, "internal error");
        }
        tonic::Status::new(code, e.to_string())
    }
}
